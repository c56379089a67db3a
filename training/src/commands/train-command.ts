import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  ARTIFACT_FORMAT_VERSION,
  currentVersion,
  DEFAULT_TRANSFORMERS_MODEL,
  listVersions,
  loadArtifact,
  nextVersion,
  saveArtifact,
  type Embedder,
  type ModelArtifact,
} from '@logclass/embedding-tier';
import { DEFAULT_ROUTING, parseRouting } from '@logclass/cascade';
import { DEFAULT_CORRECTIONS_FILE } from '@logclass/corrections';
import { loadTaxonomy, type Taxonomy } from '@logclass/taxonomy';
import { DEFAULT_STORE_FILE, openTemplateStore, type TemplateLabelStore } from '@logclass/template-store';
import { embedderFromOption, parseHashingDimension } from '../cli/embedder-option';
import { numberOption } from '../cli/parse-number';
import { DEFAULT_CORRECTION_WEIGHT, defaultCorrectionsPath, mergeCorrections } from '../dataset/corrections';
import { parseLabelledCsv, type LabelledRow } from '../dataset/labelled-csv';
import { describeUnknownLabels, resolveLabels } from '../dataset/resolve-labels';
import { groupKey } from '../dataset/split';
import {
  DEFAULT_CONFIRMED_LABEL_WEIGHT,
  DEFAULT_LLM_LABEL_WEIGHT,
  mergeStoreLabels,
  readAllEntries,
  selectStoreLabels,
  STORE_LABEL_MODES,
  type StoreLabelMode,
  type StoreLabelSet,
} from '../dataset/store-labels';
import { renderEvaluationSvg } from '../evaluation/svg-report';
import { describeClassCosts, DEFAULT_CLASS_COSTS, parseClassCosts } from '../model/class-costs';
import { loadModel } from '../pipeline/load-model';
import { comparisonJson, renderComparison, scoreModel, type ModelScore } from '../pipeline/model-comparison';
import { renderTrainingReport, trainingMetricsJson } from '../pipeline/training-report';
import { trainAndEvaluate, type TrainPipelineResult } from '../pipeline/train-pipeline';
import { llmToEmbedding, renderLlmToEmbedding, type LlmToEmbedding } from '../pipeline/llm-to-embedding';
import type { ThresholdChoice } from '../evaluation/threshold';
import { chooseTemplateMemory, renderTemplateMemory, type TemplateMemoryChoice } from '../model/template-memory';

// Chosen on validation templates: 1e-4 underfits (held-out accuracy ~2 points lower),
// 1e-5 is no better than 3e-5 on held-out templates and takes ~2x longer to fit.
export const DEFAULT_L2 = 3e-5;

/** Options as commander hands them over (strings until validated). */
export interface TrainCommandOptions {
  data: string;
  embedder: string;
  hashingDimension?: string;
  modelsPath: string;
  transformersModel?: string;
  out?: string;
  model?: string;
  /** A file, false (--no-corrections) or undefined (the default file when it exists). */
  corrections?: string | false;
  correctionWeight: string;
  seed: string;
  l2: string;
  targetPrecision: string;
  maxIterations: string;
  /** Default DEFAULT_CLASS_COSTS. */
  classCosts?: string;
  /** evaluation-families.json of the same data: take its threshold, chosen on every family held out. */
  thresholdFrom?: string;
  taxonomy?: string;
  /** STORE_LABEL_MODES; default confirmed. */
  storeLabels?: string;
  confirmedLabelWeight?: string;
  llmLabelWeight?: string;
  /** The SQLite store (default LLM_STORE_FILE, or data/template-labels.sqlite, when it exists). */
  storeFile?: string;
  /** A PostgreSQL store (default LLM_STORE_URL when LLM_STORE=postgres). */
  storeUrl?: string;
  /** Routing by source as GATEWAY_ROUTING (default: that variable, or the gateway's default). */
  routing?: string;
  /** A store already open (bootstrap): read instead of the one the flags name, and left open. */
  store?: TemplateLabelStore;
  /** false (--no-template-memory): no exact-template memory in the artifact (model/template-memory.ts). */
  templateMemory?: boolean;
}

