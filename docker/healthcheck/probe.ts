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

export async function probe(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 3000): Promise<ProbeResult> {
  const address = probeAddress(args, env);
  const status = await checkHealth(address, args[2] ?? '', { timeoutMs });
  return { address, status, exitCode: status === 'SERVING' ? 0 : 1 };
}
