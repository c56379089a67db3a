import { credentials, Client, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MarkerTier } from '@logclass/test-support';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { startTestGateway, startTier } from '../../test/gateway-fixture';
import { OtlpDownstream } from '../../test/otlp-downstream';
import type { RunningGateway } from '../start-gateway';

const root = require('@opentelemetry/otlp-transformer/build/src/generated/root');
const { ExportLogsServiceRequest, ExportLogsServiceResponse } = root.opentelemetry.proto.collector.logs.v1;

jest.setTimeout(30_000);

const execFileAsync = promisify(execFile);

const TRACE_ID = '5b8efff798038103d269b633813fc60c';

interface Setup {
  marker: MarkerTier;
  tier: RunningClassifierServer;
  gateway: RunningGateway;
  downstream: OtlpDownstream;
}

async function setup(protocol: string, env: Record<string, string> = {}): Promise<Setup> {
  const downstream = await new OtlpDownstream().start();
  const marker = new MarkerTier('regex');
  const tier = await startTier(marker);
  const port = protocol === 'grpc' ? downstream.grpcPort : downstream.httpPort;
  const gateway = await startTestGateway({
    GATEWAY_TIERS: `regex=${tier.address}`,
    GATEWAY_ROUTING: '{}',
    GATEWAY_OTLP_GRPC_PORT: '0',
    GATEWAY_OTLP_HTTP_PORT: '0',
    GATEWAY_OTLP_EXPORT_ENDPOINT: `http://127.0.0.1:${port}`,
    GATEWAY_OTLP_EXPORT_PROTOCOL: protocol,
    GATEWAY_OTLP_RETRY_AFTER_SECONDS: '1',
    ...env,
  });
  return { marker, tier, gateway, downstream };
}

async function teardown(s: Setup | undefined): Promise<void> {
  if (!s) return;
  await s.gateway.stop();
  await s.tier.stop();
  await s.downstream.stop();
}

const SENDER = join(__dirname, '../../test/otlp-sdk-sender.cjs');

interface SdkRecord {
  body: unknown;
  attributes?: Record<string, unknown>;
  timestamp?: [number, number];
}

/** One batch sent by the real OpenTelemetry SDK exporter in a process of its own; resolves to its export result (0 = acknowledged). */
async function sendWithSdk(protocol: string, url: string, records: SdkRecord[], timeoutMillis = 10_000): Promise<number> {
  const { stdout } = await execFileAsync(process.execPath, [SENDER, JSON.stringify({ protocol, url, service: 'billing', timeoutMillis, records })], { timeout: 60_000 });
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { code: number; error?: string };
  if (result.code !== 0) process.stderr.write(`SDK export failed: ${result.error}\n`);
  return result.code;
}

const messages = ['payment 1 failed @regex label=Error', 'payment 2 ok', 'user 3 logged in @regex label=Security Alert', 'disk 4 full', 'payment 5 retried @regex'];
const sdkRecords: SdkRecord[] = messages.map((body, i) => ({ body, attributes: { 'app.seq': i, 'app.kind': 'payment' }, timestamp: [1_700_000_000, 123_456_789 + i] }));

function expectEnrichedInOrder(s: Setup): void {
  expect(s.downstream.received.map((r) => r.body)).toEqual(messages);
  expect(s.downstream.received.map((r) => r.attributes['app.seq'])).toEqual(['0', '1', '2', '3', '4']);
  const labels = s.downstream.received.map((r) => r.attributes['logclass.label']);
  expect(labels[0]).toBe('Error');
  expect(labels[2]).toBe('Security Alert');
  expect(labels[4]).toBe('Test Label');
  for (const r of s.downstream.received) {
    expect(r.service).toBe('billing');
    expect(r.attributes['app.kind']).toBe('payment');
    expect(typeof r.attributes['logclass.confidence']).toBe('number');
    expect(Object.keys(r.attributes)).toContain('logclass.tier');
    expect(Object.keys(r.attributes)).not.toContain('logclass.reason');
  }
  // Timestamps kept to the nanosecond (64-bit integers survive decoding and encoding).
  expect(s.downstream.received[1].timeUnixNano).toBe('1700000000123456790');
  expect(s.marker.sources.every((src) => src === 'billing')).toBe(true);
}

