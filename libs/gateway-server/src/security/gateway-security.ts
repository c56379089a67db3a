import { readFileSync } from 'node:fs';
import { ApiKeyCheck, keyFromMetadata, type CallAdmission } from '@logclass/grpc-server';
import type { Logger } from '@logclass/observability';
import { ConfigError } from '@logclass/service-config';
import type { AuthPolicy } from '../http/auth';
import type { GatewayConfig } from '../settings';
import { CallerGate } from './caller-gate';
import { grpcPeerAddress } from './caller-identity';
import { TokenBuckets } from './token-buckets';

export interface GatewaySecurity {
  /** For buildHttpApi: keys and rate limit on the REST API. */
  http: { gate: CallerGate; policy: AuthPolicy };
  /** For startClassifierService: the key check (grpc-server's own) and the shared rate limit. */
  grpc: { apiKeys: readonly string[]; admit: CallAdmission };
  /** PEM certificate and key when the REST API is served over HTTPS. */
  https: { cert: Buffer; key: Buffer } | undefined;
}

/**
 * One gate for both APIs, so a caller's rate is counted across REST and
 * gRPC together. gRPC keys are checked by the contract server itself
 * (apiKeys); its admission hook only takes the rate-limit token.
 */
export function gatewaySecurity(cfg: GatewayConfig, log: Logger): GatewaySecurity {
  const gate = new CallerGate(new ApiKeyCheck(cfg.apiKeys), new TokenBuckets(cfg.rateLimitRps, cfg.rateLimitBurst), log);
  if (cfg.apiKeys.length === 0) log.warn('no GATEWAY_API_KEYS: the REST and gRPC APIs accept unauthenticated calls');
  const admit: CallAdmission = ({ rpc, metadata, peer }) =>
    gate.admit({ apiKey: keyFromMetadata(metadata), address: grpcPeerAddress(peer), what: `gRPC ${rpc}`, needsKey: false });
  return {
    http: { gate, policy: { metrics: cfg.authMetrics, docs: cfg.authDocs } },
    grpc: { apiKeys: cfg.apiKeys, admit },
    https: httpsFiles(cfg),
  };
}

/** Both files or neither: half an HTTPS configuration is an error, never a silent fallback to HTTP. */
function httpsFiles(cfg: GatewayConfig): { cert: Buffer; key: Buffer } | undefined {
  const { httpTlsCertFile: certFile, httpTlsKeyFile: keyFile } = cfg;
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) throw new ConfigError('gateway', ['GATEWAY_HTTP_TLS_CERT_FILE and GATEWAY_HTTP_TLS_KEY_FILE must be set together']);
  const read = (env: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new ConfigError('gateway', [`${env}=${JSON.stringify(path)}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
    }
  };
  return { cert: read('GATEWAY_HTTP_TLS_CERT_FILE', certFile), key: read('GATEWAY_HTTP_TLS_KEY_FILE', keyFile) };
}
