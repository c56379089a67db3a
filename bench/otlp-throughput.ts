/**
 * Records/s through the gateway's OTLP logs receiver against the CSV path on
 * the same messages, side by side in one run: the whole system as separate
 * processes on loopback, the gateway forwarding every enriched batch to a
 * downstream OTLP/gRPC server in this process (which acknowledges without
 * decoding). The OTLP requests are encoded before the clock starts, as a
 * Collector's batches would arrive; CSV streams the generated file.
 * Then a sender that never stops (more exports at once than
 * GATEWAY_OTLP_MAX_IN_FLIGHT, for a fixed time) and the gateway's peak RSS.
 *
 *   npm run build && npx tsx --tsconfig tsconfig.base.json bench/otlp-throughput.ts [rows] [flood seconds]
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { credentials, Client, Server, ServerCredentials, type ServiceError } from '@grpc/grpc-js';
import { parse } from 'csv-parse/sync';
import { uploadCsv } from './lib/csv-upload';
import { generateCsv } from './lib/generate-csv';
import { printTable } from './lib/report';
import { freePorts, memoryOf, startSystem } from './lib/system';

const root = require('@opentelemetry/otlp-transformer/build/src/generated/root');
const { ExportLogsServiceRequest } = root.opentelemetry.proto.collector.logs.v1;

const ROWS = Number(process.argv[2] ?? 200_000);
const FLOOD_SECONDS = Number(process.argv[3] ?? 20);
const BATCH = 1000;
const IN_FLIGHT = 4;
const PATH = '/opentelemetry.proto.collector.logs.v1.LogsService/Export';

/** One export request per BATCH rows, grouped by source into resources, in row order within each. */
function encodeBatches(rows: { source: string; log_message: string }[]): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < rows.length; at += BATCH) {
    const bySource = new Map<string, { body: { stringValue: string }; timeUnixNano: string }[]>();
    for (const r of rows.slice(at, at + BATCH)) {
      const list = bySource.get(r.source) ?? [];
      list.push({ body: { stringValue: r.log_message }, timeUnixNano: '1700000000000000000' });
      bySource.set(r.source, list);
    }
    const request = {
      resourceLogs: [...bySource].map(([source, logRecords]) => ({
        resource: { attributes: [{ key: 'service.name', value: { stringValue: source } }] },
        scopeLogs: [{ scope: { name: 'bench' }, logRecords }],
      })),
    };
    out.push(Buffer.from(ExportLogsServiceRequest.encode(ExportLogsServiceRequest.fromObject(request)).finish()));
  }
  return out;
}

/** The next hop: acknowledges every export, counting requests and bytes. */
async function startSink(): Promise<{ port: number; requests: () => number; stop: () => void }> {
  let requests = 0;
  const server = new Server({ 'grpc.max_receive_message_length': -1 });
  server.addService(
    { Export: { path: PATH, requestStream: false, responseStream: false, requestDeserialize: (b: Buffer) => b, requestSerialize: (b: Buffer) => b, responseSerialize: () => Buffer.alloc(0), responseDeserialize: (b: Buffer) => b } },
    { Export: (_call: unknown, cb: (err: null, res: Buffer) => void) => ((requests += 1), cb(null, Buffer.alloc(0))) },
  );
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return { port, requests: () => requests, stop: () => server.forceShutdown() };
}

type Send = (body: Buffer) => Promise<'ok' | 'refused'>;

function grpcSender(port: number): Send {
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure(), { 'grpc.max_send_message_length': -1 });
  return (body) =>
    new Promise((resolve, reject) =>
      client.makeUnaryRequest(PATH, (b: Buffer) => b, (b: Buffer) => b, body, (err: ServiceError | null) => {
        if (!err) return resolve('ok');
        if (err.code === 8 || err.code === 14) return resolve('refused');
        reject(err);
      }),
    );
}

function httpSender(port: number): Send {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return (body) =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/v1/logs', method: 'POST', agent, headers: { 'content-type': 'application/x-protobuf', 'content-length': body.length } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve('ok') : res.statusCode === 429 || res.statusCode === 503 ? resolve('refused') : reject(new Error(`HTTP ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
}

