import { ClassifyStreamResponse, type Classification } from '@logclass/contract';
import { Reader, sequenceSize, startMessage, stringFieldSize, Unexpected, utf8Length, varintSize, writeStringField, writeVarint } from './wire';

/** Per result: the UTF-8 lengths of label, tier, reason, template, best guess (-1: absent), then the body's. */
const SLOTS = 6;

/** Whether ts-proto would encode this result as this codec does (else the whole response is left to it). */
function encodable(c: Classification): boolean {
  return (
    Number.isInteger(c.outcome) &&
    c.outcome >= 0 &&
    c.outcome <= 0x7fffffff &&
    typeof c.label === 'string' &&
    typeof c.tier === 'string' &&
    typeof c.confidence === 'number' &&
    typeof c.reason === 'string' &&
    typeof c.template === 'string' &&
    (c.bestGuess === undefined || typeof c.bestGuess === 'string')
  );
}

/** Fills lengths[base .. base + SLOTS) for `c`; returns its body's size. */
function measure(c: Classification, lengths: Int32Array, base: number): number {
  let body = 0;
  if (c.outcome !== 0) body += 1 + varintSize(c.outcome);
  body += measureString(c.label, lengths, base);
  body += measureString(c.tier, lengths, base + 1);
  body += measureString(c.reason, lengths, base + 2);
  body += measureString(c.template, lengths, base + 3);
  if (c.confidence !== 0) body += 9;
  if (c.bestGuess === undefined) lengths[base + 4] = -1;
  else body += stringFieldSize((lengths[base + 4] = utf8Length(c.bestGuess)));
  lengths[base + 5] = body;
  return body;
}

/** A proto3 string field: absent when empty. */
function measureString(text: string, lengths: Int32Array, slot: number): number {
  if (text === '') {
    lengths[slot] = -1;
    return 0;
  }
  return stringFieldSize((lengths[slot] = utf8Length(text)));
}

/** Writes `c` as field 2 of the response (tag, length, body) at `at`, in ts-proto's field order. */
function writeResult(buf: Buffer, at: number, c: Classification, lengths: Int32Array, base: number): number {
  buf[at++] = 18;
  at = writeVarint(buf, at, lengths[base + 5]);
  if (c.outcome !== 0) {
    buf[at++] = 8;
    at = writeVarint(buf, at, c.outcome);
  }
  if (lengths[base] >= 0) at = writeStringField(buf, at, 18, c.label, lengths[base]);
  if (lengths[base + 1] >= 0) at = writeStringField(buf, at, 26, c.tier, lengths[base + 1]);
  if (c.confidence !== 0) {
    buf[at++] = 33;
    at = buf.writeDoubleLE(c.confidence, at);
  }
  if (lengths[base + 2] >= 0) at = writeStringField(buf, at, 42, c.reason, lengths[base + 2]);
  if (lengths[base + 3] >= 0) at = writeStringField(buf, at, 50, c.template, lengths[base + 3]);
  if (lengths[base + 4] >= 0) at = writeStringField(buf, at, 58, c.bestGuess as string, lengths[base + 4]);
  return at;
}

/**
 * The encoded field of each frozen result. Classifiers answer most rows with
 * one frozen object per rule or template (it cannot change, so neither can
 * its bytes): such a row costs a copy of bytes encoded once.
 */
const encodedFrozen = new WeakMap<Classification, Buffer>();

/** The frozen result's encoded field, or undefined when ts-proto must encode it (checked once, when first seen). */
function encodedOnce(c: Classification): Buffer | undefined {
  let bytes = encodedFrozen.get(c);
  if (bytes === undefined) {
    if (!encodable(c)) return undefined;
    const lengths = new Int32Array(SLOTS);
    const body = measure(c, lengths, 0);
    bytes = Buffer.alloc(1 + varintSize(body) + body);
    writeResult(bytes, 0, c, lengths, 0);
    encodedFrozen.set(c, bytes);
  }
  return bytes;
}

