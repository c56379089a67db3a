import type { Classification, LogRecord } from '@logclass/contract';
import type { AnyValue, ExportLogsRequest, KeyValue, OtlpLogRecord } from './otlp-proto';
import type { RejectedRecords } from './rejected-records';

/** What the receiver reads from records and what it adds to them. */
export interface EnrichmentOptions {
  /** Keys tried, in order, for the message of a record whose body is not a string. */
  bodyFields: readonly string[];
  /** Resource attribute holding the source. */
  sourceAttribute: string;
  /** Add logclass.reason too. */
  reason: boolean;
}

/** The attributes the receiver writes; a record that already has them (a second gateway on the path) has them replaced, never doubled. */
export const ENRICHMENT_KEYS = ['logclass.label', 'logclass.tier', 'logclass.confidence', 'logclass.reason'] as const;

const ID_BYTES = { traceId: 16, spanId: 8 } as const;

/**
 * Leaves out the records the OTLP data model forbids (a trace id not 16
 * bytes, a span id not 8), counting them; the rest of the request is kept
 * as it is, in order.
 */
export function dropMalformed(request: ExportLogsRequest, rejected: RejectedRecords): void {
  (request.resourceLogs ?? []).forEach((rl, i) =>
    (rl.scopeLogs ?? []).forEach((sl, j) => {
      const records = sl.logRecords ?? [];
      const kept = records.filter((record, k) => {
        for (const [field, size] of Object.entries(ID_BYTES)) {
          const id = record[field as keyof typeof ID_BYTES];
          if (id && id.length !== 0 && id.length !== size) {
            rejected.add(1, `resourceLogs[${i}].scopeLogs[${j}].logRecords[${k}]: ${field} must be ${size} bytes, got ${id.length}`);
            return false;
          }
        }
        return true;
      });
      if (kept.length !== records.length) sl.logRecords = kept;
    }),
  );
}

/** The records of a request as the cascade takes them, in request order. */
export function recordsToClassify(request: ExportLogsRequest, opts: EnrichmentOptions): LogRecord[] {
  const out: LogRecord[] = [];
  for (const rl of request.resourceLogs ?? []) {
    const source = stringOf(findValue(rl.resource?.attributes, opts.sourceAttribute)) ?? '';
    for (const sl of rl.scopeLogs ?? []) {
      for (const record of sl.logRecords ?? []) out.push({ source, logMessage: messageOf(record, opts.bodyFields) });
    }
  }
  return out;
}

/** Adds each result (in the order of recordsToClassify) to its record as logclass.* attributes; nothing else changes. */
export function addClassifications(request: ExportLogsRequest, results: readonly Classification[], opts: EnrichmentOptions): void {
  const records = (request.resourceLogs ?? []).flatMap((rl) => (rl.scopeLogs ?? []).flatMap((sl) => sl.logRecords ?? []));
  // Checked before any record is touched: a short answer must not leave half a batch enriched.
  if (records.length !== results.length) throw new Error(`${results.length} classifications for ${records.length} log records`);
  records.forEach((record, i) => enrich(record, results[i], opts.reason));
}

function enrich(record: OtlpLogRecord, result: Classification, withReason: boolean): void {
  const added: KeyValue[] = [
    { key: 'logclass.label', value: { stringValue: result.label } },
    { key: 'logclass.tier', value: { stringValue: result.tier } },
    { key: 'logclass.confidence', value: { doubleValue: result.confidence } },
  ];
  if (withReason) added.push({ key: 'logclass.reason', value: { stringValue: result.reason } });
  const own = (record.attributes ?? []).filter((kv) => !(ENRICHMENT_KEYS as readonly string[]).includes(kv.key ?? ''));
  // A new array: a decoded record without attributes shares protobufjs's frozen empty one.
  record.attributes = [...own, ...added];
}

/** The body when it is a string; else the first of `fields` found in a map body, then in the attributes; else scalars as text; else empty (the cascade answers Unclassified). */
export function messageOf(record: OtlpLogRecord, fields: readonly string[]): string {
  const body = record.body;
  const direct = stringOf(body);
  if (direct !== undefined) return direct;
  for (const field of fields) {
    const inBody = stringOf(findValue(body?.kvlistValue?.values, field));
    if (inBody !== undefined) return inBody;
  }
  for (const field of fields) {
    const inAttributes = stringOf(findValue(record.attributes, field));
    if (inAttributes !== undefined) return inAttributes;
  }
  return scalarText(body) ?? '';
}

function findValue(list: readonly KeyValue[] | null | undefined, key: string): AnyValue | undefined {
  return list?.find((kv) => kv.key === key)?.value ?? undefined;
}

function stringOf(value: AnyValue | null | undefined): string | undefined {
  return typeof value?.stringValue === 'string' ? value.stringValue : undefined;
}

function scalarText(value: AnyValue | null | undefined): string | undefined {
  if (!value) return undefined;
  if (value.intValue !== null && value.intValue !== undefined) return String(value.intValue);
  if (value.doubleValue !== null && value.doubleValue !== undefined) return String(value.doubleValue);
  if (value.boolValue !== null && value.boolValue !== undefined) return String(value.boolValue);
  return undefined;
}