/** Sends every batch once, IN_FLIGHT at a time, retrying refusals; wall seconds. */
async function sendAll(batches: Buffer[], send: Send): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < batches.length) {
        const body = batches[next++];
        while ((await send(body)) === 'refused') await new Promise((r) => setTimeout(r, 50));
      }
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** `senders` loops sending without pause for `seconds`; counts acknowledged and refused exports. */
async function flood(batches: Buffer[], send: Send, senders: number, seconds: number): Promise<{ ok: number; refused: number }> {
  const until = Date.now() + seconds * 1000;
  const counts = { ok: 0, refused: 0 };
  await Promise.all(
    Array.from({ length: senders }, async (_, i) => {
      for (let n = i; Date.now() < until; n += senders) counts[await send(batches[n % batches.length])]++;
    }),
  );
  return counts;
}

async function main(): Promise<void> {
  const path = await generateCsv(ROWS, 42);
  const rows = parse(readFileSync(path), { columns: true }) as { source: string; log_message: string }[];
  const batches = encodeBatches(rows);
  const sink = await startSink();
  const [otlpGrpc, otlpHttp] = await freePorts(2);
  const system = await startSystem({
    GATEWAY_OTLP_GRPC_PORT: String(otlpGrpc),
    GATEWAY_OTLP_HTTP_PORT: String(otlpHttp),
    GATEWAY_OTLP_EXPORT_ENDPOINT: `http://127.0.0.1:${sink.port}`,
    GATEWAY_OTLP_EXPORT_PROTOCOL: 'grpc',
  });
  try {
    // Untimed pass first: the tiers' template caches hold the same templates for every path after it.
    await uploadCsv(system.httpUrl, path);
    const csv = await uploadCsv(system.httpUrl, path);
    if (csv.rows !== ROWS) throw new Error(`CSV: sent ${ROWS} rows, got ${csv.rows}`);
    const grpcSeconds = await sendAll(batches, grpcSender(otlpGrpc));
    const httpSeconds = await sendAll(batches, httpSender(otlpHttp));
    if (sink.requests() !== 2 * batches.length) throw new Error(`downstream got ${sink.requests()} exports, expected ${2 * batches.length}`);
    const rate = (s: number) => Math.round(ROWS / s);
    printTable(`OTLP receiver vs CSV upload, same ${ROWS} messages (${BATCH} records per export, ${IN_FLIGHT} in flight), forwarded to an OTLP/gRPC downstream`, [
      { path: 'CSV POST /classify', seconds: csv.seconds.toFixed(2), 'records/s': rate(csv.seconds), 'vs CSV': '1.00' },
      { path: 'OTLP/gRPC Export', seconds: grpcSeconds.toFixed(2), 'records/s': rate(grpcSeconds), 'vs CSV': (csv.seconds / grpcSeconds).toFixed(2) },
      { path: 'OTLP/HTTP protobuf', seconds: httpSeconds.toFixed(2), 'records/s': rate(httpSeconds), 'vs CSV': (csv.seconds / httpSeconds).toFixed(2) },
    ]);
    const before = memoryOf(system.pids.gateway).peakMb;
    const floods = [];
    for (const [name, send] of [['OTLP/gRPC', grpcSender(otlpGrpc)], ['OTLP/HTTP', httpSender(otlpHttp)]] as const) {
      const counts = await flood(batches, send, 32, FLOOD_SECONDS / 2);
      floods.push({ sender: `${name}, 32 exports at once`, seconds: FLOOD_SECONDS / 2, 'records/s acknowledged': Math.round((counts.ok * BATCH) / (FLOOD_SECONDS / 2)), 'exports refused (retryable)': counts.refused, 'gateway peak RSS MB': Math.round(memoryOf(system.pids.gateway).peakMb) });
    }
    printTable(`A sender that never stops (GATEWAY_OTLP_MAX_IN_FLIGHT 8; gateway peak RSS before: ${Math.round(before)} MB)`, floods);
  } finally {
    await system.stop();
    sink.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
