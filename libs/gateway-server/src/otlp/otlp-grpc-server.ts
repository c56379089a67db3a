import { Metadata, Server, ServerCredentials, status as GrpcStatus, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { keyFromMetadata } from '@logclass/grpc-server';
import type { Logger } from '@logclass/observability';
import type { CallerGate } from '../security/caller-gate';
import { grpcPeerAddress } from '../security/caller-identity';
import { passGate } from './gate-refusal';
import type { OtlpMetrics } from './otlp-metrics';
import type { OtlpPipeline, ReceiveOutcome } from './otlp-pipeline';
import { EXPORT_LOGS_PATH, ExportLogsServiceRequest, ExportLogsServiceResponse, type ExportLogsRequest, type ExportLogsResponse } from './otlp-proto';
import { RejectedRecords } from './rejected-records';
import { encodeRpcStatus, grpcCode, type StatusName } from './rpc-status';

export interface OtlpGrpcOptions {
  host: string;
  port: number;
  maxRequestBytes: number;
  credentials: ServerCredentials;
  pipeline: OtlpPipeline;
  gate: CallerGate;
  metrics: OtlpMetrics;
  log: Logger;
}

/** opentelemetry.proto.collector.logs.v1.LogsService/Export over gRPC; resolves to the bound port. */
export async function startOtlpGrpc(opts: OtlpGrpcOptions): Promise<{ server: Server; port: number }> {
  const server = new Server({ 'grpc.max_receive_message_length': opts.maxRequestBytes });
  const definition = {
    Export: {
      path: EXPORT_LOGS_PATH,
      requestStream: false,
      responseStream: false,
      // Decoded in the handler, so an undecodable body is INVALID_ARGUMENT with a word on why.
      requestDeserialize: (bytes: Buffer) => bytes,
      requestSerialize: (bytes: Buffer) => bytes,
      responseSerialize: (response: ExportLogsResponse) => Buffer.from(ExportLogsServiceResponse.encode(response).finish()),
      responseDeserialize: (bytes: Buffer) => ExportLogsServiceResponse.decode(bytes),
    },
  };
  server.addService(definition, { Export: (call: ServerUnaryCall<Buffer, ExportLogsResponse>, callback: sendUnaryData<ExportLogsResponse>) => void exportCall(opts, call, callback) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${opts.port}`, opts.credentials, (err, bound) => (err ? reject(err) : resolve(bound))),
  );
  return { server, port };
}

const GRPC_STATUS: Record<Exclude<ReceiveOutcome['kind'], 'ok'>, StatusName> = {
  invalid: 'INVALID_ARGUMENT',
  // grpc-js refuses an oversized message itself; a too-large outcome cannot come from this transport, mapped for completeness.
  'too-large': 'RESOURCE_EXHAUSTED',
  unauthenticated: 'UNAUTHENTICATED',
  busy: 'RESOURCE_EXHAUSTED',
  unavailable: 'UNAVAILABLE',
};

async function exportCall(opts: OtlpGrpcOptions, call: ServerUnaryCall<Buffer, ExportLogsResponse>, callback: sendUnaryData<ExportLogsResponse>): Promise<void> {
  const outcome = await receive(opts, call).catch((err: unknown): ReceiveOutcome => {
    // A fault of ours: the sender keeps the batch and tries again.
    opts.log.error({ err: (err as Error).message }, 'OTLP/gRPC export failed');
    return { kind: 'unavailable', message: 'internal error', retryAfterSeconds: 1 };
  });
  opts.metrics.requests.inc({ transport: 'grpc', result: outcome.kind === 'ok' && outcome.rejected > 0 ? 'partial' : outcome.kind });
  if (outcome.kind === 'ok') {
    return callback(null, outcome.rejected > 0 || outcome.message ? { partialSuccess: { rejectedLogRecords: outcome.rejected, errorMessage: outcome.message } } : {});
  }
  const status = GRPC_STATUS[outcome.kind];
  const retryAfter = outcome.kind === 'busy' || outcome.kind === 'unavailable' ? outcome.retryAfterSeconds : undefined;
  const metadata = new Metadata();
  // RetryInfo: the OpenTelemetry Collector retries RESOURCE_EXHAUSTED only when it is there, and waits as long as it says.
  if (retryAfter !== undefined) metadata.set('grpc-status-details-bin', encodeRpcStatus(status, outcome.message, retryAfter));
  callback({ code: grpcCode(status) as GrpcStatus, details: outcome.message, metadata });
}

async function receive(opts: OtlpGrpcOptions, call: ServerUnaryCall<Buffer, ExportLogsResponse>): Promise<ReceiveOutcome> {
  const refusedByGate = passGate(opts.gate, { apiKey: keyFromMetadata(call.metadata), address: grpcPeerAddress(call.getPeer()), what: 'OTLP gRPC Export' });
  if (refusedByGate) return refusedByGate;
  const refused = opts.pipeline.admit();
  if (refused) return refused;
  try {
    let request: ExportLogsRequest;
    try {
      request = ExportLogsServiceRequest.decode(call.request);
    } catch (err) {
      return { kind: 'invalid', message: `not an ExportLogsServiceRequest: ${(err as Error).message}` };
    }
    return await opts.pipeline.process(request, new RejectedRecords(), 'grpc');
  } finally {
    opts.pipeline.release();
  }
}
