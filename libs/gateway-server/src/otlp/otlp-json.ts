import { invalidArgument } from '@logclass/classifier';
import { ExportLogsServiceRequest, LogRecordType, ResourceLogsType, ScopeLogsType, type ExportLogsRequest, type OtlpLogRecord, type ResourceLogs, type ScopeLogs } from './otlp-proto';
import { RejectedRecords } from './rejected-records';

/**
 * OTLP/JSON (the protobuf JSON mapping with the OTLP exceptions: trace and
 * span ids in hex, enums as integers), converted to and from the same
 * messages the protobuf path decodes, so one enrichment serves both.
 */

const ID_HEX_DIGITS = { traceId: 32, spanId: 16 } as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A JSON ExportLogsServiceRequest. A body that is not that object at all is
 * INVALID_ARGUMENT; a record (or a resource or scope around records) that
 * does not convert is left out and counted in `rejected`, for partial_success.
 */
export function requestFromJson(text: string, rejected: RejectedRecords): ExportLogsRequest {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw invalidArgument('the body is not valid JSON');
  }
  if (!isObject(doc)) throw invalidArgument('expected a JSON object (ExportLogsServiceRequest)');
  const list = doc['resourceLogs'] ?? [];
  if (!Array.isArray(list)) throw invalidArgument('resourceLogs must be an array');
  const resourceLogs: ResourceLogs[] = [];
  list.forEach((rl, i) => {
    const where = `resourceLogs[${i}]`;
    const shell = convert(rl, 'scopeLogs', (o) => ResourceLogsType.fromObject(o), where, rejected);
    if (!shell) return;
    const scopeLogs: ScopeLogs[] = [];
    const scopeList = ((rl as Json)['scopeLogs'] as unknown[] | null | undefined) ?? [];
    scopeList.forEach((sl, j) => {
      const scopeWhere = `${where}.scopeLogs[${j}]`;
      const scope = convert(sl, 'logRecords', (o) => ScopeLogsType.fromObject(o), scopeWhere, rejected);
      if (!scope) return;
      const logRecords: OtlpLogRecord[] = [];
      const recordList = ((sl as Json)['logRecords'] as unknown[] | null | undefined) ?? [];
      recordList.forEach((record, k) => {
        try {
          if (!isObject(record)) throw new Error('expected an object');
          logRecords.push(LogRecordType.fromObject(withBase64Ids(record)));
        } catch (err) {
          rejected.add(1, `${scopeWhere}.logRecords[${k}]: ${(err as Error).message}`);
        }
      });
      scope.logRecords = logRecords;
      scopeLogs.push(scope);
    });
    shell.scopeLogs = scopeLogs;
    resourceLogs.push(shell);
  });
  return { resourceLogs };
}

/** Converts a resource or scope without its children; on failure every record inside is rejected. */
function convert<T>(value: unknown, childKey: string, fromObject: (o: Json) => T, where: string, rejected: RejectedRecords): T | undefined {
  try {
    if (!isObject(value)) throw new Error('expected an object');
    const children = value[childKey];
    if (children !== undefined && children !== null && !Array.isArray(children)) throw new Error(`${childKey} must be an array`);
    return fromObject({ ...value, [childKey]: [] });
  } catch (err) {
    rejected.add(countRecords(value), `${where}: ${(err as Error).message}`);
    return undefined;
  }
}

function countRecords(value: unknown): number {
  if (!isObject(value)) return 0;
  if (Array.isArray(value['logRecords'])) return value['logRecords'].length;
  if (Array.isArray(value['scopeLogs'])) return value['scopeLogs'].reduce((n: number, sl) => n + countRecords(sl), 0);
  return 0;
}

function withBase64Ids(record: Json): Json {
  const out = { ...record };
  for (const [field, digits] of Object.entries(ID_HEX_DIGITS)) {
    const id = record[field];
    if (id === undefined || id === null || id === '') continue;
    if (typeof id !== 'string' || id.length !== digits || !/^[0-9a-fA-F]*$/.test(id)) throw new Error(`${field} must be ${digits} hex digits`);
    out[field] = Buffer.from(id, 'hex').toString('base64');
  }
  return out;
}

/** The request as OTLP/JSON, every field kept (64-bit integers as decimal strings, ids in hex). */
export function requestToJson(request: ExportLogsRequest): string {
  const doc = ExportLogsServiceRequest.toObject(request, { longs: String, enums: Number, bytes: String });
  for (const rl of (doc['resourceLogs'] as Json[] | undefined) ?? []) {
    for (const sl of (rl['scopeLogs'] as Json[] | undefined) ?? []) {
      for (const record of (sl['logRecords'] as Json[] | undefined) ?? []) {
        for (const field of Object.keys(ID_HEX_DIGITS)) {
          if (typeof record[field] === 'string') record[field] = Buffer.from(record[field], 'base64').toString('hex');
        }
      }
    }
  }
  return JSON.stringify(doc);
}

/** An ExportLogsServiceResponse in OTLP/JSON; `{}` is full success. */
export function responseToJson(rejectedCount: number, errorMessage: string): string {
  if (rejectedCount === 0 && !errorMessage) return '{}';
  return JSON.stringify({ partialSuccess: { rejectedLogRecords: String(rejectedCount), errorMessage } });
}

/** What a downstream answered in OTLP/JSON: the records it rejected (0 for an empty or unreadable body: it answered 2xx). */
export function rejectedFromJson(text: string): { rejected: number; message: string } {
  try {
    const doc = JSON.parse(text) as { partialSuccess?: { rejectedLogRecords?: string | number; errorMessage?: string } };
    return { rejected: Number(doc.partialSuccess?.rejectedLogRecords ?? 0) || 0, message: doc.partialSuccess?.errorMessage ?? '' };
  } catch {
    return { rejected: 0, message: '' };
  }
}
