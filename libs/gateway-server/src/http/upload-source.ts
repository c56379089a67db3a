import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { invalidArgument, LogclassError } from '@logclass/classifier';
import { tooLarge, type ByteLimit, type SizeLimit } from './byte-limit';

/** Room for multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
export const CSV_FILE_FIELD = 'file';
export const CSV_CONTENT_TYPES = ['text/csv', 'application/csv'];
/** Plain log lines, one record a line (multi-line records joined). */
export const LINES_CONTENT_TYPES = ['text/plain'];
/** JSON lines, one object a line. */
export const JSONL_CONTENT_TYPES = ['application/x-ndjson', 'application/jsonl'];
/** Every body POST /classify streams unread. */
export const RAW_CONTENT_TYPES = [...CSV_CONTENT_TYPES, ...LINES_CONTENT_TYPES, ...JSONL_CONTENT_TYPES];
export const CSV_ACCEPTS =
  `multipart/form-data with the CSV in a field named "${CSV_FILE_FIELD}", a ${CSV_CONTENT_TYPES.join(' / ')} body, ` +
  `plain log lines as ${LINES_CONTENT_TYPES.join(' / ')}, or JSON lines as ${JSONL_CONTENT_TYPES.join(' / ')}`;

export interface UploadSource {
  /** The body's bytes as they arrive. */
  stream: Readable;
  /**
   * Reads and drops the rest of the upload, so a client still sending gets
   * our early answer (a 400) instead of a reset connection.
   */
  discardRest(): void;
}

/**
 * The body of a POST /classify request, streamed: the file part of a
 * multipart upload (a CSV) or a raw CSV, plain-lines or JSON-lines body. Refuses a declared size over the
 * limit before reading anything.
 */
export async function openUpload(request: FastifyRequest, limit: SizeLimit): Promise<UploadSource> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (request.isMultipart()) {
    if (declared > limit.bytes + MULTIPART_OVERHEAD) throw tooLarge('the upload', limit);
    // One byte over the limit is enough for our own ByteLimit to notice and say so.
    const part = await request.file({ limits: { fileSize: limit.bytes + 1, files: 1 }, throwFileSizeLimit: false });
    if (!part) throw invalidArgument(`no file in the multipart upload: send the CSV in a field named "${CSV_FILE_FIELD}"`);
    if (part.fieldname !== CSV_FILE_FIELD) {
      part.file.resume();
      throw invalidArgument(`the CSV must be in a multipart field named "${CSV_FILE_FIELD}" (got "${part.fieldname}")`);
    }
    return { stream: part.file, discardRest: () => drain(part.file) };
  }
  if (declared > limit.bytes) throw tooLarge('the upload', limit);
  const body = request.body;
  if (body === undefined || body === null || body === '') return { stream: Readable.from([]), discardRest: () => drain(request.raw) };
  if (!(body instanceof Readable)) throw new LogclassError('UNSUPPORTED_MEDIA_TYPE', `unsupported Content-Type: send ${CSV_ACCEPTS}`);
  return { stream: body, discardRest: () => drain(request.raw) };
}

function drain(stream: Readable): void {
  stream.unpipe();
  if (!stream.destroyed) stream.resume();
}

/**
 * source.pipe(limit), plus what pipe() leaves out: an upload that fails or is
 * cut off fails the limit stream too, so classification stops instead of
 * waiting for bytes that will never come. Unlike pipeline(), an error of the
 * limit stream (a 400 found early) leaves the request open to answer on.
 */
export function limitedPipe(source: Readable, limit: ByteLimit): ByteLimit {
  source.on('error', (err) => limit.destroy(err));
  source.once('close', () => {
    if (!source.readableEnded && !limit.destroyed) limit.destroy(new LogclassError('CANCELLED', 'the upload was interrupted'));
  });
  return source.pipe(limit);
}
