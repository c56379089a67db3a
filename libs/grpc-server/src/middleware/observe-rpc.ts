import { status } from '@grpc/grpc-js';
import { toGrpcError } from '@logclass/grpc-status';
import type { ServiceMetrics } from '@logclass/observability';
import type { Handler } from './handler';

/** Times a call and counts it by the status it ended with (logclass_rpc_*), under `rpc` (a stream's batches: "ClassifyStream.batch"). */
export const observeRpc =
  (metrics: ServiceMetrics | undefined, rpc: string) =>
  <Req, Res>(next: Handler<Req, Res>): Handler<Req, Res> =>
    !metrics
      ? next
      : async (request, call) => {
          const end = metrics.rpcDuration.startTimer({ rpc });
          let code = 'OK';
          try {
            return await next(request, call);
          } catch (err) {
            code = status[toGrpcError(err).code];
            throw err;
          } finally {
            end();
            metrics.rpcRequests.inc({ rpc, code });
          }
        };
