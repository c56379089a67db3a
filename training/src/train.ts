// `npm run train`: train the embedding tier's logistic regression on labelled
// logs, choose its abstain threshold on held-out templates, evaluate on other
// held-out templates, and write the model artifact plus evaluation.txt/json.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { saveArtifact, ARTIFACT_FORMAT_VERSION, DEFAULT_TRANSFORMERS_MODEL } from '@logclass/embedding-tier';
import { loadTaxonomy } from '@logclass/taxonomy';
import { embedderFromOption } from './cli/embedder-option';
import { numberOption } from './cli/parse-number';
import { parseLabelledCsv } from './dataset/labelled-csv';
import { describeUnknownLabels, resolveLabels } from './dataset/resolve-labels';
import { groupKey } from './dataset/split';
import { renderTrainingReport, trainingMetricsJson } from './pipeline/training-report';
import { trainAndEvaluate } from './pipeline/train-pipeline';

// Chosen on validation templates: 1e-4 underfits (held-out accuracy ~2 points lower),
// 1e-5 is no better than 3e-5 on held-out templates and takes ~2x longer to fit.
const DEFAULT_L2 = 3e-5;

const program = new Command()
  .name('train')
  .description('Train the embedding + logistic-regression tier on a labelled CSV (source,log_message,target_label[,template_id]).')
  .option('--data <csv>', 'labelled logs to train on', 'training/data/corpus.csv')
  .option('--embedder <kind>', 'hashing (no download) or transformers (needs the model under --models-path)', 'hashing')
  .option('--models-path <dir>', 'where transformers models live', 'models')
  .option('--transformers-model <id>', 'model folder under --models-path (embedder transformers)', DEFAULT_TRANSFORMERS_MODEL)
  .option('--out <dir>', 'model directory to write (default models/<embedder>-lr)')
  .option('--seed <n>', 'seed of the train/validation/test split', '1')
  .option('--l2 <x>', 'L2 penalty of the logistic regression', String(DEFAULT_L2))
  .option('--target-precision <p>', 'precision the accepted set must reach on validation', '0.95')
  .option('--max-iterations <n>', 'L-BFGS iteration cap', '300')
  .option('--taxonomy <json>', 'label file of your deployment (default: the nine built-in labels)')
  .parse();

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const o = program.opts<Record<string, string | undefined>>();
  const seed = numberOption('--seed', o.seed as string, { integer: true, min: 0 });
  const l2 = numberOption('--l2', o.l2 as string, { min: 0 });
  const targetPrecision = numberOption('--target-precision', o.targetPrecision as string, { min: 0, max: 1 });
  const maxIterations = numberOption('--max-iterations', o.maxIterations as string, { integer: true, min: 1 });
  const dataPath = o.data as string;
  const outDir = o.out ?? join('models', `${o.embedder}-lr`);

  const bytes = readFileSync(dataPath);
  const fingerprint = createHash('sha256').update(bytes).digest('hex');
  const taxonomy = loadTaxonomy(o.taxonomy);
  const resolved = resolveLabels(parseLabelledCsv(bytes.toString('utf8'), dataPath), taxonomy);
  if (resolved.unknown.size > 0) throw new Error(`${dataPath}: ${describeUnknownLabels(resolved.unknown, taxonomy)}. Fix the labels or pass --taxonomy <your labels.json>.`);
  if (resolved.emptyMessages > 0) console.log(`skipping ${resolved.emptyMessages} rows with an empty log_message`);
  const present = new Set(resolved.rows.map((r) => r.targetLabel));
  const labels = taxonomy.names.filter((n) => present.has(n));
  const missing = taxonomy.names.filter((n) => !present.has(n));
  if (labels.length < 2) throw new Error(`${dataPath}: need rows of at least two labels, found ${labels.join(', ') || 'none'}`);
  if (missing.length > 0) console.log(`no training rows for: ${missing.join(', ')} (the model will never predict them)`);

  const embedder = await embedderFromOption(o.embedder as string, o.modelsPath as string, o.transformersModel);
  const result = await trainAndEvaluate(resolved.rows, { embedder, labels, l2, seed, maxIterations, targetPrecision, log: (line) => console.log(line) });
  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const metrics = trainingMetricsJson(result);

  saveArtifact(outDir, {
    formatVersion: ARTIFACT_FORMAT_VERSION,
    name: basename(resolve(outDir)),
    version: `${fingerprint.slice(0, 12)}-s${seed}`,
    // SOURCE_DATE_EPOCH makes the whole artifact byte-reproducible; otherwise the weights are and the date is not.
    createdAt: process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : new Date().toISOString(),
    labels: [...labels],
    embedder: { id: embedder.id, dimension: embedder.dimension },
    threshold: result.threshold.threshold,
    thresholdMethod: result.threshold.method,
    trainingData: { fingerprint: `sha256:${fingerprint}`, rows: resolved.rows.length, templates: new Set(resolved.rows.map(groupKey)).size },
    training: { l2, seed, classWeight: 'balanced', targetPrecision, iterations: result.finalFit.iterations, converged: result.finalFit.converged, fittedOn: 'train+validation', data: relative(process.cwd(), resolve(dataPath)) },
    metrics,
    weights: result.model.weights,
    bias: result.model.bias,
  });
  const args = process.argv.slice(2);
  const command = args.length > 0 ? `npm run train -- ${args.join(' ')}` : 'npm run train';
  const report = renderTrainingReport(
    { modelDir: outDir, dataPath, fingerprint, embedderId: embedder.id, labels, l2, seed, targetPrecision, totalSeconds, command },
    result,
  );
  writeFileSync(join(outDir, 'evaluation.txt'), report);
  writeFileSync(join(outDir, 'evaluation.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  await embedder.close?.();
  console.log(`\n${report}`);
  console.log(`wrote ${outDir}/ (model.json, weights.f32, evaluation.txt, evaluation.json) in ${totalSeconds.toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(`train: ${(err as Error).message}`);
  process.exit(1);
});