/** The options of `logclass train` (which `npm run train` runs). */
export function addTrainOptions(command: Command): Command {
  return command
    .option('--data <csv>', 'labelled logs to train on (source,log_message,target_label[,template_id])', 'training/data/corpus.csv')
    .option('--corrections <csv>', `operators' corrections to include (default: ${DEFAULT_CORRECTIONS_FILE} when it exists)`)
    .option('--no-corrections', 'train on --data alone')
    .option('--correction-weight <n>', 'training rows each corrected template counts as', String(DEFAULT_CORRECTION_WEIGHT))
    .option('--model <root>', 'model folder to add a new version to (versions/v<n>), compared with its current version (default: models/<embedder>-lr)')
    .option('--out <dir>', 'write the model to exactly this folder instead (overwrites)')
    .option('--embedder <kind>', 'hashing (no download) or transformers (needs the model under --models-path)', 'hashing')
    .option('--hashing-dimension <n>', 'feature-hashing dimension of the hashing embedder (power of two; default 16384)')
    .option('--models-path <dir>', 'where transformers models live', 'models')
    .option('--transformers-model <id>', 'model folder under --models-path (embedder transformers)', DEFAULT_TRANSFORMERS_MODEL)
    .option('--seed <n>', 'seed of the train/validation/test split', '1')
    .option('--l2 <x>', 'L2 penalty of the logistic regression', String(DEFAULT_L2))
    .option('--target-precision <p>', 'precision the accepted set must reach on validation', '0.95')
    .option('--max-iterations <n>', 'L-BFGS iteration cap', '300')
    .option('--threshold-from <json>', 'evaluation-families.json written by npm run evaluate:families on the same data and settings: use its threshold (chosen on every family held out) instead of one validation fold\'s')
    .option('--class-costs <pairs>', "Label=cost,... multiplying those labels' row weights after balancing, or none", DEFAULT_CLASS_COSTS)
    .option('--taxonomy <json>', 'label file of your deployment (default: the nine built-in labels)')
    .option(
      '--store-labels <which>',
      "template-label store entries to learn from: confirmed (operators' decisions and LLM answers an operator confirmed), all (unconfirmed LLM answers too: log lines are attacker-controlled, take them only when you trust the traffic) or none",
      'confirmed',
    )
    .option('--confirmed-label-weight <n>', "training rows each operator's or confirmed store entry counts as", String(DEFAULT_CONFIRMED_LABEL_WEIGHT))
    .option('--llm-label-weight <n>', 'training rows each unconfirmed LLM store entry counts as (with --store-labels all)', String(DEFAULT_LLM_LABEL_WEIGHT))
    .option('--store-file <sqlite>', `the SQLite template-label store (default: LLM_STORE_FILE or ${DEFAULT_STORE_FILE}, when it exists)`)
    .option('--store-url <url>', 'a PostgreSQL template-label store (default: LLM_STORE_URL when LLM_STORE=postgres)')
    .option('--routing <json>', "routing by source, as GATEWAY_ROUTING (default: that variable, else the gateway's default): which store templates the embedding tier would see")
    .option(
      '--no-template-memory',
      'no exact-template memory: by default the model also remembers the corrected and store templates it would leave under its threshold (or label otherwise) and the embedding tier decides them by exact match',
    );
}

