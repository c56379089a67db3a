import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AdmissionQueue, Classifier } from '@logclass/classifier';
import { classifyCsv, parseExtraColumns, type RowLimit } from '@logclass/csv-stream';
import { ByteLimit, type SizeLimit } from './byte-limit';
import { CSV_ACCEPTS, CSV_CONTENT_TYPES, limitedPipe, openUpload } from './upload-source';
import { abortOnClientGone } from './client-gone';
import { parseFlag } from './query-flag';

export interface CsvRouteOptions {
  classifier: Classifier;
  /** Bounds concurrent uploads; a full queue answers 429. */
  uploads: AdmissionQueue;
  maxUpload: SizeLimit;
  csv: { batchSize: number; maxBatchesInFlight: number; maxRecordBytes: number; maxRows?: RowLimit };
}

/**
 * POST /classify: a CSV in, the same CSV with target_label out, streamed both
 * ways. Problems found before the first output byte are a proper 4xx;
 * classifyCsv holds the first batch back so most are. One found later (a
 * ragged row deep in the file) aborts the response: Fastify destroys the
 * socket when the stream fails, so the client sees a broken transfer, never
 * a short CSV that looks complete.
 */
export function registerCsvRoute(app: FastifyInstance, opts: CsvRouteOptions): void {
  // Hand the raw body over unread: it is parsed as it streams.
  app.addContentTypeParser(CSV_CONTENT_TYPES, (_request, payload, done) => done(null, payload));

  app.post<{ Querystring: { columns?: string; neutralize_formulas?: string } }>(
    '/classify',
    { config: { errors: { bodyLimit: opts.maxUpload, accepts: CSV_ACCEPTS } } },
    async (request, reply) => {
      const extraColumns = parseExtraColumns(request.query.columns);
      const neutralizeFormulas = parseFlag('neutralize_formulas', request.query.neutralize_formulas);
      const signal = abortOnClientGone(reply.raw);
      await opts.uploads.run(async () => {
        const upload = await openUpload(request, opts.maxUpload);
        let csv: Readable;
        try {
          csv = await classifyCsv(limitedPipe(upload.stream, new ByteLimit(opts.maxUpload)), opts.classifier, {
            ...opts.csv,
            extraColumns,
            neutralizeFormulas,
            signal,
          });
        } catch (err) {
          upload.discardRest();
          throw err;
        }
        reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="classified.csv"');
        reply.send(csv);
        // Hold the upload slot until the response is done (or broken).
        await finished(reply.raw).catch(() => undefined);
      }, signal);
      return reply;
    },
  );
}