/** The response as ClassifyStreamResponse.encode(response).finish() would have it (a tier sends these). */
export function encodeStreamResponse(response: ClassifyStreamResponse): Buffer {
  const { results } = response;
  const lengths = new Int32Array(results.length * SLOTS);
  const shared: (Buffer | undefined)[] = new Array(results.length);
  let total = sequenceSize(response.sequence);
  for (let i = 0; i < results.length; i++) {
    const c = results[i];
    const bytes = Object.isFrozen(c) ? encodedOnce(c) : undefined;
    if (bytes !== undefined) {
      shared[i] = bytes;
      total += bytes.length;
    } else {
      if (!encodable(c)) return Buffer.from(ClassifyStreamResponse.encode(response).finish());
      const body = measure(c, lengths, i * SLOTS);
      total += 1 + varintSize(body) + body;
    }
  }
  const start = startMessage(total, response.sequence);
  const buf = start.buf;
  let at = start.at;
  for (let i = 0; i < results.length; i++) {
    const bytes = shared[i];
    if (bytes === undefined) {
      at = writeResult(buf, at, results[i], lengths, i * SLOTS);
    } else {
      buf.set(bytes, at);
      at += bytes.length;
    }
  }
  if (at !== total) throw new Error(`stream codec: wrote ${at} bytes of ${total}`);
  return buf;
}

function readClassification(reader: Reader, end: number): Classification {
  const c: Classification = { outcome: 0, label: '', tier: '', confidence: 0, reason: '', template: '', bestGuess: undefined };
  while (reader.at < end) {
    const tag = reader.tag();
    switch (tag) {
      case 8: {
        // int32 (a negative one is sent as ten bytes, past what a double holds exactly: left to ts-proto).
        const v = reader.varint();
        if (v > 0xffffffff) throw new Unexpected('outcome past 32 bits');
        c.outcome = (v | 0) as Classification['outcome'];
        break;
      }
      case 18:
        c.label = reader.string();
        break;
      case 26:
        c.tier = reader.string();
        break;
      case 33:
        c.confidence = reader.double();
        break;
      case 42:
        c.reason = reader.string();
        break;
      case 50:
        c.template = reader.string();
        break;
      case 58:
        c.bestGuess = reader.string();
        break;
      default:
        reader.skip(tag & 7);
    }
  }
  if (reader.at !== end) throw new Unexpected('field past its message');
  return c;
}

/**
 * Results already decoded, by their bytes, each one frozen object. A tier
 * answers an upload's rows with a few hundred distinct results (a rule, a
 * template's label, "no rule matched"), so most rows cost a lookup rather
 * than a decode and an object each. Results carrying a template are the
 * row's own and are not kept; nor are long ones. Cleared when full, so a
 * tier whose reasons vary per row costs lookups that miss, never memory.
 */
const decoded = new Map<string, Classification>();
const DECODED_LIMIT = 4096;
const SHARED_MAX_BYTES = 160;

function sharedClassification(reader: Reader, end: number): Classification {
  const start = reader.at;
  if (end - start > SHARED_MAX_BYTES) return readClassification(reader, end);
  const key = reader.buf.toString('latin1', start, end);
  const known = decoded.get(key);
  if (known !== undefined) {
    reader.at = end;
    return known;
  }
  const c = readClassification(reader, end);
  if (c.template !== '') return c;
  if (decoded.size >= DECODED_LIMIT) decoded.clear();
  decoded.set(key, Object.freeze(c));
  return c;
}

/** The response as ClassifyStreamResponse.decode(bytes) would have it (the gateway reads these); results may be shared, frozen objects. */
export function decodeStreamResponse(bytes: Buffer): ClassifyStreamResponse {
  try {
    const reader = new Reader(bytes);
    const response: ClassifyStreamResponse = { sequence: 0, results: [] };
    while (reader.at < bytes.length) {
      const tag = reader.tag();
      if (tag === 8) response.sequence = reader.safeVarint();
      else if (tag === 18) response.results.push(sharedClassification(reader, reader.end(reader.varint())));
      else reader.skip(tag & 7);
    }
    return response;
  } catch (err) {
    if (err instanceof Unexpected) return ClassifyStreamResponse.decode(bytes);
    throw err;
  }
}