/** The store `train` reads, as the LLM tier's LLM_STORE* variables name it unless the flags say otherwise; undefined when there is none. */
export function openTrainingStore(o: Pick<TrainCommandOptions, 'storeFile' | 'storeUrl'>, env: NodeJS.ProcessEnv = process.env): { store: TemplateLabelStore; where: string } | undefined {
  const backend = env.LLM_STORE?.trim() || 'sqlite';
  const url = o.storeUrl ?? (o.storeFile === undefined && backend === 'postgres' ? env.LLM_STORE_URL?.trim() : undefined);
  if (url) return { store: openTemplateStore({ backend: 'postgres', url, maxEntries: Number.MAX_SAFE_INTEGER }) as TemplateLabelStore, where: 'postgres' };
  if (o.storeFile === undefined && backend !== 'sqlite') return undefined;
  const file = o.storeFile ?? (env.LLM_STORE_FILE?.trim() || DEFAULT_STORE_FILE);
  // Opening would create an empty store: a file that is not there is no store (unless named, which is an error).
  if (!existsSync(file)) {
    if (o.storeFile !== undefined) throw new Error(`--store-file ${file}: no such file`);
    return undefined;
  }
  return { store: openTemplateStore({ backend: 'sqlite', file, maxEntries: Number.MAX_SAFE_INTEGER }) as TemplateLabelStore, where: file };
}

interface StoreInput {
  mode: StoreLabelMode;
  set: StoreLabelSet;
  where: string;
  confirmedWeight: number;
  llmWeight: number;
}

/** Reads the store's entries (all of them: the move report needs them even with --store-labels none). */
async function readStoreInput(o: TrainCommandOptions, taxonomy: Taxonomy, log: (line: string) => void): Promise<StoreInput | undefined> {
  const mode = (o.storeLabels ?? 'confirmed') as StoreLabelMode;
  if (!STORE_LABEL_MODES.includes(mode)) throw new Error(`--store-labels ${o.storeLabels}: expected one of ${STORE_LABEL_MODES.join(', ')}`);
  const confirmedWeight = numberOption('--confirmed-label-weight', o.confirmedLabelWeight ?? String(DEFAULT_CONFIRMED_LABEL_WEIGHT), { integer: true, min: 1, max: 10_000 });
  const llmWeight = numberOption('--llm-label-weight', o.llmLabelWeight ?? String(DEFAULT_LLM_LABEL_WEIGHT), { integer: true, min: 1, max: 10_000 });
  const opened = o.store ? { store: o.store, where: o.store.backend } : openTrainingStore(o);
  if (!opened) return undefined;
  let entries;
  try {
    entries = await readAllEntries(opened.store);
  } catch (err) {
    throw new Error(`template-label store ${opened.where}: ${(err as Error).message}`);
  } finally {
    if (!o.store) await opened.store.close();
  }
  const set = selectStoreLabels(entries, { mode, confirmedWeight, llmWeight, taxonomy });
  const s = set.skipped;
  log(
    `template-label store ${opened.where}: ${entries.length} entries; --store-labels ${mode}: ${set.taken.length} templates taken` +
      ` (left out: ${s.unconfirmed} unconfirmed LLM answers, ${s.suspect} unconfirmed answers to lines that looked like instructions, ${s.noLabel} without a label, ${s.notInTaxonomy} outside the taxonomy, ${s.otherTaxonomy} of another taxonomy, ${s.sameTemplate} of a template already taken)`,
  );
  return { mode, set, where: opened.where, confirmedWeight, llmWeight };
}

export interface TrainOutcome {
  outDir: string;
  /** "v3" when a version was added to a model root, undefined for a plain folder. */
  version?: string;
  root?: string;
  comparison?: { old: ModelScore; next: ModelScore };
  report: string;
  /** What the new version would take over from the LLM tier (when there is a template-label store). */
  llmToEmbedding?: LlmToEmbedding;
  /** How its template memory was chosen (absent with --no-template-memory or nothing told outright). */
  templateMemory?: TemplateMemoryChoice;
}

export interface TrainingData {
  corpus: LabelledRow[];
  trainOnly: LabelledRow[];
  labels: string[];
  fingerprint: string;
  describe: string;
  /** What was taken from the template-label store, for the artifact's record. */
  store?: { where: string; labels: StoreLabelMode; confirmed: number; llm: number; confirmedWeight: number; llmWeight: number };
}

