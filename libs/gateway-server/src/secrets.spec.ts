import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import type { DestinationStream } from 'pino';
import { LogClassifierClient } from '@logclass/contract';
import { startClassifierServer } from '@logclass/grpc-server';
import { createLogger } from '@logclass/observability';
import { defineServiceConfig } from '@logclass/service-config';
import { LOOPBACK_GATEWAY_ENV, MarkerTier } from '@logclass/test-support';
import { gatewaySettings, startGateway } from './index';

const API_KEY = 'gw-SECRET-api-key-41d7';
const TIER_KEY = 'tier-SECRET-key-9be2';
/** What a confused caller sends: it must not be written anywhere either. */
const WRONG_KEY = 'caller-SECRET-wrong-5c1a';
const SECRETS = [API_KEY, TIER_KEY, WRONG_KEY];

describe('gateway secrets stay secret', () => {
  it('in logs (trace level), answers, /metrics, /readyz and configuration errors, through successes and failures', async () => {
    const lines: string[] = [];
    const sink: DestinationStream = { write: (line: string) => void lines.push(line) };
    const log = createLogger('gateway', 'trace', sink);
    const serve = (tier: string, apiKeys: string[]) =>
      startClassifierServer({ classifier: new MarkerTier(tier), host: '127.0.0.1', port: 0, maxBatchSize: 100, maxBatchSizeSetting: 'X', maxInFlight: 4, maxQueued: 8, log, apiKeys });
    const regex = await serve('regex', [TIER_KEY]);
    // A tier that wants another key: every call to it is refused (UNAUTHENTICATED), its breaker records why.
    const picky = await serve('embedding', ['not-the-tier-key']);
    const env = {
      ...LOOPBACK_GATEWAY_ENV,
      LOG_LEVEL: 'trace',
      GATEWAY_TIERS: `regex=${regex.address},embedding=${picky.address},llm=127.0.0.1:1`,
      GATEWAY_ROUTING: '{}',
      GATEWAY_API_KEYS: API_KEY,
      GATEWAY_TIER_API_KEY: TIER_KEY,
      GATEWAY_AUTH_METRICS: 'true',
      GATEWAY_RATE_LIMIT_RPS: '1',
      GATEWAY_RATE_LIMIT_BURST: '12',
      GATEWAY_EMBEDDING_VOLUME_THRESHOLD: '1',
      GATEWAY_LLM_VOLUME_THRESHOLD: '1',
    };
    const config = defineServiceConfig('gateway', gatewaySettings());
    const gateway = await startGateway(config.load(env), log);
    const seen: string[] = [];
    const rest = async (path: string, key?: string, body?: string) => {
      const headers: Record<string, string> = body ? { 'content-type': 'text/csv' } : {};
      if (key) headers['x-api-key'] = key;
      const res = await fetch(`${gateway.httpUrl}${path}`, { method: body ? 'POST' : 'GET', headers, body });
      seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`);
      return res.status;
    };
    const grpc = new LogClassifierClient(gateway.grpcAddress, credentials.createInsecure());
    const grpcCall = (key: string) =>
      new Promise<void>((resolve) => {
        const md = new Metadata();
        md.set('authorization', `Bearer ${key}`);
        grpc.classifyBatch({ records: [{ source: 'S', logMessage: 'x' }] }, md, (e: ServiceError | null, r: unknown) => {
          seen.push(e ? `${e.code} ${e.details} ${e.message}` : JSON.stringify(r));
          resolve();
        });
      });
    try {
      const csv = 'source,log_message\nS,hello @regex\nS,nobody decides this\n';
      const statuses = [
        await rest('/classify', API_KEY, csv),
        await rest('/classify', WRONG_KEY, csv),
        await rest('/classify', undefined, csv),
        await rest('/classify', API_KEY, 'broken,"csv\n'),
        await rest('/classify', API_KEY, csv),
      ];
      await grpcCall(API_KEY);
      await grpcCall(WRONG_KEY);
      statuses.push(await rest('/readyz'), await rest('/metrics', API_KEY), await rest('/metrics', WRONG_KEY));
      // Exhaust the rate limit: the 429s are part of what is checked.
      for (let i = 0; i < 12; i++) statuses.push(await rest('/classify/json', API_KEY, undefined));
      expect(statuses.slice(0, 5)).toEqual([200, 401, 401, 400, 200]);
      expect(statuses).toContain(429);
      // The failures were real: the picky tier refused us and /readyz says so, in its own words.
      expect(seen.join('\n')).toMatch(/refused our credentials|not reachable/);
    } finally {
      grpc.close();
      await gateway.stop();
      await Promise.all([regex.stop(100), picky.stop(100)]);
    }
    for (const bad of [
      { ...env, GATEWAY_HTTP_PORT: 'x' },
      { ...env, API_KEYS: API_KEY, GATEWAY_API_KEYS: '', GATEWAY_TIER_API_KEY: TIER_KEY, GATEWAY_MAX_CSV_ROWS: '0' },
    ]) {
      try {
        config.load(bad);
        seen.push('loaded');
      } catch (err) {
        seen.push((err as Error).message);
      }
    }
    await expect(startGateway(config.load({ ...env, GATEWAY_HTTP_TLS_CERT_FILE: '/nonexistent' }), log)).rejects.toThrow(/GATEWAY_HTTP_TLS/);
    expect(lines.some((l) => l.includes('missing or invalid API key'))).toBe(true);
    const everything = `${lines.join('')}\n${seen.join('\n')}`;
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });
});
