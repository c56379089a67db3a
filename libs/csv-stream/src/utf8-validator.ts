import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { invalidArgument } from '@logclass/classifier';

const NEWLINE = 0x0a;

/**
 * Passes bytes through unchanged while checking, as they stream, that they
 * are UTF-8 text: the CSV parser would otherwise turn bad bytes into U+FFFD
 * and we would answer a mangled file with a 200. A NUL byte means binary
 * data (an image, a zip): no CSV holds one.
 *
 * Errors name the byte offset and line, so a user can find the spot.
 */
export class Utf8Validator extends Transform {
  private bytesIn = 0;
  private lines = 1;
  /** The end of the last chunk when it stopped inside a character: checked with the next one. */
  private pending: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    // Checked in place (no decoding into a string): what a chunk ends inside of waits for the next chunk.
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const complete = completeLength(data);
    // Negative when the bad character began in the previous chunk.
    const invalidAt = isUtf8(data.subarray(0, complete)) ? undefined : this.locateInvalid(chunk);
    const nul = chunk.indexOf(0);
    // Report whichever problem comes first in the file.
    if (nul >= 0 && (invalidAt === undefined || nul < invalidAt)) return done(this.problem('binary data (a NUL byte)', chunk, nul));
    if (invalidAt !== undefined) return done(this.problem('invalid UTF-8', chunk, invalidAt));
    this.lines += countNewlines(chunk, chunk.length);
    this.bytesIn += chunk.length;
    this.pending = Buffer.from(data.subarray(complete)); // a copy: a view would hold the whole chunk
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.pending.length > 0) {
      return done(invalidArgument(`the file ends inside a UTF-8 character (byte ${this.bytesIn}, line ${this.lines}): upload a UTF-8 encoded CSV file`));
    }
    done();
  }

  /** Where the first bad byte is (offset in `chunk`, negative if it began in the previous chunk), found by decoding prefixes: only when there is one. */
  private locateInvalid(chunk: Buffer): number {
    const pending = this.pending.length;
    const probe = Buffer.concat([this.pending, chunk]);
    const fails = (length: number) => {
      try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(probe.subarray(0, length), { stream: true });
        return false;
      } catch {
        return true;
      }
    };
    // Smallest prefix that fails: its last byte is the one that cannot be UTF-8.
    let lo = 1;
    let hi = probe.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fails(mid)) hi = mid;
      else lo = mid + 1;
    }
    return sequenceStart(probe, lo - 1) - pending;
  }

  private problem(what: string, chunk: Buffer, at: number): Error {
    const line = this.lines + countNewlines(chunk, Math.max(0, at));
    return invalidArgument(`${what} at byte ${this.bytesIn + at} (line ${line}): upload a UTF-8 encoded CSV file`);
  }
}

/**
 * How many leading bytes of `bytes` are whole characters: all of them, unless
 * the last one or three bytes start a character that goes on past the end
 * (a lead byte that could start one, C2 to F4, and its continuation bytes so
 * far). Anything else is left in, for isUtf8 to refuse.
 */
function completeLength(bytes: Buffer): number {
  const end = bytes.length;
  for (let k = end - 1; k >= Math.max(0, end - 3); k--) {
    const b = bytes[k];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look for its lead
    if (b < 0xc2 || b > 0xf4) return end;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return k + length > end ? k : end;
  }
  return end;
}

/**
 * The decoder fails at the byte that breaks a sequence (the space after a
 * lone Latin-1 "é"); report where that sequence began, which is the byte a
 * user would call wrong.
 */
function sequenceStart(bytes: Buffer, failedAt: number): number {
  for (let k = failedAt - 1; k >= Math.max(0, failedAt - 3); k--) {
    const b = bytes[k];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return k + length > failedAt ? k : failedAt;
  }
  return failedAt;
}

function countNewlines(bytes: Buffer, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE); i >= 0 && i < end; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}
