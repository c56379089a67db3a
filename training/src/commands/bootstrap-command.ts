import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'csv-parse';
import type { Command } from 'commander';
import type { LogRecord } from '@logclass/contract';
import { Outcome } from '@logclass/contract';
import { buildLlmClassifier, llmTierConfig } from '@logclass/llm-tier';
import { loadTaxonomy } from '@logclass/taxonomy';
import { openTemplateStore, taxonomyHash, templateKeyOf, type TemplateKey, type TemplateLabelStore } from '@logclass/template-store';
import { numberOption } from '../cli/parse-number';
import { writeLabelledCsv, type LabelledRow } from '../dataset/labelled-csv';
import { runTrain, type TrainOutcome } from './train-command';

export const DEFAULT_BOOTSTRAP_MODEL = 'models/bootstrap-lr';
export const DEFAULT_BOOTSTRAP_LABELLED = 'data/bootstrap-labelled.csv';

/** Options as commander hands them over (strings until validated). */
export interface BootstrapOptions {
  input: string;
  source?: string;
  maxCalls: string;
  maxTokens: string;
  rowsPerTemplate: string;
  model: string;
  labelled: string;
  /** false: fill the store only (--no-train). */
  train: boolean;
  taxonomy?: string;
  embedder: string;
  modelsPath: string;
  maxIterations: string;
  targetPrecision: string;
}

export function addBootstrapOptions(command: Command): Command {
  return command
    .argument('<input>', 'CSV of log lines (columns source and log_message; others ignored)')
    .option('-s, --source <name>', 'source of rows whose source cell is empty')
    .option('--max-calls <n>', 'most Groq calls this run may make (the run stops there; run it again to go on)', '2000')
    .option('--max-tokens <n>', 'most tokens (prompt + completion) this run may spend', '2000000')
    .option('--rows-per-template <n>', 'distinct lines of each labelled template the first model trains on', '20')
    .option('--model <root>', 'model folder to train (a first model, or a new version beside the one in service)', DEFAULT_BOOTSTRAP_MODEL)
    .option('--labelled <csv>', 'where the lines labelled through the store are written (the training data)', DEFAULT_BOOTSTRAP_LABELLED)
    .option('--no-train', 'fill the template-label store only')
    .option('--taxonomy <json>', 'label file of your deployment (default: LLM_TAXONOMY_FILE or the nine built-in labels)')
    .option('--embedder <kind>', 'hashing (no download) or transformers', 'hashing')
    .option('--models-path <dir>', 'where transformers models live', 'models')
    .option('--max-iterations <n>', 'L-BFGS iteration cap', '300')
    .option('--target-precision <p>', 'precision the accepted set must reach on validation', '0.95');
}

/** One distinct question of the file: its key as the LLM tier forms it, its rows, and lines to ask and to train on. */
interface FileTemplate {
  key: TemplateKey;
  rows: number;
  /** Distinct lines, the first is the one asked. */
  lines: string[];
}

export interface BootstrapOutcome {
  rows: number;
  templates: number;
  /** Templates the store already answered before this run (an earlier, interrupted run). */
  fromStore: number;
  /** Templates asked by this run. */
  asked: number;
  calls: number;
  tokens: number;
  /** Templates with a label in the store now, and their rows. */
  labelled: { templates: number; rows: number };
  /** Templates the LLM said no label fits. */
  noneFits: { templates: number; rows: number };
  /** Templates without an answer (budget reached, interrupted, failed calls): the next run asks them. */
  unanswered: { templates: number; rows: number };
  stoppedBy?: 'max-calls' | 'max-tokens' | 'interrupted';
  train?: TrainOutcome;
}

/**
 * Reads the file once, grouping rows by the LLM tier's own key (source,
 * masked template); asks the LLM tier, built by its lib from the LLM_*
 * settings as the service is (template-label store included), for each
 * template the store cannot answer yet, one line per template, until the
 * budget is spent; then trains a first model on the file's lines of every
 * labelled template. The store is the resume point: an interrupted run's
 * answers are kept, and the next run asks only what is left.
 */
