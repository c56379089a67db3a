import { parse } from 'csv-parse/sync';
import { status } from '@grpc/grpc-js';
import { ClassifyBatchRequest, ClassifyRequest, ClassifyStreamRequest, type LogRecord } from '@logclass/contract';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { checkHealth, GrpcClassifier } from '@logclass/tier-client';
import type { RunningGateway } from '../../src';
import { startGatewayOverMarker } from '../gateway-fixture';
import { pickMutation } from './csv-mutations';
import { RAW_METHODS, RawGrpc, type RawMethod } from './raw-grpc';
import { Random } from './random';

/** Replay a failure with FUZZ_SEED=<seed>; the counts keep the run to seconds on 2 busy cores. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const CASES = { csv: 500, json: 200, grpc: 400 };
const TIMEOUT_MS = 15_000;

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

function randomJson(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 4 : 7)) {
    case 0: return r.text(40);
    case 1: return r.pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER, 3.5]);
    case 2: return r.pick([null, true, false]);
    case 3: return r.chance(0.05) ? 'z'.repeat(200_000) : r.text(5);
    case 4: return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
    default: return { source: randomJson(r, depth + 1), log_message: randomJson(r, depth + 1), [r.text(5)]: randomJson(r, depth + 1) };
  }
}

function randomRecords(r: Random): LogRecord[] {
  // Rarely past the gateway's GATEWAY_MAX_BATCH_SIZE (4096), or one 100 kB message.
  if (r.chance(0.03)) return Array.from({ length: 4097 }, (_, i) => ({ source: 's', logMessage: `m${i}` }));
  if (r.chance(0.03)) return [{ source: r.text(10), logMessage: 'q'.repeat(100_000) }];
  return Array.from({ length: r.pick([0, 1, 2, 10, 40]) }, () => ({ source: r.text(10), logMessage: r.text(60) }));
}

/** Bytes for one gRPC message: random, a valid encoding of random field values, or one with bytes flipped or cut. */
function grpcMessage(r: Random, method: RawMethod): Buffer {
  const kind = r.int(4);
  if (kind === 0) return r.bytes(r.int(300));
  const records = randomRecords(r);
  const options = r.chance(0.5) ? { includeTemplate: r.chance(0.5) } : undefined;
  const valid = Buffer.from(
    method === 'Classify'
      ? ClassifyRequest.encode({ record: records[0], options }).finish()
      : method === 'ClassifyStream'
        ? ClassifyStreamRequest.encode({ sequence: r.int(2 ** 31), records, options }).finish()
        : ClassifyBatchRequest.encode({ records, options }).finish(),
  );
  if (kind === 1 || valid.length === 0) return valid;
  if (kind === 2) return valid.subarray(0, r.int(valid.length));
  const flipped = Buffer.from(valid);
  for (let i = 0; i < 1 + r.int(6); i++) flipped[r.int(flipped.length)] = r.int(256);
  return flipped;
}

