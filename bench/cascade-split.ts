/**
 * The cost of the microservice split, and of turning the template caches off,
 * measured side by side in one run on the same rows:
 *   A. the cascade in one process (the tier libs called directly, no sockets),
 *      batches of 512 rows, 8 in flight;
 *   B. the same rows through the gateway and the three services as separate
 *      processes over gRPC on loopback: ClassifyBatch calls of 512 rows to the
 *      gateway's gRPC port, 8 in flight;
 *   C. as B over one ClassifyStream (the contract's call for bulk traffic):
 *      messages of 512 rows, 8 unanswered at a time;
 *   and all three again with EMBEDDING_CACHE_SIZE=0 and LLM_CACHE_SIZE=0.
 *
 *   npm run build && npx tsx --tsconfig tsconfig.base.json bench/cascade-split.ts [rows]
 */
import { credentials, Metadata } from '@grpc/grpc-js';
import { Cascade, DEFAULT_BREAKER_SETTINGS, parseRouting } from '@logclass/cascade';
import { LogClassifierClient, type Classification, type ClassifyStreamResponse, type LogRecord } from '@logclass/contract';
import { buildEmbeddingClassifier, embeddingTierConfig } from '@logclass/embedding-tier';
import { buildLlmClassifier, llmTierConfig } from '@logclass/llm-tier';
import { silentLogger } from '@logclass/observability';
import { buildRegexClassifier, regexTierConfig } from '@logclass/regex-tier';
import { runBatchesInFlight } from './lib/batches-in-flight';
import { DEFAULT_SHAPES_PER_TEMPLATE, messageShapes, prng, withRandomIds } from './lib/generate-csv';
import { printTable } from './lib/report';
import { startSystem } from './lib/system';

const BATCH = 512;
const IN_FLIGHT = 8;

async function inProcessCascade(env: Record<string, string>): Promise<Cascade> {
  const log = silentLogger();
  const regex = buildRegexClassifier(regexTierConfig.load(env));
  const embedding = await buildEmbeddingClassifier(embeddingTierConfig.load(env));
  const llm = buildLlmClassifier(llmTierConfig.load({ ...env, GROQ_API_KEY: '' }), { log });
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
  const seconds = await runBatchesInFlight(records, BATCH, IN_FLIGHT, async (batch, at) => {
    const results = await classify(batch);
    if (results.length !== batch.length) throw new Error('lost rows');
    results.forEach((r, i) => (labels[at + i] = r.label));
  });
  return { rowsPerSecond: records.length / seconds, labels };
}

/** Batches of BATCH rows over one ClassifyStream, at most IN_FLIGHT unanswered; checks every row came back once. */
async function driveStream(client: InstanceType<typeof LogClassifierClient>, records: LogRecord[]): Promise<{ rowsPerSecond: number; labels: string[] }> {
  const labels: string[] = new Array(records.length);
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const call = client.classifyStream(new Metadata(), { deadline: Date.now() + 600_000 });
    let next = 0;
    let unanswered = 0;
    let answered = 0;
    const writeMore = () => {
      for (; unanswered < IN_FLIGHT && next < records.length; next += BATCH, unanswered++) {
        call.write({ sequence: next, records: records.slice(next, next + BATCH) });
      }
      if (next >= records.length && unanswered === 0) call.end();
    };
    call.on('data', (res: ClassifyStreamResponse) => {
      res.results.forEach((r, i) => (labels[res.sequence + i] = r.label));
      answered += res.results.length;
      unanswered--;
      writeMore();
    });
    call.on('error', reject);
    call.on('end', () => (answered === records.length ? resolve() : reject(new Error(`lost rows: ${answered} of ${records.length}`))));
    writeMore();
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rowsPerSecond: records.length / seconds, labels };
}

/** The rows through a freshly started system (cold caches, as in-process starts), over ClassifyBatch calls or one ClassifyStream. */
async function overGrpc(records: LogRecord[], env: Record<string, string>, api: 'batch' | 'stream') {
  const system = await startSystem(env);
  const client = new LogClassifierClient(system.grpcAddress, credentials.createInsecure(), { 'grpc.max_receive_message_length': 64 << 20 });
  try {
    const call = (batch: LogRecord[]) =>
      new Promise<Classification[]>((resolve, reject) =>
        client.classifyBatch({ records: batch }, new Metadata(), { deadline: Date.now() + 60_000 }, (err, res) => (err ? reject(err) : resolve(res.results))),
      );
    const run = (rows: LogRecord[]) => (api === 'batch' ? drive(rows, call) : driveStream(client, rows));
    await run(records.slice(0, 5_000)); // warm-up: connections, JIT
    return await run(records);
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
    const batch = await overGrpc(records, env, 'batch');
    const stream = await overGrpc(records, env, 'stream');
    const ref = (reference ??= a.labels);
    const agree = (labels: string[]) => `${((labels.filter((l, i) => l === ref[i]).length / rows) * 100).toFixed(2)}%`;
    rates[`in-process ${name}`] = a.rowsPerSecond;
    rates[`batch ${name}`] = batch.rowsPerSecond;
    rates[`stream ${name}`] = stream.rowsPerSecond;
    results.push({
      setup: name,
      'in-process rows/s': Math.round(a.rowsPerSecond),
      'ClassifyBatch rows/s': Math.round(batch.rowsPerSecond),
      'ClassifyStream rows/s': Math.round(stream.rowsPerSecond),
      'split / in-process (batch, stream)': `${(batch.rowsPerSecond / a.rowsPerSecond).toFixed(2)}, ${(stream.rowsPerSecond / a.rowsPerSecond).toFixed(2)}`,
      'same labels as reference': [a, batch, stream].map((r) => agree(r.labels)).join(' / '),
    });
  }
  const onOff = (what: string) => (rates[`${what} caches on`] / rates[`${what} caches off`]).toFixed(2) + 'x';
  results.push({
    setup: 'cache on / off',
    'in-process rows/s': onOff('in-process'),
    'ClassifyBatch rows/s': onOff('batch'),
    'ClassifyStream rows/s': onOff('stream'),
    'split / in-process (batch, stream)': '',
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