describe('OTLP logs receiver: the OpenTelemetry SDK in, an OTLP server downstream', () => {
  let s: Setup | undefined;
  afterEach(async () => {
    await teardown(s);
    s = undefined;
  });

  it('gRPC in, gRPC out: every record once, in order, enriched, the rest untouched', async () => {
    s = await setup('grpc');
    expect(await sendWithSdk('grpc', `http://127.0.0.1:${s.gateway.otlpGrpcPort}`, sdkRecords)).toBe(0);
    expectEnrichedInOrder(s);
    expect(s.downstream.requests).toBe(1);
    expect(await grpcExport(grpcPort(s), encodeRequest('gzipped @regex'), true)).toBeUndefined();
    expect(s.downstream.received.at(-1)?.body).toBe('gzipped @regex');
  });

  it('HTTP/protobuf in, HTTP/protobuf out', async () => {
    s = await setup('http/protobuf');
    expect(await sendWithSdk('http/protobuf', `http://127.0.0.1:${s.gateway.otlpHttpPort}/v1/logs`, sdkRecords)).toBe(0);
    expectEnrichedInOrder(s);
  });

  it('HTTP/JSON in, gRPC out: the JSON mapping keeps order, attributes and nanosecond timestamps', async () => {
    s = await setup('grpc');
    expect(await sendWithSdk('http/json', `http://127.0.0.1:${s.gateway.otlpHttpPort}/v1/logs`, sdkRecords)).toBe(0);
    expectEnrichedInOrder(s);
  });

  it('HTTP/JSON in, HTTP/JSON out, a structured body classified by its message field, reason on request', async () => {
    s = await setup('http/json', { GATEWAY_OTLP_REASON: 'true' });
    const records = [{ body: { message: 'card declined @regex label=Error', code: 402 }, attributes: { 'app.seq': 0 } }, { body: 'plain @regex' }];
    expect(await sendWithSdk('http/json', `http://127.0.0.1:${s.gateway.otlpHttpPort}/v1/logs`, records)).toBe(0);
    const [structured, plain] = s.downstream.received;
    expect(structured.body).toEqual({ message: 'card declined @regex label=Error', code: '402' });
    expect(structured.attributes['logclass.label']).toBe('Error');
    expect(typeof structured.attributes['logclass.reason']).toBe('string');
    expect(plain.attributes['logclass.label']).toBe('Test Label');
  });

  it('downstream down: a retryable answer, nothing acknowledged; the SDK retries and each record arrives once when it is back', async () => {
    // The SDK's HTTP exporters retry 503 after Retry-After; its gRPC exporter (0.208) never retries, so the retry is shown over HTTP and gRPC's answer is checked raw.
    s = await setup('grpc');
    await s.downstream.stop();
    // Raw requests first: the answer a sender gets while the next hop is down.
    const body = encodeRequest('lost? @regex');
    const res = await fetch(`http://127.0.0.1:${s.gateway.otlpHttpPort}/v1/logs`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    const grpcErr = await grpcExport(grpcPort(s), body);
    expect(grpcErr?.code).toBe(GrpcStatus.UNAVAILABLE);
    const ready = (await (await fetch(`${s.gateway.httpUrl}/readyz`)).json()) as { status: string; otlp: { exporter: { state: string; lastError: string } } };
    expect(ready.status).toBe('degraded');
    expect(ready.otlp.exporter.state).toBe('failing');

    const sent = sendWithSdk('http/protobuf', `http://127.0.0.1:${s.gateway.otlpHttpPort}/v1/logs`, sdkRecords, 20_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(s.downstream.received).toEqual([]);
    await s.downstream.start();
    expect(await sent).toBe(0);
    // OTLP is at-least-once; here the gateway acknowledged nothing it had not forwarded, so nothing came twice.
    expectEnrichedInOrder(s);
    const metrics = await (await fetch(`${s.gateway.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/logclass_otlp_records_total\{[^}]*transport="http"[^}]*result="forwarded"[^}]*\} 5/);
    expect(metrics).toMatch(/logclass_otlp_exports_total\{[^}]*result="retry"[^}]*\} [1-9]/);
  });

  it('downstream killed mid-stream: batches sent while it is down arrive once it is back, every record once, in order within its batch', async () => {
    s = await setup('grpc');
    const url = `http://127.0.0.1:${s.gateway.otlpHttpPort}/v1/logs`;
    const batch = (n: number): SdkRecord[] => [0, 1, 2, 3].map((i) => ({ body: `batch ${n} record ${i} @regex` }));
    expect(await sendWithSdk('http/protobuf', url, batch(1))).toBe(0);
    await s.downstream.stop();
    const later = [sendWithSdk('http/protobuf', url, batch(2), 20_000), sendWithSdk('http/protobuf', url, batch(3), 20_000)];
    await new Promise((r) => setTimeout(r, 1500));
    await s.downstream.start();
    expect(await Promise.all(later)).toEqual([0, 0]);
    const bodies = s.downstream.received.map((r) => String(r.body));
    expect(bodies).toHaveLength(12);
    expect(new Set(bodies).size).toBe(12);
    for (const n of [1, 2, 3]) expect(bodies.filter((b) => b.startsWith(`batch ${n} `))).toEqual(batch(n).map((r) => r.body));
    expect(s.downstream.received.every((r) => r.attributes['logclass.label'] === 'Test Label')).toBe(true);
  });

  it('malformed bodies get 400 / INVALID_ARGUMENT; a malformed record is reported in partial_success and the rest forwarded', async () => {
    s = await setup('http/protobuf');
    const url = `http://127.0.0.1:${s.gateway.otlpHttpPort}/v1/logs`;
    const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: Buffer.from([0x0a, 0xff, 0xff, 0xff]) });
    expect(bad.status).toBe(400);
    const badJson = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"resourceLogs": [' });
    expect(badJson.status).toBe(400);
    expect((await grpcExport(grpcPort(s), Buffer.from([0x0a, 0xff])))?.code).toBe(GrpcStatus.INVALID_ARGUMENT);

    const partial = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'billing' } }] },
            scopeLogs: [{ logRecords: [{ body: { stringValue: 'good @regex' }, traceId: TRACE_ID }, { body: { stringValue: 'bad' }, traceId: 'zz' }, { body: { stringValue: 'also good' } }] }],
          },
        ],
      }),
    });
    expect(partial.status).toBe(200);
    const answer = (await partial.json()) as { partialSuccess: { rejectedLogRecords: string; errorMessage: string } };
    expect(answer.partialSuccess.rejectedLogRecords).toBe('1');
    expect(answer.partialSuccess.errorMessage).toMatch(/logRecords\[1\]: traceId/);
    expect(s.downstream.received.map((r) => r.body)).toEqual(['good @regex', 'also good']);
    expect(s.downstream.received[0].traceId).toBe(TRACE_ID);
  });

  it('API keys: the gateway\'s keys guard both OTLP transports', async () => {
    s = await setup('grpc', { GATEWAY_API_KEYS: 'k1' });
    const url = `http://127.0.0.1:${s.gateway.otlpHttpPort}/v1/logs`;
    const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-protobuf', ...headers }, body: encodeRequest('keyed @regex') });
    expect((await post({})).status).toBe(401);
    expect((await grpcExport(grpcPort(s), encodeRequest('keyed @regex')))?.code).toBe(GrpcStatus.UNAUTHENTICATED);
    expect((await post({ authorization: 'Bearer k1' })).status).toBe(200);
    expect(s.downstream.received.map((r) => r.body)).toEqual(['keyed @regex']);
  });

  it('shutdown: a request in flight is still forwarded and acknowledged; later ones are refused (retryable) or find the port closed', async () => {
    s = await setup('grpc');
    s.marker.hold();
    const url = `http://127.0.0.1:${s.gateway.otlpHttpPort}/v1/logs`;
    const post = (body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: encodeRequest(body) });
    const first = post('in flight @regex');
    while (s.marker.calls === 0) await new Promise((r) => setTimeout(r, 10));
    const stopping = s.gateway.stop();
    const late = await post('late').then(
      (res) => res.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);
    s.marker.release();
    expect((await first).status).toBe(200);
    await stopping;
    expect(s.downstream.received.map((r) => r.body)).toEqual(['in flight @regex']);
  });

  it('full: past GATEWAY_OTLP_MAX_IN_FLIGHT a sender gets 429 / RESOURCE_EXHAUSTED to retry, and the held request still completes', async () => {
    s = await setup('grpc', { GATEWAY_OTLP_MAX_IN_FLIGHT: '1' });
    s.marker.hold();
    const url = `http://127.0.0.1:${s.gateway.otlpHttpPort}/v1/logs`;
    const first = fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: encodeRequest('held @regex') });
    while (s.marker.calls === 0) await new Promise((r) => setTimeout(r, 10));
    const second = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: encodeRequest('refused') });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    expect((await grpcExport(grpcPort(s), encodeRequest('refused')))?.code).toBe(GrpcStatus.RESOURCE_EXHAUSTED);
    s.marker.release();
    expect((await first).status).toBe(200);
    expect(s.downstream.received.map((r) => r.body)).toEqual(['held @regex']);
  });
});

function encodeRequest(body: string): Buffer {
  return Buffer.from(
    ExportLogsServiceRequest.encode(
      ExportLogsServiceRequest.fromObject({
        resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'billing' } }] }, scopeLogs: [{ logRecords: [{ body: { stringValue: body } }] }] }],
      }),
    ).finish(),
  );
}

/** One raw Export call (gzip-compressed with `gzip`, as the Collector sends by default); resolves to the error, or undefined on success. */
function grpcExport(port: number, body: Buffer, gzip = false): Promise<ServiceError | undefined> {
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure(), gzip ? { 'grpc.default_compression_algorithm': 2 } : {});
  return new Promise((resolve) =>
    client.makeUnaryRequest(
      '/opentelemetry.proto.collector.logs.v1.LogsService/Export',
      (b: Buffer) => b,
      (b: Buffer) => ExportLogsServiceResponse.decode(b),
      body,
      (err) => {
        client.close();
        resolve(err ?? undefined);
      },
    ),
  );
}

function grpcPort(s: Setup): number {
  if (s.gateway.otlpGrpcPort === undefined) throw new Error('the OTLP gRPC receiver is off');
  return s.gateway.otlpGrpcPort;
}
