/**
 * What TLS and authentication cost the gateway: the same mixed workload
 * against the system started twice, plaintext without keys vs TLS with
 * mutual TLS on both gRPC hops (caller -> gateway -> tiers) plus an API key
 * and the per-key rate limit (set high enough never to refuse). Runs
 * alternate (plain, secure, plain, secure) and the best of each is kept, so
 * a noisy neighbour hurts both sides alike. The REST API stays HTTP in both
 * (with the key on the secure side): the launcher's health check speaks HTTP.
 *
 *   npm run build && npx tsx --tsconfig tsconfig.base.json bench/security-cost.ts [--seconds 8] [--concurrency 4]
 */
import { credentials } from '@grpc/grpc-js';
import { generateTestCertificates } from '@logclass/test-support';
import { channelCredentialsFrom } from '@logclass/tier-client';
import { MixedLoad, REQUEST_KINDS, type RequestKind } from './lib/mixed-load';
import { recordPool } from './lib/record-pool';
import { printTable } from './lib/report';
import { startSystem } from './lib/system';

const API_KEY = 'bench-key';

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

type Mode = 'plain' | 'secure';

async function measure(mode: Mode, seconds: number, concurrency: number, records: Awaited<ReturnType<typeof recordPool>>): Promise<Record<RequestKind, number>> {
  const certs = generateTestCertificates();
  const tierTls = (prefix: string) => ({
    [`${prefix}_TLS_CERT_FILE`]: certs.serverCert,
    [`${prefix}_TLS_KEY_FILE`]: certs.serverKey,
    [`${prefix}_TLS_CLIENT_CA_FILE`]: certs.caCert,
  });
  const clientTls = { tlsCaFile: certs.caCert, tlsCertFile: certs.clientCert, tlsKeyFile: certs.clientKey };
  const env: Record<string, string> =
    mode === 'plain'
      ? { GATEWAY_RATE_LIMIT_RPS: '0' }
      : {
          ...tierTls('REGEX'),
          ...tierTls('EMBEDDING'),
          ...tierTls('LLM'),
          ...tierTls('GATEWAY'),
          GATEWAY_TIER_TLS_CA_FILE: certs.caCert,
          GATEWAY_TIER_TLS_CERT_FILE: certs.clientCert,
          GATEWAY_TIER_TLS_KEY_FILE: certs.clientKey,
          GATEWAY_API_KEYS: API_KEY,
          // Counted, never refusing: the cost of the bucket without its effect.
          GATEWAY_RATE_LIMIT_RPS: '1000000',
          GATEWAY_RATE_LIMIT_BURST: '1000000',
        };
  const system = await startSystem(env, mode === 'secure' ? { tierCredentials: channelCredentialsFrom(clientTls) } : {});
  const load = new MixedLoad(
    {
      httpUrl: system.httpUrl,
      grpcAddress: system.grpcAddress,
      grpcCredentials: mode === 'secure' ? channelCredentialsFrom(clientTls) : credentials.createInsecure(),
      apiKey: mode === 'secure' ? API_KEY : undefined,
    },
    records,
  );
  const out = {} as Record<RequestKind, number>;
  try {
    for (const kind of REQUEST_KINDS) {
      // Warm-up of this kind (connections, TLS sessions, JIT), then the timed window.
      await Promise.all(Array.from({ length: concurrency }, () => load.run(kind)));
      let rows = 0;
      const until = Date.now() + seconds * 1000;
      const started = Date.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (Date.now() < until) {
            // Not `rows += await ...`: that reads rows before the await and drops the other lanes' counts.
            const n = await load.run(kind);
            rows += n;
          }
        }),
      );
      out[kind] = rows / ((Date.now() - started) / 1000);
    }
  } finally {
    load.close();
    await system.stop();
  }
  return out;
}

async function main(): Promise<void> {
  const seconds = arg('seconds', 8);
  const concurrency = arg('concurrency', 4);
  const records = await recordPool(50_000);
  const best: Record<Mode, Partial<Record<RequestKind, number>>> = { plain: {}, secure: {} };
  for (const mode of ['plain', 'secure', 'plain', 'secure'] as Mode[]) {
    const got = await measure(mode, seconds, concurrency, records);
    for (const kind of REQUEST_KINDS) best[mode][kind] = Math.max(best[mode][kind] ?? 0, got[kind]);
    console.log(`${mode}: ${REQUEST_KINDS.map((k) => `${k} ${Math.round(got[k])}`).join(', ')} rows/s`);
  }
  printTable(
    `gateway throughput, plaintext/no auth vs TLS + mutual TLS (both gRPC hops) + API key + rate limit (best of 2 runs each, ${seconds} s per kind, concurrency ${concurrency})`,
    REQUEST_KINDS.map((kind) => {
      const plain = best.plain[kind] ?? 0;
      const secure = best.secure[kind] ?? 0;
      return { workload: kind, 'plain rows/s': Math.round(plain), 'secure rows/s': Math.round(secure), 'secure/plain': (secure / plain).toFixed(2) };
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
