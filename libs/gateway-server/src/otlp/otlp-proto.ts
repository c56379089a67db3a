/**
 * The official OpenTelemetry protos, as the OpenTelemetry JS SDK itself
 * compiles them (protobufjs static code shipped in
 * @opentelemetry/otlp-transformer), with the few message shapes this
 * receiver reads typed here. The package ships the code without typings.
 */
const root = require('@opentelemetry/otlp-transformer/build/src/generated/root') as ProtoRoot;

/** 64-bit integers decode to protobufjs Long objects (exact), never to lossy numbers. */
export type Int64 = number | string | { low: number; high: number; unsigned: boolean };

export interface AnyValue {
  stringValue?: string | null;
  boolValue?: boolean | null;
  intValue?: Int64 | null;
  doubleValue?: number | null;
  arrayValue?: { values?: AnyValue[] | null } | null;
  kvlistValue?: { values?: KeyValue[] | null } | null;
  bytesValue?: Uint8Array | null;
}

export interface KeyValue {
  key?: string | null;
  value?: AnyValue | null;
}

/** A log record; the fields this receiver does not read pass through as decoded. */
export interface OtlpLogRecord {
  body?: AnyValue | null;
  attributes?: KeyValue[] | null;
  traceId?: Uint8Array | null;
  spanId?: Uint8Array | null;
}

export interface ScopeLogs {
  logRecords?: OtlpLogRecord[] | null;
}

export interface ResourceLogs {
  resource?: { attributes?: KeyValue[] | null } | null;
  scopeLogs?: ScopeLogs[] | null;
}

export interface ExportLogsRequest {
  resourceLogs?: ResourceLogs[] | null;
}

export interface ExportLogsResponse {
  partialSuccess?: { rejectedLogRecords?: Int64 | null; errorMessage?: string | null } | null;
}

interface MessageType<T> {
  decode(bytes: Uint8Array): T;
  encode(message: T): { finish(): Uint8Array };
  fromObject(object: unknown): T;
  toObject(message: T, options: Record<string, unknown>): Record<string, unknown>;
}

interface ProtoRoot {
  opentelemetry: {
    proto: {
      collector: { logs: { v1: { ExportLogsServiceRequest: MessageType<ExportLogsRequest>; ExportLogsServiceResponse: MessageType<ExportLogsResponse> } } };
      logs: { v1: { ResourceLogs: MessageType<ResourceLogs>; ScopeLogs: MessageType<ScopeLogs>; LogRecord: MessageType<OtlpLogRecord> } };
      resource: { v1: { Resource: MessageType<ResourceLogs['resource']> } };
    };
  };
}

const collector = root.opentelemetry.proto.collector.logs.v1;
const logs = root.opentelemetry.proto.logs.v1;

export const ExportLogsServiceRequest = collector.ExportLogsServiceRequest;
export const ExportLogsServiceResponse = collector.ExportLogsServiceResponse;
export const LogRecordType = logs.LogRecord;
export const ResourceLogsType = logs.ResourceLogs;
export const ScopeLogsType = logs.ScopeLogs;

/** The full gRPC method name, as the OTLP specification fixes it. */
export const EXPORT_LOGS_PATH = '/opentelemetry.proto.collector.logs.v1.LogsService/Export';

/** A decoded 64-bit count as a number (counts of records fit). */
export function int64ToNumber(value: Int64 | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value) || 0;
  return (value.low >>> 0) + value.high * 2 ** 32;
}
