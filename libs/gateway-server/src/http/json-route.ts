import type { FastifyInstance } from 'fastify';
import type { AdmissionQueue, Classifier } from '@logclass/classifier';
import { DEFAULT_JSON_COLUMNS, parseExtraColumns } from '@logclass/csv-stream';
import type { SizeLimit } from './byte-limit';
import { abortOnClientGone } from './client-gone';
import { recordsFromJson, resultToJson } from './json-records';

export interface JsonRouteOptions {
  classifier: Classifier;
  requests: AdmissionQueue;
  maxBody: SizeLimit;
  maxRecords: { count: number; setting: string };
}

/**
 * POST /classify/json: `[{"source", "log_message"}...]` in, one result per
 * record out, in order. For programs sending a handful of lines; large
 * volumes belong in the CSV upload or the gRPC API.
 */
export function registerJsonRoute(app: FastifyInstance, opts: JsonRouteOptions): void {
  app.post<{ Querystring: { columns?: string } }>(
    '/classify/json',
    { bodyLimit: opts.maxBody.bytes, config: { errors: { bodyLimit: opts.maxBody, accepts: 'application/json' } } },
    async (request, reply) => {
      const columns = request.query.columns === undefined ? DEFAULT_JSON_COLUMNS : parseExtraColumns(request.query.columns);
      const records = recordsFromJson(request.body, opts.maxRecords);
      if (records.length === 0) return [];
      const signal = abortOnClientGone(reply.raw);
      const results = await opts.requests.run(
        () => opts.classifier.classify(records, { includeTemplate: columns.includes('template') }, signal),
        signal,
      );
      return results.map((r) => resultToJson(r, columns));
    },
  );
}
