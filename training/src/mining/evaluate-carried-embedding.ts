/**
 * The embedding tier keyed by the template the gateway carries
 * (GATEWAY_TEMPLATE_TIERS=embedding) against its default key (the embedder's
 * own mask of each message): model runs per true template, and which rows'
 * answers change, right or wrong against the corpus label. The shipped model
 * (models/hashing-lr, or EMBEDDING_MODEL_DIR's) on generated streams with fresh values (seed + 1 of the
 * shipped corpus's), every row sent to the tier in calls of CARRIED_CALL_ROWS,
 * as if the regex tier had decided none. The model was trained on the
 * corpus's families, so its accuracy here is no headline: what is measured
 * is what carrying changes.
 *
 *   npx tsx --tsconfig tsconfig.base.json training/src/mining/evaluate-carried-embedding.ts [--seed N] [--rows N]
 */
import { parseArgs } from 'node:util';
import { Outcome, type Classification, type LogRecord } from '@logclass/contract';
import { buildEmbeddingClassifier, embeddingTierConfig, type EmbeddingClassifier } from '@logclass/embedding-tier';
import type { CorpusRow } from '../corpus/generate';
import { PARSER_BENCHMARK_FAMILIES } from './benchmark-families';
import { corpusView, withValueAlternativesMerged, type CorpusView } from './corpus-views';
import { CARRIED_CALL_ROWS, carriedTemplates } from './template-cost';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '20251128' }, rows: { type: 'string', default: '16' } } });

// The tier as its service builds it (EMBEDDING_* settings from the environment, the shipped model by default), remembering every key.
const classifier = (): Promise<EmbeddingClassifier> =>
  buildEmbeddingClassifier(embeddingTierConfig.load({ ...process.env, EMBEDDING_CACHE_SIZE: '10000000', EMBEDDING_CACHE_TTL_MS: '0' }));

async function answers(tier: EmbeddingClassifier, records: readonly LogRecord[]): Promise<Classification[]> {
  const out: Classification[] = [];
  for (let start = 0; start < records.length; start += CARRIED_CALL_ROWS) out.push(...(await tier.classify(records.slice(start, start + CARRIED_CALL_ROWS))));
  return out;
}

const decidedLabel = (c: Classification): string | undefined => (c.outcome === Outcome.OUTCOME_DECIDED ? c.label : undefined);
const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

/** Rows whose answer moved one way, and how many of them the carried key answers (or, for abstentions, the own key answered) right. */
interface Moved {
  rows: number;
  right: number;
}

async function compare(name: string, rows: readonly CorpusRow[]): Promise<void> {
  const truths = new Set(rows.map((r) => `${r.family}\u0000${r.trueTemplate}`)).size;
  const templates = carriedTemplates(rows);
  const [own, carried] = [await classifier(), await classifier()];
  const a = await answers(own, rows.map((r) => ({ source: r.source, logMessage: r.logMessage })));
  const b = await answers(carried, rows.map((r, i) => ({ source: r.source, logMessage: r.logMessage, template: templates[i] })));
  const [relabelled, decided, abstained]: Moved[] = [0, 1, 2].map(() => ({ rows: 0, right: 0 }));
  let [rightOwn, rightCarried] = [0, 0];
  rows.forEach((r, i) => {
    const [x, y] = [decidedLabel(a[i]), decidedLabel(b[i])];
    if (x === r.targetLabel) rightOwn++;
    if (y === r.targetLabel) rightCarried++;
    if (x === y) return;
    const moved = x === undefined ? decided : y === undefined ? abstained : relabelled;
    moved.rows++;
    if ((y ?? x) === r.targetLabel) moved.right++;
  });
  const runs = (tier: EmbeddingClassifier): string => (tier.cacheStats().misses / truths).toFixed(2).padStart(5);
  const moved = (m: Moved): string => `${String(m.rows).padStart(5)} ${String(m.right).padStart(5)}`;
  console.log(
    `${name.padEnd(38)} ${String(rows.length).padStart(6)} ${String(truths).padStart(5)}   ${runs(own)} ${runs(carried)}   ` +
      `${moved(relabelled)}   ${moved(decided)}   ${moved(abstained)}   ${pct(rightOwn / rows.length).padStart(7)} ${pct(rightCarried / rows.length).padStart(7)}`,
  );
  await Promise.all([own.close(), carried.close()]);
}

async function main(): Promise<void> {
  const seed = Number(values.seed);
  console.log(`Embedding tier, own key against carried template; seed ${seed}, ${values.rows} rows per template, calls of ${CARRIED_CALL_ROWS} rows`);
  console.log('runs: model runs per true template (own key, carried); relabelled: decided either way, another label (rows, carried right);');
  console.log('now decided: abstained with the own key (rows, carried right); now abstained: decided with the own key (rows, own was right);');
  console.log('right: rows decided with their corpus label (own, carried)');
  console.log(`${'stream'.padEnd(38)} ${'rows'.padStart(6)} ${'true'.padStart(5)}   runs: own carried   relabelled   now decided   now abstained   right: own carried`);
  for (const view of ['as-generated', 'bare-messages'] as CorpusView[]) {
    const rows = withValueAlternativesMerged(corpusView(view, seed, Number(values.rows)));
    await compare(view, rows);
    await compare(`${view}, parser-benchmark-like`, rows.filter((r) => PARSER_BENCHMARK_FAMILIES.has(r.family)));
  }
}

void main();
