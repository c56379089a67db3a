import { isUtf8 } from 'node:buffer';
import { makeGenericClientConstructor, type ChannelCredentials, type ClientOptions } from '@grpc/grpc-js';
import {
  ClassifyStreamResponse,
  LogClassifierService,
  type Classification,
  type ClassifyStreamRequest,
  type LogClassifierClient,
} from '@logclass/contract';

/**
 * The gateway's side of ClassifyStream, encoded and decoded by hand: the same
 * bytes and the same messages as ts-proto's code (stream-codec.spec.ts
 * compares them), without a writer that forks a buffer and copies every
 * string through TextEncoder per record, nor a reader that decodes every
 * field through TextDecoder. Every row of an upload crosses this once per
 * tier it reaches, both ways.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;

function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

function writeVarint(buf: Buffer, at: number, n: number): number {
  while (n >= 0x80) {
    buf[at++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[at++] = n;
  return at;
}

/** The request as ClassifyStreamRequest.encode(request).finish() would have it. */
export function encodeStreamRequest(request: ClassifyStreamRequest): Buffer {
  const { records, options } = request;
  // First pass: every string's UTF-8 length (3 per record), then each record's.
  const lengths = new Int32Array(records.length * 4);
  let total = request.sequence !== 0 ? 1 + varintSize(request.sequence) : 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const source = r.source === '' ? 0 : Buffer.byteLength(r.source, 'utf8');
    const message = r.logMessage === '' ? 0 : Buffer.byteLength(r.logMessage, 'utf8');
    const template = r.template === undefined ? -1 : Buffer.byteLength(r.template, 'utf8');
    let body = 0;
    if (r.source !== '') body += 1 + varintSize(source) + source;
    if (r.logMessage !== '') body += 1 + varintSize(message) + message;
    if (template >= 0) body += 1 + varintSize(template) + template;
    lengths[i * 4] = source;
    lengths[i * 4 + 1] = message;
    lengths[i * 4 + 2] = template;
    lengths[i * 4 + 3] = body;
    total += 1 + varintSize(body) + body;
  }
  // As ts-proto: include_template is written unless it is false (so an absent one is written as 0).
  const optionsBody = options !== undefined && options.includeTemplate !== false ? 2 : 0;
  if (options !== undefined) total += 2 + optionsBody;

  const buf = Buffer.allocUnsafe(total);
  let at = 0;
  if (request.sequence !== 0) {
    buf[at++] = 8;
    at = writeVarint(buf, at, request.sequence);
  }
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    buf[at++] = 18;
    at = writeVarint(buf, at, lengths[i * 4 + 3]);
    if (r.source !== '') {
      buf[at++] = 10;
      at = writeVarint(buf, at, lengths[i * 4]);
      at += buf.write(r.source, at, 'utf8');
    }
    if (r.logMessage !== '') {
      buf[at++] = 18;
      at = writeVarint(buf, at, lengths[i * 4 + 1]);
      at += buf.write(r.logMessage, at, 'utf8');
    }
    if (r.template !== undefined) {
      buf[at++] = 26;
      at = writeVarint(buf, at, lengths[i * 4 + 2]);
      at += buf.write(r.template, at, 'utf8');
    }
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

/** Anything this decoder does not expect (a group, a malformed field): the message is left to ts-proto's decoder. */
class Unexpected extends Error {}

class Reader {
  at = 0;
  constructor(readonly buf: Buffer) {}

  varint(): number {
    let result = 0;
    let scale = 1;
    for (let shift = 0; shift < 70; shift += 7) {
      if (this.at >= this.buf.length) throw new Unexpected('truncated varint');
      const b = this.buf[this.at++];
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
    }
    throw new Unexpected('varint too long');
  }

  end(length: number): number {
    const end = this.at + length;
    if (end > this.buf.length) throw new Unexpected('truncated field');
    return end;
  }

  string(): string {
    const end = this.end(this.varint());
    const text = this.buf.toString('utf8', this.at, end);
    this.at = end;
    return text;
  }

  skip(wire: number): void {
    if (wire === WIRE_VARINT) this.varint();
    else if (wire === WIRE_FIXED64) this.at = this.end(8);
    else if (wire === WIRE_LENGTH) this.at = this.end(this.varint());
    else if (wire === WIRE_FIXED32) this.at = this.end(4);
    else throw new Unexpected(`wire type ${wire}`);
  }
}

function readClassification(reader: Reader, end: number): Classification {
  const c: Classification = { outcome: 0, label: '', tier: '', confidence: 0, reason: '', template: '', bestGuess: undefined };
  const buf = reader.buf;
  while (reader.at < end) {
    const tag = reader.varint();
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
        reader.end(8);
        c.confidence = buf.readDoubleLE(reader.at);
        reader.at += 8;
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
        if (tag === 0) throw new Unexpected('tag 0');
        reader.skip(tag & 7);
    }
  }
  if (reader.at !== end) throw new Unexpected('field past its message');
  return c;
}

/** The response as ClassifyStreamResponse.decode(bytes) would have it. */
export function decodeStreamResponse(bytes: Buffer): ClassifyStreamResponse {
  // Text that is not UTF-8 is decoded as ts-proto decodes it (the replacement characters of TextDecoder).
  if (!isUtf8(bytes)) return ClassifyStreamResponse.decode(bytes);
  try {
    const reader = new Reader(bytes);
    const response: ClassifyStreamResponse = { sequence: 0, results: [] };
    while (reader.at < bytes.length) {
      const tag = reader.varint();
      if (tag === 8) {
        response.sequence = reader.varint();
        if (response.sequence > Number.MAX_SAFE_INTEGER) throw new Unexpected('sequence past 2^53');
      } else if (tag === 18) {
        const end = reader.end(reader.varint());
        response.results.push(readClassification(reader, end));
      } else if (tag === 0) throw new Unexpected('tag 0');
      else reader.skip(tag & 7);
    }
    return response;
  } catch (err) {
    if (err instanceof Unexpected) return ClassifyStreamResponse.decode(bytes);
    throw err;
  }
}

/** The contract's client with this codec on ClassifyStream (every other method as generated). */
export const FastStreamClient = makeGenericClientConstructor(
  {
    ...LogClassifierService,
    classifyStream: { ...LogClassifierService.classifyStream, requestSerialize: encodeStreamRequest, responseDeserialize: decodeStreamResponse },
  },
  'logclass.v1.LogClassifier',
) as unknown as new (address: string, credentials: ChannelCredentials, options?: Partial<ClientOptions>) => LogClassifierClient;
