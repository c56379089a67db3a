import { ClassifyStreamRequest, type ClassifyOptions, type LogRecord } from '@logclass/contract';
import { Reader, sequenceSize, startMessage, stringFieldSize, Unexpected, utf8Length, varintSize, writeStringField, writeVarint } from './wire';

/** The request as ClassifyStreamRequest.encode(request).finish() would have it (the gateway sends these). */
export function encodeStreamRequest(request: ClassifyStreamRequest): Buffer {
  const { records, options } = request;
  // First pass: every string's UTF-8 length (3 per record), then each record's.
  const lengths = new Int32Array(records.length * 4);
  let total = sequenceSize(request.sequence);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const source = r.source === '' ? 0 : utf8Length(r.source);
    const message = r.logMessage === '' ? 0 : utf8Length(r.logMessage);
    const template = r.template === undefined ? -1 : utf8Length(r.template);
    let body = 0;
    if (r.source !== '') body += stringFieldSize(source);
    if (r.logMessage !== '') body += stringFieldSize(message);
    if (template >= 0) body += stringFieldSize(template);
    lengths[i * 4] = source;
    lengths[i * 4 + 1] = message;
    lengths[i * 4 + 2] = template;
    lengths[i * 4 + 3] = body;
    total += 1 + varintSize(body) + body;
  }
  // As ts-proto: include_template is written unless it is false (so an absent one is written as 0).
  const optionsBody = options !== undefined && options.includeTemplate !== false ? 2 : 0;
  if (options !== undefined) total += 2 + optionsBody;

  const start = startMessage(total, request.sequence);
  const buf = start.buf;
  let at = start.at;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    buf[at++] = 18;
    at = writeVarint(buf, at, lengths[i * 4 + 3]);
    if (r.source !== '') at = writeStringField(buf, at, 10, r.source, lengths[i * 4]);
    if (r.logMessage !== '') at = writeStringField(buf, at, 18, r.logMessage, lengths[i * 4 + 1]);
    if (r.template !== undefined) at = writeStringField(buf, at, 26, r.template, lengths[i * 4 + 2]);
  }
  if (options !== undefined) {
    buf[at++] = 26;
    buf[at++] = optionsBody;
    if (optionsBody > 0) {
      buf[at++] = 8;
      buf[at++] = options.includeTemplate ? 1 : 0;
    }
  }
  if (at !== total) throw new Error(`stream codec: wrote ${at} bytes of ${total}`);
  return buf;
}

function readRecord(reader: Reader, end: number): LogRecord {
  // The shape ts-proto's decoder makes (template present, undefined, when not sent).
  const r: LogRecord = { source: '', logMessage: '', template: undefined };
  while (reader.at < end) {
    const tag = reader.tag();
    if (tag === 10) r.source = reader.string();
    else if (tag === 18) r.logMessage = reader.string();
    else if (tag === 26) r.template = reader.string();
    else reader.skip(tag & 7);
  }
  if (reader.at !== end) throw new Unexpected('field past its message');
  return r;
}

function readOptions(reader: Reader, end: number): ClassifyOptions {
  const options: ClassifyOptions = { includeTemplate: false };
  while (reader.at < end) {
    const tag = reader.tag();
    if (tag === 8) options.includeTemplate = reader.varint() !== 0;
    else reader.skip(tag & 7);
  }
  if (reader.at !== end) throw new Unexpected('field past its message');
  return options;
}

/** The request as ClassifyStreamRequest.decode(bytes) would have it (a tier reads these). */
export function decodeStreamRequest(bytes: Buffer): ClassifyStreamRequest {
  try {
    const reader = new Reader(bytes);
    const request: ClassifyStreamRequest = { sequence: 0, records: [], options: undefined };
    while (reader.at < bytes.length) {
      const tag = reader.tag();
      if (tag === 8) request.sequence = reader.safeVarint();
      else if (tag === 18) request.records.push(readRecord(reader, reader.end(reader.varint())));
      else if (tag === 26) request.options = readOptions(reader, reader.end(reader.varint()));
      else reader.skip(tag & 7);
    }
    return request;
  } catch (err) {
    if (err instanceof Unexpected) return ClassifyStreamRequest.decode(bytes);
    throw err;
  }
}