export async function runBootstrap(o: BootstrapOptions, log: (line: string) => void, opts: { env?: NodeJS.ProcessEnv; signal?: AbortSignal; command?: string } = {}): Promise<BootstrapOutcome> {
  const env = opts.env ?? process.env;
  const maxCalls = numberOption('--max-calls', o.maxCalls, { integer: true, min: 0 });
  const maxTokens = numberOption('--max-tokens', o.maxTokens, { integer: true, min: 0 });
  const rowsPerTemplate = numberOption('--rows-per-template', o.rowsPerTemplate, { integer: true, min: 1, max: 10_000 });
  const settings = llmTierConfig.load(env);
  if (!settings.apiKey) throw new Error('bootstrap asks the LLM: set LLM_GROQ_API_KEY (or GROQ_API_KEY)');
  if (settings.store === 'none') throw new Error('bootstrap fills the template-label store: LLM_STORE=none keeps nothing (use sqlite or postgres)');
  const taxonomy = loadTaxonomy(o.taxonomy ?? settings.taxonomyFile);

  const { templates, rows } = await readTemplates(o.input, o.source ?? '', rowsPerTemplate);
  log(`bootstrap: ${rows} rows, ${templates.length} distinct templates in ${o.input}`);

  const store = openTemplateStore({ backend: settings.store, file: settings.storeFile, url: settings.storeUrl, maxEntries: settings.storeMaxEntries }) as TemplateLabelStore;
  const llm = buildLlmClassifier(settings, { taxonomy });
  const current = { taxonomyHash: taxonomyHash(taxonomy), model: settings.model };
  try {
    const answered = await answeredKeys(store, templates, current);
    const todo = templates.filter((t) => !answered.has(id(t.key)));
    const fromStore = templates.length - todo.length;
    log(`bootstrap: ${fromStore} templates already in the template-label store (${store.backend}), ${todo.length} to ask`);

    const perCall = settings.messagesPerCall;
    let asked = 0;
    let stoppedBy: BootstrapOutcome['stoppedBy'];
    const spent = () => {
      const s = llm.stats();
      return { calls: s.calls, tokens: s.promptTokens + s.completionTokens };
    };
    let lastProgress = 0;
    while (asked < todo.length) {
      if (opts.signal?.aborted) {
        stoppedBy = 'interrupted';
        break;
      }
      const { calls, tokens } = spent();
      if (calls >= maxCalls) {
        stoppedBy = 'max-calls';
        break;
      }
      if (tokens >= maxTokens) {
        stoppedBy = 'max-tokens';
        break;
      }
      // Calls this step may make: at most LLM_CONCURRENCY at once, and no more than either budget allows
      // (tokens estimated from this run's calls so far: the budget is not passed by more than that estimate's error).
      const perCallTokens = calls > 0 ? tokens / calls : 0;
      const byTokens = perCallTokens > 0 ? Math.floor((maxTokens - tokens) / perCallTokens) : settings.concurrency;
      if (byTokens < 1) {
        stoppedBy = 'max-tokens';
        break;
      }
      const stepCalls = Math.max(1, Math.min(settings.concurrency, maxCalls - calls, byTokens));
      const step = todo.slice(asked, asked + stepCalls * perCall);
      await askStep(llm, step, log, opts.signal);
      asked += step.length;
      if (Date.now() - lastProgress >= 1000 || asked === todo.length) {
        lastProgress = Date.now();
        const now = spent();
        log(`bootstrap: ${fromStore + asked}/${templates.length} templates, ${now.calls} calls, ${now.tokens} tokens`);
      }
    }
    await llm.close();

    // Coverage as the store has it now (whoever answered: this run, an earlier one, an operator).
    const entries = new Map((await store.getCurrent(templates.map((t) => t.key), current)).map((e) => [id(e), e]));
    const outcome: BootstrapOutcome = {
      rows,
      templates: templates.length,
      fromStore,
      asked,
      ...spent(),
      labelled: { templates: 0, rows: 0 },
      noneFits: { templates: 0, rows: 0 },
      unanswered: { templates: 0, rows: 0 },
      stoppedBy,
    };
    const labelledRows: LabelledRow[] = [];
    for (const t of templates) {
      const entry = entries.get(id(t.key));
      const into = !entry ? outcome.unanswered : entry.label === null ? outcome.noneFits : outcome.labelled;
      into.templates++;
      into.rows += t.rows;
      if (entry?.label) for (const line of t.lines) labelledRows.push({ source: t.key.scope, logMessage: line, targetLabel: entry.label });
    }
    const pct = (n: number) => (rows > 0 ? `${((100 * n) / rows).toFixed(1)}%` : '0%');
    log(
      `bootstrap: ${outcome.calls} calls, ${outcome.tokens} tokens; coverage: ${outcome.labelled.templates} templates labelled (${pct(outcome.labelled.rows)} of rows),` +
        ` ${outcome.noneFits.templates} no label fits (${pct(outcome.noneFits.rows)}), ${outcome.unanswered.templates} unanswered (${pct(outcome.unanswered.rows)})` +
        (stoppedBy ? `; stopped: ${stoppedBy === 'interrupted' ? 'interrupted' : `--${stoppedBy} reached`} (run again to go on: answered templates are kept in the store)` : ''),
    );

    if (o.train && labelledRows.length > 0) {
      mkdirSync(dirname(o.labelled), { recursive: true });
      writeFileSync(o.labelled, writeLabelledCsv(labelledRows));
      log(`bootstrap: ${labelledRows.length} labelled lines written to ${o.labelled}; training ${o.model}`);
      outcome.train = await runTrain(
        {
          data: o.labelled,
          embedder: o.embedder,
          modelsPath: o.modelsPath,
          model: o.model,
          corrections: false,
          correctionWeight: '1',
          seed: '1',
          l2: '3e-5',
          targetPrecision: o.targetPrecision,
          maxIterations: o.maxIterations,
          taxonomy: o.taxonomy ?? settings.taxonomyFile,
          // The training data is the store's labels already; the store is read for the move report only.
          storeLabels: 'none',
          store,
        },
        log,
        opts.command ?? `logclass bootstrap ${o.input}`,
      );
    }
    return outcome;
  } finally {
    await llm.close();
    await store.close();
  }
}