/**
 * Trains a model (see train-pipeline.ts for the method) and writes the
 * artifact, evaluation.txt/.json/.svg next to it. With a model root that
 * already holds a model, the result is a new version beside the others, and
 * it is scored against the version in service on the same held-out rows.
 */
export async function runTrain(o: TrainCommandOptions, log: (line: string) => void, command: string): Promise<TrainOutcome> {
  const started = process.hrtime.bigint();
  const seed = numberOption('--seed', o.seed, { integer: true, min: 0 });
  const l2 = numberOption('--l2', o.l2, { min: 0 });
  const targetPrecision = numberOption('--target-precision', o.targetPrecision, { min: 0, max: 1 });
  const maxIterations = numberOption('--max-iterations', o.maxIterations, { integer: true, min: 1 });
  const correctionWeight = numberOption('--correction-weight', o.correctionWeight, { integer: true, min: 1, max: 10_000 });
  const taxonomy = loadTaxonomy(o.taxonomy);
  const correctionsPath = o.corrections === false ? undefined : (o.corrections ?? defaultCorrectionsPath());
  const storeInput = await readStoreInput(o, taxonomy, log);
  const routingJson = o.routing ?? (process.env.GATEWAY_ROUTING?.trim() || DEFAULT_ROUTING);
  const routing = parseRouting(routingJson, ['regex', 'embedding', 'llm']);
  const data = readTrainingData(o.data, correctionsPath, correctionWeight, taxonomy, log, storeInput);
  const target = chooseTarget(o);
  const costsText = o.classCosts ?? DEFAULT_CLASS_COSTS;
  // The default weighs Security Alert rows; data without any (a first model from a user's own logs) has nothing to weigh.
  const classCosts = parseClassCosts(costsText === DEFAULT_CLASS_COSTS && !data.labels.includes('Security Alert') ? 'none' : costsText, data.labels);
  const threshold = o.thresholdFrom ? thresholdFromFamilyReport(o.thresholdFrom, data.fingerprint, describeClassCosts(classCosts), l2, targetPrecision) : undefined;

  const embedder = await embedderFromOption(o.embedder, o.modelsPath, o.transformersModel, parseHashingDimension(o.hashingDimension));
  try {
    const result = await trainAndEvaluate(data.corpus, { embedder, labels: data.labels, l2, seed, maxIterations, targetPrecision, classCosts, threshold, extraTrainRows: data.trainOnly, log });
    // Chosen with the final model: what the tier will serve. Nothing held out is scored with it.
    const remembered =
      o.templateMemory !== false && data.trainOnly.length > 0
        ? await chooseTemplateMemory(data.corpus, data.trainOnly, { model: result.model, labels: data.labels, threshold: result.threshold.threshold, embedder })
        : undefined;
    const previous = target.previousDir ? await scorePrevious(target.previousDir, target.previousId as string, embedder, result, data.labels, o.modelsPath) : undefined;
    const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const metrics = trainingMetricsJson(result);
    const name = basename(resolve(target.root ?? target.outDir));
    saveArtifact(target.outDir, {
      formatVersion: ARTIFACT_FORMAT_VERSION,
      name,
      version: target.version ?? `${data.fingerprint.slice(0, 12)}-s${seed}`,
      // SOURCE_DATE_EPOCH makes the whole artifact byte-reproducible; otherwise the weights are and the date is not.
      createdAt: process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : new Date().toISOString(),
      labels: [...data.labels],
      embedder: { id: embedder.id, dimension: embedder.dimension },
      threshold: result.threshold.threshold,
      thresholdMethod: result.threshold.method,
      trainingData: { fingerprint: `sha256:${data.fingerprint}`, rows: data.corpus.length + data.trainOnly.length, templates: new Set(data.corpus.map(groupKey)).size },
      training: {
        l2, seed, classWeight: 'balanced', classCosts: Object.fromEntries(classCosts), targetPrecision, iterations: result.finalFit.iterations, converged: result.finalFit.converged,
        heldOutBy: result.heldOutBy, fittedOn: result.heldOutBy === 'family' ? 'every row' : 'train+validation',
        ...(result.parts.validation.families ? { validationFamilies: result.parts.validation.families } : {}),
        data: relative(process.cwd(), resolve(o.data)),
        ...(correctionsPath ? { corrections: relative(process.cwd(), resolve(correctionsPath)), correctionWeight } : {}),
        ...(data.store ? { templateStore: data.store } : {}),
      },
      metrics,
      ...(remembered && remembered.memory.entries.length > 0 ? { templateMemory: remembered.memory } : {}),
      weights: result.model.weights,
      bias: result.model.bias,
    });

    let report = renderTrainingReport(
      { modelDir: target.outDir, dataPath: data.describe, fingerprint: data.fingerprint, embedderId: embedder.id, labels: data.labels, l2, seed, targetPrecision, classCosts: describeClassCosts(classCosts), totalSeconds, command },
      result,
    );
    if (remembered) report += `\n${renderTemplateMemory(remembered.choice)}`;
    const comparison = previous ? { old: previous, next: await scoreNew(target.version as string, target.outDir, embedder, result, data.labels) } : undefined;
    if (comparison) {
      const heldOut = result.heldOutBy === 'family' ? `${result.testRows.length} rows of the validation families (the new model's final fit includes them)` : `${result.testRows.length} test rows of templates held out of this training`;
      // The template memory holds training labels: scored with it, held-out rows of its templates would only repeat them.
      const rowsNote = `${heldOut}; each model alone, without its template memory`;
      const text = renderComparison(comparison.old, comparison.next, rowsNote);
      report += `\n${text}`;
      writeFileSync(join(target.outDir, 'comparison.json'), `${JSON.stringify(comparisonJson(comparison.old, comparison.next), null, 2)}\n`);
    }
    const moved = storeInput ? await llmToEmbedding(storeInput.set.entries, { artifact: loadArtifact(target.outDir, embedder), embedder }, await servingModel(target, embedder, o.modelsPath), routing) : undefined;
    if (moved) report += `\n${renderLlmToEmbedding(moved, `routing ${routingJson}`)}`;
    writeFileSync(join(target.outDir, 'evaluation.txt'), report);
    writeFileSync(join(target.outDir, 'evaluation.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    if (result.test) writeFileSync(join(target.outDir, 'evaluation.svg'), trainingSvg(name, target.version, result, comparison));
    return { outDir: target.outDir, version: target.version, root: target.root, comparison, report, llmToEmbedding: moved, templateMemory: remembered?.choice };
  } finally {
    await embedder.close?.();
  }
}

/**
 * The threshold `npm run evaluate:families` chose on all its held-out answers,
 * refused unless that report was made on the same data with the same class
 * costs, l2 and precision target (another model's threshold means nothing here).
 */
function thresholdFromFamilyReport(path: string, fingerprint: string, classCosts: string, l2: number, targetPrecision: number): ThresholdChoice {
  const report = JSON.parse(readOrThrow(path).toString('utf8')) as {
    run?: { fingerprint?: string; classCosts?: string; l2?: number; targetPrecision?: number; folds?: number; seeds?: number[] };
    pooledThreshold?: ThresholdChoice;
  };
  const run = report.run ?? {};
  const mismatch = [
    run.fingerprint !== fingerprint && `data sha256 ${run.fingerprint}, not ${fingerprint}`,
    run.classCosts !== classCosts && `class costs ${run.classCosts}, not ${classCosts}`,
    run.l2 !== l2 && `l2 ${run.l2}, not ${l2}`,
    run.targetPrecision !== targetPrecision && `target precision ${run.targetPrecision}, not ${targetPrecision}`,
  ].filter(Boolean);
  if (!report.pooledThreshold || mismatch.length > 0) throw new Error(`--threshold-from ${path}: ${mismatch.join('; ') || 'no pooledThreshold'}: run npm run evaluate:families on this data first`);
  return { ...report.pooledThreshold, method: `${report.pooledThreshold.method} (npm run evaluate:families, ${path.split(/[\\/]/).pop()})` };
}

export function readTrainingData(
  dataPath: string,
  correctionsPath: string | undefined,
  weight: number,
  taxonomy: Taxonomy,
  log: (line: string) => void,
  storeInput?: StoreInput,
): TrainingData {
  const bytes = readOrThrow(dataPath);
  const hash = createHash('sha256').update(bytes);
  const corpus = resolveOrThrow(parseLabelledCsv(bytes.toString('utf8'), dataPath), taxonomy, dataPath, log);
  let merged = { corpus, trainOnly: [] as LabelledRow[], templates: 0, overridden: 0 };
  if (correctionsPath) {
    const correctionBytes = readOrThrow(correctionsPath);
    // The fingerprint covers what the model learned from: corpus and corrections.
    hash.update(correctionBytes);
    const corrections = resolveOrThrow(parseLabelledCsv(correctionBytes.toString('utf8'), correctionsPath), taxonomy, correctionsPath, log);
    merged = mergeCorrections(corpus, corrections, weight);
    log(`corrections: ${corrections.length} rows from ${correctionsPath}, ${merged.templates} distinct templates (x${weight} each, training only); ${merged.overridden} corpus rows of those templates dropped`);
  }
  let store: TrainingData['store'];
  if (storeInput && storeInput.mode !== 'none') {
    const fromStore = mergeStoreLabels(merged.corpus, merged.trainOnly, storeInput.set);
    // The fingerprint covers the store rows learned from too, in a stable order.
    hash.update(fromStore.rows.map((r) => JSON.stringify([r.source, r.logMessage, r.targetLabel])).sort().join('\n'));
    merged = { ...merged, corpus: fromStore.corpus, trainOnly: [...merged.trainOnly, ...fromStore.rows] };
    store = { where: storeInput.where, labels: storeInput.mode, confirmed: fromStore.confirmed, llm: fromStore.llm, confirmedWeight: storeInput.confirmedWeight, llmWeight: storeInput.llmWeight };
    log(
      `store labels: ${fromStore.confirmed} confirmed templates (x${storeInput.confirmedWeight} each), ${fromStore.llm} unconfirmed LLM templates (x${storeInput.llmWeight} each;` +
        ` ${fromStore.agreeing} of them the labelled data has under the same label), training only; ${fromStore.overridden} labelled rows of confirmed templates dropped;` +
        ` left out: ${fromStore.inData} LLM templates the labelled data labels otherwise, ${fromStore.corrected} templates the corrections file has`,
    );
  }
  const present = new Set([...merged.corpus, ...merged.trainOnly].map((r) => r.targetLabel));
  const labels = taxonomy.names.filter((n) => present.has(n));
  const missing = taxonomy.names.filter((n) => !present.has(n));
  if (labels.length < 2) throw new Error(`${dataPath}: need rows of at least two labels, found ${labels.join(', ') || 'none'}`);
  if (missing.length > 0) log(`no training rows for: ${missing.join(', ')} (the model will never predict them)`);
  const describe = [dataPath, correctionsPath && `corrections ${correctionsPath}`, store && `store labels (${store.labels}) ${store.where}`].filter(Boolean).join(' + ');
  return { corpus: merged.corpus, trainOnly: merged.trainOnly, labels, fingerprint: hash.digest('hex'), describe, store };
}

function readOrThrow(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function resolveOrThrow(rows: LabelledRow[], taxonomy: Taxonomy, path: string, log: (line: string) => void): LabelledRow[] {
  const resolved = resolveLabels(rows, taxonomy);
  if (resolved.unknown.size > 0) throw new Error(`${path}: ${describeUnknownLabels(resolved.unknown, taxonomy)}. Fix the labels or pass --taxonomy <your labels.json>.`);
  if (resolved.emptyMessages > 0) log(`${path}: skipping ${resolved.emptyMessages} rows with an empty log_message`);
  return resolved.rows;
}

interface Target {
  outDir: string;
  root?: string;
  version?: string;
  previousDir?: string;
  previousId?: string;
}

function chooseTarget(o: TrainCommandOptions): Target {
  if (o.out && o.model) throw new Error('--out and --model are exclusive: --out writes one folder, --model adds a version to a model');
  if (o.out) return { outDir: o.out };
  const root = o.model ?? join('models', `${o.embedder}-lr`);
  // The first model of a root is its base version; later ones go to versions/v<n>.
  if (!existsSync(root) || listVersions(root).length === 0) return { outDir: root, root, version: 'base' };
  const current = currentVersion(root);
  const next = nextVersion(root);
  return { outDir: next.dir, root, version: next.id, previousDir: current.dir, previousId: current.id };
}

async function scorePrevious(dir: string, id: string, embedder: Embedder, result: TrainPipelineResult, labels: readonly string[], modelsPath: string): Promise<ModelScore | undefined> {
  if (result.testRows.length === 0) return undefined;
  try {
    return await scoreModel(`${id} (in service)`, loadArtifact(dir, embedder), embedder, result.testRows, labels);
  } catch {
    // Trained with another embedder: rebuild that one for the comparison.
    const other = await loadModel(dir, modelsPath);
    try {
      return await scoreModel(`${id} (in service)`, other.artifact, other.embedder, result.testRows, labels);
    } finally {
      await other.embedder.close?.();
    }
  }
}

/** The version in service with the embedder it was trained with; undefined for a first model or a plain --out folder. */
async function servingModel(target: Target, embedder: Embedder, modelsPath: string): Promise<{ artifact: ModelArtifact; embedder: Embedder } | undefined> {
  if (!target.previousDir) return undefined;
  try {
    return { artifact: loadArtifact(target.previousDir, embedder), embedder };
  } catch {
    // Left open: the process ends after training (another embedder is rare: a switch of --embedder).
    return loadModel(target.previousDir, modelsPath);
  }
}

function scoreNew(version: string, dir: string, embedder: Embedder, result: TrainPipelineResult, labels: readonly string[]): Promise<ModelScore> {
  return scoreModel(`${version} (new)`, loadArtifact(dir, embedder), embedder, result.testRows, labels);
}

function trainingSvg(name: string, version: string | undefined, result: TrainPipelineResult, comparison?: { old: ModelScore; next: ModelScore }): string {
  const test = result.test as NonNullable<TrainPipelineResult['test']>;
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  return renderEvaluationSvg({
    title: `logclass model ${name}${version ? ` ${version}` : ''}: ${result.heldOutBy === 'family' ? 'held-out program families' : 'held-out test templates'}`,
    subtitle: [
      result.heldOutBy === 'family'
        ? `${test.noThreshold.total} rows of ${result.parts.validation.families?.length} program families held out of the validation fit`
        : `${test.noThreshold.total} test rows of ${result.parts.test.templates} templates never trained on`,
      `always answering: accuracy ${pct(test.noThreshold.accuracy)}, macro-F1 ${test.noThreshold.macroF1.toFixed(3)}`,
      `at threshold ${result.threshold.threshold.toFixed(3)}: decided ${pct(test.atThreshold.coverage)}, accuracy when decided ${pct(test.atThreshold.accuracyWhenDecided)}`,
    ],
    matrixCaption: `test rows at threshold ${result.threshold.threshold.toFixed(3)}`,
    barsCaption: 'test rows, always answering',
    confusion: test.atThreshold.confusion,
    perLabel: test.noThreshold.perLabel,
    ...(comparison ? { comparison: { name: comparison.old.name, current: comparison.next.name, perLabel: comparison.old.noThreshold.perLabel } } : {}),
  });
}
