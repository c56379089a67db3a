/**
 * What the template-label store costs the LLM tier, per backend:
 * - lookup: getCurrent of one batch's distinct templates (a store of N
 *   templates, batches of B keys, 90% of them known), p50/p99 per batch and per key;
 * - record: recordDecisions of one call's answers (10 per call);
 * - replicas: two LLM tiers missing the same templates at once, against a fake
 *   Groq answering after 200 ms: messages asked vs distinct templates.
 *
 *   npx tsx --tsconfig tsconfig.base.json bench/template-store.ts [templates] [batch]
 *
 * PostgreSQL: LOGCLASS_TEST_POSTGRES_URL (bash .ci/start-postgres prints one); without it only SQLite runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLlmClassifier, llmTierConfig } from '@logclass/llm-tier';
import { PostgresTemplateStore, SqliteTemplateStore, type TemplateKey, type TemplateLabelStore } from '@logclass/template-store';
import { answerByKeyword, freshPostgresSchema, promptRecords, startFakeGroq } from '@logclass/test-support';

const TEMPLATES = Number(process.argv[2] ?? 2000);
const BATCH = Number(process.argv[3] ?? 50);
const ROUNDS = 400;
const CURRENT = { taxonomyHash: 'bench', model: 'bench-model' };

const key = (i: number): TemplateKey => ({ scope: 'LegacyCRM', template: `step <*> of workflow ${i} failed for case <NUM> (${'x'.repeat(i % 40)})` });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeIt(rounds: number, work: (round: number) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    await work(r);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return ms.sort((a, b) => a - b);
}

async function measure(name: string, store: TemplateLabelStore): Promise<void> {
  for (let start = 0; start < TEMPLATES; start += 500) {
    const decisions = Array.from({ length: Math.min(500, TEMPLATES - start) }, (_, i) => ({ ...key(start + i), label: 'Workflow Error', answer: 'Workflow Error', exemplar: 'x', ...CURRENT }));
    await store.recordDecisions(decisions);
  }
  // 90% known templates, 10% unknown, as a batch that reached the LLM tier.
  const batchKeys = (round: number) => Array.from({ length: BATCH }, (_, i) => (i % 10 === 9 ? key(TEMPLATES + round * BATCH + i) : key((round * BATCH + i * 7) % TEMPLATES)));
  await timeIt(20, (r) => store.getCurrent(batchKeys(r), CURRENT)); // warm-up
  const lookup = await timeIt(ROUNDS, (r) => store.getCurrent(batchKeys(r), CURRENT));
  const record = await timeIt(100, (r) =>
    store.recordDecisions(Array.from({ length: 10 }, (_, i) => ({ ...key(TEMPLATES + 100_000 + r * 10 + i), label: 'Error', answer: 'Error', exemplar: 'x', ...CURRENT }))),
  );
  const f = (n: number) => n.toFixed(3);
  console.log(
    `${name.padEnd(10)} lookup of ${BATCH} keys: p50 ${f(percentile(lookup, 50))} ms, p99 ${f(percentile(lookup, 99))} ms` +
      ` (per key p50 ${f((percentile(lookup, 50) * 1000) / BATCH)} µs, p99 ${f((percentile(lookup, 99) * 1000) / BATCH)} µs);` +
      ` record of 10 answers: p50 ${f(percentile(record, 50))} ms, p99 ${f(percentile(record, 99))} ms`,
  );
}

async function replicas(name: string, env: Record<string, string>): Promise<void> {
  const fake = await startFakeGroq({ respond: answerByKeyword([[/failed/, 'Workflow Error']]), delayMs: 200 });
  try {
    const settings = llmTierConfig.load({ GROQ_API_KEY: 'bench', GROQ_BASE_URL: fake.baseUrl, LLM_MAX_TOKENS_PER_MINUTE: '0', LLM_CONCURRENCY: '8', ...env });
    const [a, b] = [buildLlmClassifier(settings), buildLlmClassifier(settings)];
    const rows = (variant: number) => Array.from({ length: 200 }, (_, i) => ({ source: 'LegacyCRM', logMessage: `${'ab'.repeat(i + 1)} sync failed for case ${variant * 1000 + i}` }));
    const batches = (variant: number) => Array.from({ length: 4 }, (_, i) => rows(variant).slice(i * 50, i * 50 + 50));
    const start = Date.now();
    await Promise.all([...batches(1).map((x) => a.classify(x)), ...batches(2).map((x) => b.classify(x))]);
    const asked = fake.requests.flatMap((r) => promptRecords(r)).length;
    console.log(`${name.padEnd(10)} 2 replicas, 200 templates missed at once: ${asked} messages asked (${(asked / 200).toFixed(2)}x), ${fake.requests.length} calls, ${Date.now() - start} ms`);
    await Promise.all([a.close(), b.close()]);
  } finally {
    await fake.close();
  }
}

async function main(): Promise<void> {
  console.log(`template store: ${TEMPLATES} templates, lookups of ${BATCH} keys (90% known), ${ROUNDS} rounds`);
  const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
  try {
    // As the LLM tier opens it (no fsync per commit), and as the gateway does for corrections (one per commit).
    const sqlite = new SqliteTemplateStore(join(dir, 'labels.sqlite'), 1_000_000, { syncEveryCommit: false });
    await measure('sqlite', sqlite);
    await sqlite.close();
    const synced = new SqliteTemplateStore(join(dir, 'synced.sqlite'), 1_000_000);
    await measure('sqlite+fsync', synced);
    await synced.close();
    await replicas('sqlite', { LLM_STORE: 'sqlite', LLM_STORE_FILE: join(dir, 'replicas.sqlite') });
    await replicas('none', { LLM_STORE: 'none' });
    const url = process.env.LOGCLASS_TEST_POSTGRES_URL;
    if (!url) {
      console.log('postgres   skipped: set LOGCLASS_TEST_POSTGRES_URL');
      return;
    }
    const schema = await freshPostgresSchema(url);
    try {
      const pg = new PostgresTemplateStore(schema.url, 1_000_000);
      await measure('postgres', pg);
      await pg.close();
      const replicaSchema = await freshPostgresSchema(url);
      await replicas('postgres', { LLM_STORE: 'postgres', LLM_STORE_URL: replicaSchema.url });
      await replicaSchema.drop();
    } finally {
      await schema.drop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
