/**
 * The protobuf wire format, as much of it as the ClassifyStream messages use,
 * read and written straight from and into Buffers. Anything a reader does not
 * expect throws `Unexpected`, and the caller hands that message to ts-proto's
 * code instead: this codec must give the same bytes and messages as ts-proto,
 * and is only faster on the messages it understands.
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH = 2;
export const WIRE_FIXED32 = 5;

/** Something this codec does not expect (a group, a malformed field, a value past what a double holds). */
export class Unexpected extends Error {}

export function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

/** Writes a non-negative integer below 2^53 as a varint at `at`; returns the position after it. */
export function writeVarint(buf: Buffer, at: number, n: number): number {
  while (n >= 0x80) {
    buf[at++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[at++] = n;
  return at;
}

/** The bytes of field 1 of both stream messages, the sequence (uint64, absent when 0). */
export function sequenceSize(sequence: number): number {
  return sequence !== 0 ? 1 + varintSize(sequence) : 0;
}

/** A message's buffer of `total` bytes with its sequence (field 1) written first, and the position after it. */
export function startMessage(total: number, sequence: number): { buf: Buffer; at: number } {
  const buf = Buffer.allocUnsafe(total);
  let at = 0;
  if (sequence !== 0) {
    buf[at++] = 8;
    at = writeVarint(buf, at, sequence);
  }
  return { buf, at };
}

/** Writes a length-delimited string field (its tag, its UTF-8 length, its bytes); returns the position after it. */
export function writeStringField(buf: Buffer, at: number, tag: number, text: string, byteLength: number): number {
  buf[at++] = tag;
  at = writeVarint(buf, at, byteLength);
  // As many bytes as UTF-16 units: every unit is ASCII, one byte each.
  if (byteLength === text.length && byteLength <= SHORT_STRING) {
    for (let i = 0; i < byteLength; i++) buf[at + i] = text.charCodeAt(i);
    return at + byteLength;
  }
  return at + buf.write(text, at, 'utf8');
}

/**
 * Strings up to this long (a source, a label) are measured and copied here: for a short string,
 * a call of Buffer.byteLength or Buffer#write costs several times the work.
 */
const SHORT_STRING = 32;

/** The UTF-8 length of a string, as Buffer.byteLength(text, 'utf8'). */
export function utf8Length(text: string): number {
  if (text.length > SHORT_STRING) return Buffer.byteLength(text, 'utf8');
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return Buffer.byteLength(text, 'utf8');
  return text.length;
}

/** The bytes a string field takes: tag, length, text. */
export function stringFieldSize(byteLength: number): number {
  return 1 + varintSize(byteLength) + byteLength;
}

export class Reader {
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

  /** A varint that must stay below 2^53 (a sequence number). */
  safeVarint(): number {
    const v = this.varint();
    if (v > Number.MAX_SAFE_INTEGER) throw new Unexpected('varint past 2^53');
    return v;
  }

  /** Where a field of `length` bytes starting here ends. */
  end(length: number): number {
    const end = this.at + length;
    if (end > this.buf.length) throw new Unexpected('truncated field');
    return end;
  }

  string(): string {
    const end = this.end(this.varint());
    // As ts-proto's runtime decodes (TextDecoder, a leading U+FEFF kept as text): bytes that are
    // not UTF-8 become the same replacement characters (the WHATWG rule; the spec checks random bytes).
    const text = this.buf.toString('utf8', this.at, end);
    this.at = end;
    return text;
  }

  double(): number {
    this.end(8);
    const v = this.buf.readDoubleLE(this.at);
    this.at += 8;
    return v;
  }

  skip(wire: number): void {
    if (wire === WIRE_VARINT) this.varint();
    else if (wire === WIRE_FIXED64) this.at = this.end(8);
    else if (wire === WIRE_LENGTH) this.at = this.end(this.varint());
    else if (wire === WIRE_FIXED32) this.at = this.end(4);
    else throw new Unexpected(`wire type ${wire}`);
  }

  /** The next tag; tag 0 is never a field, and ts-proto reads a tag as 32 bits. */
  tag(): number {
    const tag = this.varint();
    if (tag === 0 || tag > 0xffffffff) throw new Unexpected(`tag ${tag}`);
    return tag;
  }
}
