import type { FastifyInstance } from 'fastify';
import { loadTaxonomy, type Taxonomy } from '@logclass/taxonomy';
import type { SizeLimit } from './byte-limit';
import { correctionsFile } from '@logclass/corrections';
import { correctionsFromJson } from './feedback-records';

export interface FeedbackRouteOptions {
  /** The corrections CSV (GATEWAY_FEEDBACK_FILE). */
  file: string;
  taxonomy: Taxonomy;
  maxBody: SizeLimit;
  maxRecords: { count: number; setting: string };
}

/**
 * POST /feedback: operators' corrections, `[{"source", "log_message",
 * "label"}...]`, appended to the corrections file that the next
 * `logclass train` learns from. All or nothing: one bad element and nothing
 * is written (400 naming it). Answers 202 with the count once the rows are on disk.
 */
export function registerFeedbackRoute(app: FastifyInstance, opts: FeedbackRouteOptions): void {
  const file = correctionsFile(opts.file);
  app.post(
    '/feedback',
    { bodyLimit: opts.maxBody.bytes, config: { errors: { bodyLimit: opts.maxBody, accepts: 'application/json' } } },
    async (request, reply) => {
      const corrections = correctionsFromJson(request.body, opts.taxonomy, opts.maxRecords);
      await file.append(corrections);
      return reply.code(202).send({ accepted: corrections.length });
    },
  );
}

/** The route's options from the GATEWAY_* settings (see feedback-settings.ts). */
export function feedbackRouteOptions(cfg: { feedbackFile: string; taxonomyFile?: string; maxFeedbackBytes: number; maxFeedbackRecords: number }): FeedbackRouteOptions {
  return {
    file: cfg.feedbackFile,
    taxonomy: loadTaxonomy(cfg.taxonomyFile),
    maxBody: { bytes: cfg.maxFeedbackBytes, setting: 'GATEWAY_MAX_FEEDBACK_BYTES' },
    maxRecords: { count: cfg.maxFeedbackRecords, setting: 'GATEWAY_MAX_FEEDBACK_RECORDS' },
  };
}
