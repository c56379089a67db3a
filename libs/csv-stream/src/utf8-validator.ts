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
  // ignoreBOM keeps a leading BOM in the decoded text so decoded byte counts
  // match input byte counts (the CSV parser strips the BOM itself).
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private bytesIn = 0;
  /** Bytes the decoder has turned into characters; the rest are an incomplete sequence it holds. */
  private bytesDecoded = 0;
  private lines = 1;
  private previous: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let invalidAt = -1;
    try {
      this.bytesDecoded += Buffer.byteLength(this.decoder.decode(chunk, { stream: true }), 'utf8');
    } catch {
      invalidAt = this.locateInvalid(chunk);
    }
    const nul = chunk.indexOf(0);
    // Report whichever problem comes first in the file.
    if (nul >= 0 && (invalidAt < 0 || nul < invalidAt)) return done(this.problem('binary data (a NUL byte)', chunk, nul));
    if (invalidAt >= 0) return done(this.problem('invalid UTF-8', chunk, invalidAt));
    this.lines += countNewlines(chunk, chunk.length);
    this.bytesIn += chunk.length;
    // Keep what the decoder may still be holding, to locate an error in the next chunk.
    this.previous = chunk.subarray(Math.max(0, chunk.length - 3));
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    try {
      this.decoder.decode();
    } catch {
      return done(invalidArgument(`the file ends inside a UTF-8 character (byte ${this.bytesIn}, line ${this.lines}): upload a UTF-8 encoded CSV file`));
    }
    done();
  }

  /** The decoder only says "invalid"; find the first bad byte (offset in `chunk`, negative if it began in the previous chunk) by re-decoding prefixes. */
  private locateInvalid(chunk: Buffer): number {
    const pending = this.bytesIn - this.bytesDecoded;
    const probe = Buffer.concat([this.previous.subarray(this.previous.length - pending), chunk]);
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
