import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { MarkerTier } from '@logclass/test-support';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { startTestGateway, startTier } from '../../test/gateway-fixture';
import type { RunningGateway } from '../start-gateway';

const root = require('@opentelemetry/otlp-transformer/build/src/generated/root');
const { ExportLogsServiceRequest, ExportLogsServiceResponse } = root.opentelemetry.proto.collector.logs.v1;

jest.setTimeout(20_000);

/** A downstream that answers every export as `answer` says, after counting it. */
async function downstream(answer: (res: http.ServerResponse) => void): Promise<{ server: http.Server; url: string; requests: () => number }> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

function request(bodies: string[]): Buffer {
  return Buffer.from(
    ExportLogsServiceRequest.encode(
      ExportLogsServiceRequest.fromObject({
        resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'billing' } }] }, scopeLogs: [{ logRecords: bodies.map((b) => ({ body: { stringValue: b } })) }] }],
      }),
    ).finish(),
  );
}

const protobuf = { 'content-type': 'application/x-protobuf' };

describe('OTLP receiver: what the sender is told for each answer of the downstream', () => {
  let tier: RunningClassifierServer;
  let gateway: RunningGateway | undefined;
  let next: Awaited<ReturnType<typeof downstream>> | undefined;

  beforeAll(async () => {
    tier = await startTier(new MarkerTier('regex'));
  });
  afterAll(() => tier.stop());
  afterEach(async () => {
    await gateway?.stop();
    next?.server.closeAllConnections();
    next?.server.close();
    gateway = next = undefined;
  });

  async function start(env: Record<string, string>): Promise<string> {
    gateway = await startTestGateway({
      GATEWAY_TIERS: `regex=${tier.address}`,
      GATEWAY_ROUTING: '{}',
      GATEWAY_OTLP_GRPC_PORT: '-1',
      GATEWAY_OTLP_HTTP_PORT: '0',
      GATEWAY_OTLP_RETRY_AFTER_SECONDS: '3',
      ...env,
    });
    return `http://127.0.0.1:${gateway.otlpHttpPort}/v1/logs`;
  }

  it('the downstream\'s partial_success is passed up with the count it rejected', async () => {
    next = await downstream((res) =>
      res.writeHead(200, protobuf).end(Buffer.from(ExportLogsServiceResponse.encode({ partialSuccess: { rejectedLogRecords: 2, errorMessage: 'too old' } }).finish())),
    );
    const url = await start({ GATEWAY_OTLP_EXPORT_ENDPOINT: next.url, GATEWAY_OTLP_EXPORT_PROTOCOL: 'http/protobuf' });
    const res = await fetch(url, { method: 'POST', headers: protobuf, body: request(['a', 'b', 'c']) });
    expect(res.status).toBe(200);
    const answer = ExportLogsServiceResponse.decode(Buffer.from(await res.arrayBuffer()));
    expect(Number(answer.partialSuccess.rejectedLogRecords)).toBe(2);
    expect(answer.partialSuccess.errorMessage).toMatch(/downstream: too old/);
  });

  it('a downstream that calls the data invalid (400): the sender gets 400, not a retry', async () => {
    next = await downstream((res) => res.writeHead(400).end());
    const url = await start({ GATEWAY_OTLP_EXPORT_ENDPOINT: next.url, GATEWAY_OTLP_EXPORT_PROTOCOL: 'http/protobuf' });
    const res = await fetch(url, { method: 'POST', headers: protobuf, body: request(['a']) });
    expect(res.status).toBe(400);
    expect(res.headers.get('retry-after')).toBeNull();
  });

  it.each([
    ['overloaded (503 with Retry-After 7): its wait is passed on', (res: http.ServerResponse) => res.writeHead(503, { 'retry-after': '7' }).end(), '7'],
    ['refusing our key (401): retryable, the fault is ours', (res: http.ServerResponse) => res.writeHead(401).end(), '3'],
    ['too slow (never answers within GATEWAY_OTLP_EXPORT_TIMEOUT_MS)', () => undefined, '3'],
  ])('a downstream %s → 503 with Retry-After', async (_what, answer, retryAfter) => {
    next = await downstream(answer);
    const url = await start({ GATEWAY_OTLP_EXPORT_ENDPOINT: next.url, GATEWAY_OTLP_EXPORT_PROTOCOL: 'http/protobuf', GATEWAY_OTLP_EXPORT_TIMEOUT_MS: '300' });
    const res = await fetch(url, { method: 'POST', headers: protobuf, body: request(['a']) });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe(retryAfter);
    expect(next.requests()).toBe(1);
  });

  it('gzip bodies (the Collector\'s default) are read; a body past GATEWAY_OTLP_MAX_REQUEST_BYTES gets 413, compressed or not', async () => {
    const url = await start({ GATEWAY_OTLP_MAX_REQUEST_BYTES: '2048' });
    const ok = await fetch(url, { method: 'POST', headers: { ...protobuf, 'content-encoding': 'gzip' }, body: gzipSync(request(['zipped @regex'])) });
    expect(ok.status).toBe(200);
    const big = request(['x'.repeat(4000)]);
    expect((await fetch(url, { method: 'POST', headers: protobuf, body: big })).status).toBe(413);
    expect((await fetch(url, { method: 'POST', headers: { ...protobuf, 'content-encoding': 'gzip' }, body: gzipSync(big) })).status).toBe(413);
  });

  it('without a downstream: records are classified and counted, acknowledged, forwarded nowhere', async () => {
    const url = await start({});
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'x @regex' } }] }] }] }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    const metrics = await (await fetch(`${gateway?.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/logclass_otlp_records_total\{[^}]*result="classified"[^}]*\} 1/);
    expect(metrics).toMatch(/logclass_records_total\{[^}]*tier="regex"[^}]*\} 1/);
    const ready = (await (await fetch(`${gateway?.httpUrl}/readyz`)).json()) as { status: string; otlp: { exporter: { state: string } } };
    expect(ready.otlp.exporter.state).toBe('not-configured');
    expect(ready.status).toBe('ready');
  });

  it('a sender that hangs up mid-body gives its in-flight slot back', async () => {
    const url = await start({ GATEWAY_OTLP_MAX_IN_FLIGHT: '1' });
    const { port } = new URL(url);
    const partial = http.request({ host: '127.0.0.1', port, path: '/v1/logs', method: 'POST', headers: { ...protobuf, 'content-length': '1000' } });
    partial.on('error', () => undefined);
    partial.write(Buffer.alloc(10));
    await new Promise((r) => setTimeout(r, 200));
    partial.destroy();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await fetch(url, { method: 'POST', headers: protobuf, body: request(['after @regex']) })).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(200);
  });

  it('wrong path, method or content type: 404, 405, 415, never 5xx', async () => {
    const url = await start({});
    expect((await fetch(url.replace('/v1/logs', '/v1/traces'), { method: 'POST', headers: protobuf, body: request(['a']) })).status).toBe(404);
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'a' })).status).toBe(415);
  });
});
