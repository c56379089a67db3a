import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AdmissionQueue, Classifier } from '@logclass/classifier';
import { classifyStream, parseExtraColumns, type RowLimit } from '@logclass/csv-stream';
import { ByteLimit, type SizeLimit } from './byte-limit';
import { CSV_ACCEPTS, LINES_CONTENT_TYPES, RAW_CONTENT_TYPES, limitedPipe, openUpload } from './upload-source';
import { abortOnClientGone } from './client-gone';
import { inputFormatOf, OUTPUT_MEDIA, outputFormatFor } from './body-formats';
import { parseFlag } from './query-flag';

export interface CsvRouteOptions {
  classifier: Classifier;
  /** Bounds concurrent uploads; a full queue answers 429. */
  uploads: AdmissionQueue;
  maxUpload: SizeLimit;
  csv: { batchSize: number; maxBatchesInFlight: number; maxRecordBytes: number; maxRows?: RowLimit };
}

/** The original project's route was `POST /classify/`: it is served exactly as `POST /classify`. */
export const CLASSIFY_PATHS = ['/classify', '/classify/'] as const;

interface ClassifyQuery {
  columns?: string;
  neutralize_formulas?: string;
  source?: string;
  continuation?: string;
  message_field?: string;
  source_field?: string;
}

/**
 * POST /classify (and /classify/): a CSV, plain log lines (text/plain) or
 * JSON lines (application/x-ndjson) in, one labelled record per input record
 * out, in order, as CSV or JSON lines (the Accept header, else the input's
 * kind), streamed both ways. Problems found before the first output byte
 * are a proper 4xx; classifyStream holds the first batch back so most are.
 * One found later (a ragged row deep in a CSV) aborts the response: Fastify
 * destroys the socket when the stream fails, so the client sees a broken
 * transfer, never a short answer that looks complete.
 */
export function registerCsvRoute(app: FastifyInstance, opts: CsvRouteOptions): void {
  // Hand the raw body over unread: it is parsed as it streams. Fastify's own
  // text/plain parser would buffer the whole body as one string.
  app.removeContentTypeParser(LINES_CONTENT_TYPES);
  app.addContentTypeParser(RAW_CONTENT_TYPES, (_request, payload, done) => done(null, payload));

  const handler = async (request: FastifyRequest<{ Querystring: ClassifyQuery }>, reply: FastifyReply) => {
    const query = request.query;
    const extraColumns = query.columns === undefined ? undefined : parseExtraColumns(query.columns);
    const neutralizeFormulas = parseFlag('neutralize_formulas', query.neutralize_formulas);
    const inputFormat = inputFormatOf(request);
    const outputFormat = outputFormatFor(request.headers.accept, inputFormat);
    const signal = abortOnClientGone(reply.raw);
    await opts.uploads.run(async () => {
      const upload = await openUpload(request, opts.maxUpload);
      let answer: Readable;
      try {
        answer = await classifyStream(limitedPipe(upload.stream, new ByteLimit(opts.maxUpload)), opts.classifier, {
          ...opts.csv,
          inputFormat,
          outputFormat,
          extraColumns,
          neutralizeFormulas,
          source: query.source,
          continuation: query.continuation,
          messageField: query.message_field || undefined,
          sourceField: query.source_field || undefined,
          signal,
        });
      } catch (err) {
        upload.discardRest();
        throw err;
      }
      const media = OUTPUT_MEDIA[outputFormat];
      reply.type(media.type).header('content-disposition', `attachment; filename="${media.file}"`);
      reply.send(answer);
      // Hold the upload slot until the response is done (or broken).
      await finished(reply.raw).catch(() => undefined);
    }, signal);
    return reply;
  };
  for (const path of CLASSIFY_PATHS) {
    app.post<{ Querystring: ClassifyQuery }>(path, { config: { errors: { bodyLimit: opts.maxUpload, accepts: CSV_ACCEPTS } } }, handler);
  }
}
