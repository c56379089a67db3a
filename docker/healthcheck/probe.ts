import { readFileSync } from 'node:fs';
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';
import { checkHealth, type HealthStatus } from '@logclass/tier-client';

/**
 * The container HEALTHCHECK: one grpc.health.v1 Check against the service in
 * this container, the same call Kubernetes' native gRPC probes make, so Docker
 * and Kubernetes judge a container alike.
 *
 * Arguments: `<PORT_VARIABLE> <default port> [service]`. The port is read from
 * the variable the service itself reads, so a container started with
 * REGEX_GRPC_PORT=6000 is probed on 6000, not on the default.
 */
export interface ProbeResult {
  readonly address: string;
  readonly status: HealthStatus;
  /** 0 = healthy, 1 = unhealthy: Docker's HEALTHCHECK contract. */
  readonly exitCode: 0 | 1;
}

export function probeAddress(args: readonly string[], env: NodeJS.ProcessEnv): string {
  const [portVariable, defaultPort] = args;
  if (!portVariable || !defaultPort) throw new Error('usage: healthcheck <PORT_VARIABLE> <default port> [service]');
  const port = env[portVariable]?.trim() || defaultPort;
  if (!/^\d+$/.test(port)) throw new Error(`${portVariable}="${port}" is not a port`);
  return `127.0.0.1:${port}`;
}

/**
 * How to reach the service in this container. A service serving TLS
 * (`<PREFIX>_TLS_CERT_FILE`, the prefix taken from the port variable) is probed
 * over TLS, presenting its own certificate and key as the client certificate so
 * a service that requires mutual TLS answers too (its certificate must then
 * allow client authentication). The server is not verified: the probe asks the
 * process in its own container on 127.0.0.1, whose certificate names the
 * Service, not 127.0.0.1. Kubernetes' native gRPC probes cannot speak TLS; this
 * is what an exec probe runs instead.
 */
export function probeCredentials(args: readonly string[], env: NodeJS.ProcessEnv): ChannelCredentials {
  const prefix = (args[0] ?? '').replace(/_GRPC_PORT$/, '');
  const certFile = env[`${prefix}_TLS_CERT_FILE`]?.trim();
  if (!certFile) return credentials.createInsecure();
  const keyFile = env[`${prefix}_TLS_KEY_FILE`]?.trim();
  if (!keyFile) throw new Error(`${prefix}_TLS_CERT_FILE is set but ${prefix}_TLS_KEY_FILE is not`);
  return credentials.createSsl(null, readFileSync(keyFile), readFileSync(certFile), {
    rejectUnauthorized: false,
    checkServerIdentity: () => undefined,
  });
}

export async function probe(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 3000): Promise<ProbeResult> {
  const address = probeAddress(args, env);
  const status = await checkHealth(address, args[2] ?? '', { timeoutMs, credentials: probeCredentials(args, env) });
  return { address, status, exitCode: status === 'SERVING' ? 0 : 1 };
}