describe('fuzzing the gateway and a tier with malformed input', () => {
  let tier: RunningClassifierServer;
  let gateway: RunningGateway;

  beforeAll(async () => {
    ({ tier, gateway } = await startGatewayOverMarker({
      GATEWAY_RATE_LIMIT_RPS: '0',
      GATEWAY_MAX_UPLOAD_BYTES: String(1024 * 1024),
      GATEWAY_MAX_CSV_RECORD_BYTES: String(256 * 1024),
      // One batch holds every fuzz upload: anything wrong is found before the first byte is sent, so it must be a 4xx.
      GATEWAY_CSV_BATCH_SIZE: '100000',
      GATEWAY_MAX_QUEUED_UPLOADS: '64',
      GATEWAY_MAX_JSON_BYTES: String(1024 * 1024),
    }));
  });
  afterAll(async () => {
    await gateway?.stop();
    await tier?.stop(100);
  });

  it('answers every case with a 4xx, a gRPC error status or a well-formed 200: never a 5xx, a crash or a hang; then still classifies', async () => {
    const t0 = Date.now();
    const r = new Random(SEED);
    const outcomes = new Map<string, number>();
    const failures: string[] = [];
    const note = (key: string, bad?: string) => {
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (bad) failures.push(`${key}: ${bad}`);
    };

    const csvCases = Array.from({ length: CASES.csv }, () => {
      const [name, make] = pickMutation(r);
      return { name, body: make(r), multipart: r.chance(0.3), query: r.chance(0.1) ? `?columns=${r.pick(['tier', 'bogus', 'reason,template', ''])}` : '' };
    });
    await pool(csvCases, 8, async ({ name, body, multipart, query }) => {
      let init: RequestInit;
      if (multipart) {
        const form = new FormData();
        form.append('file', new Blob([body], { type: 'text/csv' }), 'f.csv');
        init = { method: 'POST', body: form };
      } else {
        init = { method: 'POST', body, headers: { 'content-type': 'text/csv' } };
      }
      const started = Date.now();
      try {
        const res = await fetch(`${gateway.httpUrl}/classify${query}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
        const text = await res.text();
        if (res.status !== 200) return note(`csv ${res.status}`, res.status >= 500 ? `${name}: ${text}` : undefined);
        // A 200 must be a complete, rectangular CSV with the label column.
        const rows = parse(text, { relax_column_count: false }) as string[][];
        note('csv 200', rows[0]?.includes('target_label') ? undefined : `${name}: 200 without target_label`);
      } catch (err) {
        note('csv no answer', `${name} (${multipart ? 'multipart' : 'raw'}, ${body.length} bytes, ${Date.now() - started} ms): ${(err as Error).message}`);
      }
    });

    const jsonCases = Array.from({ length: CASES.json }, () => {
      if (r.chance(0.15)) return { body: r.chance(0.5) ? r.text(200) : r.bytes(r.int(200)).toString('latin1'), type: r.pick(['application/json', 'text/plain']), count: -1 };
      const value = r.chance(0.85) ? Array.from({ length: r.int(6) }, () => (r.chance(0.7) ? { source: r.text(8), log_message: randomJson(r) } : randomJson(r))) : randomJson(r);
      return { body: JSON.stringify(value), type: 'application/json', count: Array.isArray(value) ? value.length : -1 };
    });
    await pool(jsonCases, 8, async ({ body, type, count }) => {
      try {
        const res = await fetch(`${gateway.httpUrl}/classify/json`, { method: 'POST', body, headers: { 'content-type': type }, signal: AbortSignal.timeout(TIMEOUT_MS) });
        const text = await res.text();
        if (res.status !== 200) return note(`json ${res.status}`, res.status >= 500 ? text : undefined);
        const answer = JSON.parse(text) as unknown[];
        note('json 200', answer.length === count ? undefined : `200 with ${answer.length} results for ${count} records`);
      } catch (err) {
        note('json no answer', (err as Error).message);
      }
    });

    const clients = { gateway: new RawGrpc(gateway.grpcAddress), tier: new RawGrpc(tier.address) };
    const grpcCases = Array.from({ length: CASES.grpc }, () => {
      const target = r.pick(['gateway', 'tier'] as const);
      const method = r.pick(RAW_METHODS);
      const messages = Array.from({ length: method === 'ClassifyStream' ? r.int(4) : 1 }, () => grpcMessage(r, method));
      return { target, method, messages };
    });
    await pool(grpcCases, 8, async ({ target, method, messages }) => {
      const { code, details } = await clients[target].call(method, messages, TIMEOUT_MS);
      const key = `grpc ${target} ${status[code]}`;
      // Undecodable bytes are INVALID_ARGUMENT (withUndecodableRequestsMarked); any INTERNAL or UNKNOWN is a defect.
      const ours = code === status.INTERNAL || code === status.UNKNOWN;
      note(key, ours || code === status.DEADLINE_EXCEEDED ? `${method}: ${status[code]} ${details}` : undefined);
    });
    clients.gateway.close();
    clients.tier.close();

    const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
    // The tally, for the report (npx jest ... fuzz prints it).
    console.log(`fuzz seed ${SEED}: ${total} cases in ${Date.now() - t0} ms\n${[...outcomes].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
    expect(total).toBe(CASES.csv + CASES.json + CASES.grpc);
    expect(failures).toEqual([]);

    // Still healthy and still right.
    const res = await fetch(`${gateway.httpUrl}/classify`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'source,log_message\nA,ok @regex\nB,"x, ""y"""\n' });
    expect(await res.text()).toBe('source,log_message,target_label\nA,ok @regex,Test Label\nB,"x, ""y""",Unclassified\n');
    const client = new GrpcClassifier({ tier: 'gateway', address: gateway.grpcAddress, timeoutMs: 5000, batchSize: 10 });
    expect((await client.classify([{ source: 'A', logMessage: 'fine @regex' }]))[0].label).toBe('Test Label');
    await client.close();
    expect([await checkHealth(gateway.grpcAddress), await checkHealth(tier.address)]).toEqual(['SERVING', 'SERVING']);
  }, 120_000);
});
