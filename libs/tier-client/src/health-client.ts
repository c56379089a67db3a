import { credentials as grpcCredentials, makeGenericClientConstructor, type ChannelCredentials } from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';

const HealthClient = makeGenericClientConstructor(healthService, 'grpc.health.v1.Health');

export type HealthStatus = 'SERVING' | 'NOT_SERVING' | 'UNKNOWN' | 'SERVICE_UNKNOWN' | 'UNREACHABLE';

/** One standard grpc.health.v1 Check call (what Kubernetes gRPC probes send). */
export function checkHealth(
  address: string,
  service = '',
  opts: { timeoutMs?: number; credentials?: ChannelCredentials } = {},
): Promise<HealthStatus> {
  const client = new HealthClient(address, opts.credentials ?? grpcCredentials.createInsecure());
  const deadline = Date.now() + (opts.timeoutMs ?? 2000);
  return new Promise<HealthStatus>((resolve) => {
    client.check({ service }, { deadline }, (err: Error | null, res?: { status: string | number }) => {
      client.close();
      if (err) resolve('UNREACHABLE');
      else resolve(normalise(res?.status));
    });
  });
}

function normalise(status: string | number | undefined): HealthStatus {
  const names: HealthStatus[] = ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'];
  if (typeof status === 'number') return names[status] ?? 'UNKNOWN';
  return (names as string[]).includes(status ?? '') ? (status as HealthStatus) : 'UNKNOWN';
}
