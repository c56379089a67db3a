import { Transform, type TransformCallback } from 'node:stream';
import { LogclassError } from '@logclass/classifier';

/** What a size limit is called where a user can change it, for the 413 message. */
export interface SizeLimit {
  bytes: number;
  setting: string;
}

export function tooLarge(what: string, limit: SizeLimit): LogclassError {
  return new LogclassError('PAYLOAD_TOO_LARGE', `${what} exceeds the limit of ${limit.bytes} bytes (${limit.setting})`);
}

/**
 * Counts bytes as they stream through and fails with PAYLOAD_TOO_LARGE past
 * the limit: an upload is never buffered whole, so its size is only known as
 * it arrives (a Content-Length may be absent when the body is chunked).
 */
export class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly limit: SizeLimit) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit.bytes) return done(tooLarge('the upload', this.limit));
    done(null, chunk);
  }
}