const id = (k: TemplateKey) => `${k.scope}\u0000${k.template}`;

/** How long a step waits for LLM_MAX_TOKENS_PER_MINUTE to free up before it leaves its templates to the next run. */
const BUDGET_WAIT_MS = 65_000;
const BUDGET_POLL_MS = 5_000;

/**
 * One line per template asked, as records of the LLM tier. Templates that
 * abstained because the tier's per-minute ceiling was reached are asked again
 * once it frees up; any other failure leaves them unanswered (the next run asks them).
 */
async function askStep(llm: ReturnType<typeof buildLlmClassifier>, step: readonly FileTemplate[], log: (line: string) => void, signal?: AbortSignal): Promise<void> {
  let pending = [...step];
  const giveUpAt = Date.now() + BUDGET_WAIT_MS;
  for (;;) {
    const results = await llm.classify(pending.map((t): LogRecord => ({ source: t.key.scope, logMessage: t.lines[0] })));
    const failed = results.map((r, i) => ({ r, t: pending[i] })).filter(({ r }) => r.outcome === Outcome.OUTCOME_ABSTAINED && !r.reason.startsWith('llm found no label'));
    const overBudget = failed.filter(({ r }) => r.reason.startsWith('llm budget exhausted'));
    const other = failed.length - overBudget.length;
    if (other > 0) log(`bootstrap: ${other} of ${pending.length} templates not answered (${failed.find(({ r }) => !r.reason.startsWith('llm budget exhausted'))?.r.reason})`);
    if (overBudget.length === 0) return;
    if (Date.now() >= giveUpAt || signal?.aborted) {
      log(`bootstrap: ${overBudget.length} templates not answered (${overBudget[0].r.reason})`);
      return;
    }
    log(`bootstrap: ${overBudget[0].r.reason}: waiting for it to free up`);
    await new Promise((r) => setTimeout(r, BUDGET_POLL_MS));
    pending = overBudget.map(({ t }) => t);
  }
}

async function answeredKeys(store: TemplateLabelStore, templates: readonly FileTemplate[], current: { taxonomyHash: string; model: string }): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < templates.length; start += 500) {
    for (const e of await store.getCurrent(templates.slice(start, start + 500).map((t) => t.key), current)) found.add(id(e));
  }
  return found;
}

/** Streams the CSV once: each (source, masked template) with its row count and up to `keep` distinct lines. */
async function readTemplates(path: string, defaultSource: string, keep: number): Promise<{ templates: FileTemplate[]; rows: number }> {
  const byKey = new Map<string, FileTemplate>();
  let rows = 0;
  const parser = parse({ columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, bom: true, relax_column_count: true });
  const file = createReadStream(path);
  // pipe() does not pass a read error on: the parser would wait for more input forever.
  file.on('error', (err: NodeJS.ErrnoException) => parser.destroy(new Error(`cannot read ${path}: ${err.code ?? err.message}`)));
  file.pipe(parser);
  let checked = false;
  const records = (async function* () {
    try {
      yield* parser as AsyncIterable<Record<string, string | undefined>>;
    } catch (err) {
      const message = (err as Error).message;
      throw new Error(message.startsWith('cannot read') ? message : `${path}: not valid CSV: ${message}`);
    }
  })();
  for await (const record of records) {
    if (!checked) {
      checked = true;
      if (!('log_message' in record)) throw new Error(`${path}: no log_message column (expected a header like source,log_message)`);
    }
    const message = record.log_message ?? '';
    if (message.trim() === '') continue;
    rows++;
    // The LLM tier's key (questionKey, template mode): the source and the masked message.
    const key = templateKeyOf((record.source ?? '').trim() || defaultSource, message);
    const k = id(key);
    const seen = byKey.get(k);
    if (!seen) byKey.set(k, { key, rows: 1, lines: [message] });
    else {
      seen.rows++;
      if (seen.lines.length < keep && !seen.lines.includes(message)) seen.lines.push(message);
    }
  }
  return { templates: [...byKey.values()], rows };
}
