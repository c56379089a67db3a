/**
 * The cost of the microservice split, and of turning the template caches off,
 * measured side by side in one run on the same rows:
 *   A. the cascade in one process (the tier libs called directly, no sockets);
 *   B. the same rows through the gateway and the three services as separate
 *      processes over gRPC on loopback (ClassifyBatch calls of 512 rows to the
 *      gateway's gRPC port, 8 in flight);
 *   and A/B again with EMBEDDING_CACHE_SIZE=0 and LLM_CACHE_SIZE=0.
 *
 *   npm run build && npx tsx --tsconfig tsconfig.base.json bench/cascade-split.ts [rows]
 */
import { credentials, Metadata } from '@grpc/grpc-js';
import { Cascade, DEFAULT_BREAKER_SETTINGS, parseRouting } from '@logclass/cascade';
import { LogClassifierClient, type Classification, type LogRecord } from '@logclass/contract';
import { silentLogger } from '@logclass/observability';
import { config as regexConfig } from '../apps/regex/src/config';
import { buildRegexClassifier } from '../apps/regex/src/service';
import { config as embeddingConfig } from '../apps/embedding/src/config';
import { buildEmbeddingClassifier } from '../apps/embedding/src/service';
import { config as llmConfig } from '../apps/llm/src/config';
import { buildLlmClassifier } from '../apps/llm/src/llm-service';
import { DEFAULT_SHAPES_PER_TEMPLATE, messageShapes, prng, withRandomIds } from './lib/generate-csv';
import { printTable } from './lib/report';
import { startSystem } from './lib/system';

const BATCH = 512;
const IN_FLIGHT = 8;

async function inProcessCascade(env: Record<string, string>): Promise<Cascade> {
  const log = silentLogger();
  const regex = buildRegexClassifier(regexConfig.load(env));
  const embedding = await buildEmbeddingClassifier(embeddingConfig.load(env));
  const llm = buildLlmClassifier(llmConfig.load({ ...env, GROQ_API_KEY: '' }), log);
  const tiers = [
    { name: 'regex', classifier: regex, breaker: DEFAULT_BREAKER_SETTINGS.regex },
    { name: 'embedding', classifier: embedding, breaker: DEFAULT_BREAKER_SETTINGS.embedding },
    { name: 'llm', classifier: llm, breaker: DEFAULT_BREAKER_SETTINGS.llm },
  ];
  return new Cascade({ tiers, routing: parseRouting('{"LegacyCRM":["llm"]}', ['regex', 'embedding', 'llm']), log, batchSize: BATCH, maxBatchesInFlight: IN_FLIGHT });
}

/** Runs batches with a fixed number in flight; returns rows/s and checks every row came back. */
async function drive(records: LogRecord[], classify: (batch: LogRecord[]) => Promise<Classification[]>): Promise<{ rowsPerSecond: number; labels: string[] }> {
  const labels: string[] = new Array(records.length);
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < records.length) {
        const at = next;
        next += BATCH;
        const batch = records.slice(at, at + BATCH);
        const results = await classify(batch);
        if (results.length !== batch.length) throw new Error('lost rows');
        results.forEach((r, i) => (labels[at + i] = r.label));
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rowsPerSecond: records.length / seconds, labels };
}

async function overGrpc(records: LogRecord[], env: Record<string, string>) {
  const system = await startSystem(env);
  const client = new LogClassifierClient(system.grpcAddress, credentials.createInsecure(), { 'grpc.max_receive_message_length': 64 << 20 });
  try {
    const call = (batch: LogRecord[]) =>
      new Promise<Classification[]>((resolve, reject) =>
        client.classifyBatch({ records: batch }, new Metadata(), { deadline: Date.now() + 60_000 }, (err, res) => (err ? reject(err) : resolve(res.results))),
      );
    await drive(records.slice(0, 5_000), call); // warm-up: connections, JIT
    return await drive(records, call);
  } finally {
    client.close();
    await system.stop();
  }
}

async function inProcess(records: LogRecord[], env: Record<string, string>) {
  const cascade = await inProcessCascade(env);
  try {
    await drive(records.slice(0, 5_000), (b) => cascade.classify(b));
    return await drive(records, (b) => cascade.classify(b));
  } finally {
    await cascade.close();
  }
}

export async function cascadeSplit(rows: number): Promise<Record<string, string | number>[]> {
  const corpus = await messageShapes(DEFAULT_SHAPES_PER_TEMPLATE);
  const rand = prng(11);
  const records: LogRecord[] = Array.from({ length: rows }, () => {
    const r = corpus[Math.floor(rand() * corpus.length)];
    return { source: r.source, logMessage: withRandomIds(r.logMessage, rand) };
  });
  const cacheOff = { EMBEDDING_CACHE_SIZE: '0', LLM_CACHE_SIZE: '0' };
  const results: Record<string, string | number>[] = [];
  const cases: [string, Record<string, string>][] = [
    ['caches on', {}],
    ['caches off', cacheOff],
  ];
  let reference: string[] | undefined;
  const rates: Record<string, number> = {};
  for (const [name, env] of cases) {
    const a = await inProcess(records, env);
    const b = await overGrpc(records, env);
    reference ??= a.labels;
    const agree = (labels: string[]) => labels.filter((l, i) => l === reference![i]).length / rows;
    rates[`in-process ${name}`] = a.rowsPerSecond;
    rates[`gRPC ${name}`] = b.rowsPerSecond;
    results.push({
      setup: name,
      'in-process rows/s': Math.round(a.rowsPerSecond),
      'gateway + services rows/s': Math.round(b.rowsPerSecond),
      'split / in-process': (b.rowsPerSecond / a.rowsPerSecond).toFixed(2),
      'same labels as reference': `${(agree(a.labels) * 100).toFixed(2)}% / ${(agree(b.labels) * 100).toFixed(2)}%`,
    });
  }
  results.push({
    setup: 'cache on / off',
    'in-process rows/s': (rates['in-process caches on'] / rates['in-process caches off']).toFixed(2) + 'x',
    'gateway + services rows/s': (rates['gRPC caches on'] / rates['gRPC caches off']).toFixed(2) + 'x',
    'split / in-process': '',
    'same labels as reference': '',
  });
  return results;
}

if (require.main === module) {
  const rows = Number(process.argv[2]) || 200_000;
  cascadeSplit(rows).then(
    (table) => printTable(`Cascade in one process vs gateway + 3 services over gRPC (${rows} rows, batches of ${BATCH}, ${IN_FLIGHT} in flight)`, table),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
