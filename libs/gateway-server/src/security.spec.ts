import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { LogClassifierClient, type ClassifyResponse } from '@logclass/contract';
import { tierFailure } from '@logclass/cascade';
import { LogclassError } from '@logclass/classifier';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { startGatewayOverMarker } from '../test/gateway-fixture';
import type { RunningGateway } from './index';
import { needsKey } from './http/auth';
import { grpcPeerAddress } from './security/caller-identity';
import { tierFailureSummary } from './security/error-summary';
import { TokenBuckets } from './security/token-buckets';

const KEY = 'k-3f9a-secret-value';
const CSV = 'source,log_message\nA,x @regex\n';

describe('gateway authentication and rate limits', () => {
  let tier: RunningClassifierServer;
  let gateway: RunningGateway;

  beforeAll(async () => {
    ({ tier, gateway } = await startGatewayOverMarker({
      API_KEYS: `other-key, ${KEY}`,
      GATEWAY_RATE_LIMIT_RPS: '0.1',
      GATEWAY_RATE_LIMIT_BURST: '6',
      GATEWAY_MAX_CSV_ROWS: '3',
    }));
  });
  afterAll(async () => {
    await gateway.stop();
    await tier.stop(100);
  });

  const post = (headers: Record<string, string>, body = CSV, path = '/classify') =>
    fetch(`${gateway.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body });

  it('REST: 401 without a valid key, never echoing it; x-api-key and Bearer both work; probes stay open', async () => {
    for (const headers of [{}, { 'x-api-key': 'wrong-key-123' }, { authorization: 'Basic d3Jvbmc=' }] as Record<string, string>[]) {
      const res = await post(headers);
      expect(res.status).toBe(401);
      const text = await res.text();
      expect(text).toMatch(/missing or invalid API key/);
      expect(text).not.toContain('wrong-key-123');
    }
    expect((await post({ 'x-api-key': KEY })).status).toBe(200);
    expect(await (await post({ authorization: `Bearer ${KEY}` })).text()).toBe('source,log_message,target_label\nA,x @regex,Test Label\n');
    expect((await fetch(`${gateway.httpUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${gateway.httpUrl}/readyz`)).status).toBe(200);
    // Unknown routes are protected too: no probing of what exists without a key.
    expect((await fetch(`${gateway.httpUrl}/nope`)).status).toBe(401);
  });

  it('CSV: more rows than GATEWAY_MAX_CSV_ROWS is refused naming the limit', async () => {
    const res = await post({ 'x-api-key': KEY }, 'source,log_message\nA,1\nA,2\nA,3\nA,4\n');
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/more than 3 data rows.*GATEWAY_MAX_CSV_ROWS/) });
  });

  it('gRPC: UNAUTHENTICATED without a key; with one, calls count against the same bucket as REST, then RESOURCE_EXHAUSTED naming the limit', async () => {
    const client = new LogClassifierClient(gateway.grpcAddress, credentials.createInsecure());
    const classify = (md: Metadata) =>
      new Promise<ClassifyResponse>((resolve, reject) =>
        client.classify({ record: { source: 'A', logMessage: 'x @regex' } }, md, (e: ServiceError | null, r: ClassifyResponse) => (e ? reject(e) : resolve(r))),
      );
    const err = await classify(new Metadata()).catch((e: ServiceError) => e);
    expect(err).toMatchObject({ code: status.UNAUTHENTICATED });
    const md = new Metadata();
    md.set('authorization', `Bearer ${KEY}`);
    // The burst of 6 was mostly used by the REST tests above (the same key); drain what is left.
    let last: unknown;
    for (let i = 0; i < 8; i++) last = await classify(md).catch((e: ServiceError) => e);
    expect(last).toMatchObject({ code: status.RESOURCE_EXHAUSTED, details: expect.stringMatching(/GATEWAY_RATE_LIMIT_RPS/) });
    // REST shares the bucket: 429 with Retry-After and the limit named.
    const res = await post({ 'x-api-key': KEY });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await res.json()) as { message: string }).message).toMatch(/more than 0.1 requests per second \(burst 6\) for this API key \(GATEWAY_RATE_LIMIT_RPS, GATEWAY_RATE_LIMIT_BURST\)/);
    // Another key has its own bucket; probes are never limited.
    expect((await post({ 'x-api-key': 'other-key' })).status).toBe(200);
    expect((await fetch(`${gateway.httpUrl}/healthz`)).status).toBe(200);
    client.close();
  });
});

describe('security helpers', () => {
  it('protects every path but the probes; metrics and docs as configured', () => {
    const policy = { metrics: true, docs: false };
    expect(['/healthz', '/readyz'].map((p) => needsKey(p, policy))).toEqual([false, false]);
    expect(['/classify', '/classify/json', '/feedback', '/x'].every((p) => needsKey(p, policy))).toBe(true);
    expect([needsKey('/metrics', policy), needsKey('/docs/json', policy), needsKey('/', policy), needsKey('/openapi.json', policy)]).toEqual([true, false, false, false]);
    expect(needsKey('/metrics', { metrics: false, docs: true })).toBe(false);
    expect(needsKey('/docs', { metrics: false, docs: true })).toBe(true);
  });

  it('refills buckets at the configured rate, capped at the burst', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 3, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBeCloseTo(0.5);
    expect(buckets.take('b')).toBe(0);
    now = 500; // half a second: one token back
    expect(buckets.take('a')).toBe(0);
    now = 60_000;
    expect([0, 1, 2, 3].map(() => buckets.take('a'))).toEqual([0, 0, 0, expect.any(Number)]);
    expect(new TokenBuckets(0, 1).take('a')).toBe(0);
  });

  it('reads the address of a gRPC peer', () => {
    expect(grpcPeerAddress('ipv4:127.0.0.1:5123')).toBe('127.0.0.1');
    expect(grpcPeerAddress('ipv6:[::1]:5123')).toBe('::1');
    expect(grpcPeerAddress('unix:/tmp/s')).toBe('unix:/tmp/s');
  });

  it('summarises a tier failure by its kind, never its text', () => {
    const summary = (err: unknown) => tierFailureSummary(tierFailure(err));
    expect(summary(new LogclassError('UNAVAILABLE', 'No connection established. Last error: connect ECONNREFUSED 10.0.3.7:50052'))).toBe('not reachable');
    expect(summary(new LogclassError('UNAVAILABLE', 'No connection established. Last error: SSL routines::certificate verify failed'))).toBe('TLS failure');
    expect(summary(Object.assign(new Error('Timed out after 2000ms'), { code: 'ETIMEDOUT' }))).toBe('deadline exceeded');
    expect(summary(Object.assign(new Error('Breaker is open'), { code: 'EOPENBREAKER' }))).toBe('breaker open');
    expect(summary(new LogclassError('WRONG_RESULT_COUNT', 'llm returned 1 results for 2 records'))).toBe('bad answer (wrong result count)');
    expect(summary(new LogclassError('UNAUTHENTICATED', 'missing or invalid API key'))).toBe('refused our credentials');
    expect(summary(new LogclassError('RESOURCE_EXHAUSTED', 'queue full'))).toBe('overloaded');
    // Words that look like a category say nothing: only the code does.
    expect(summary(new LogclassError('INTERNAL', 'returned 1 results for 2 records; queue; deadline'))).toBe('failed (details in the gateway log)');
    expect(summary(new Error('/etc/secret/path: weird'))).toBe('failed (details in the gateway log)');
  });
});
