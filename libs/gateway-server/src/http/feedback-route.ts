import type { FastifyInstance } from 'fastify';
import { templateKeyOf, type StoreBackend, type TemplateKey } from '@logclass/template-store';
import type { SizeLimit } from './byte-limit';
import { correctionsFromJson } from './feedback-records';
import { operatorCorrectionsOf, type OperatorCorrections } from './operator-corrections';

export interface FeedbackRouteOptions {
  /** Where corrections go (shared with the review): the template-label store and/or the corrections file. */
  corrections: OperatorCorrections;
  maxBody: SizeLimit;
  maxRecords: { count: number; setting: string };
  /**
   * The template the gateway would carry with this line to the LLM tier
   * (Cascade.carriedTemplateOf), when it carries templates there: the
   * tier then asks with that key, so a correction is kept under it as well
   * as under the line's masked template.
   */
  carriedTemplateOf?: (source: string, logMessage: string) => string | undefined;
}

/**
 * POST /feedback: operators' corrections, `[{"source", "log_message",
 * "label"}...]`. Each is an operator's decision for its line's (source,
 * masked template), and for the template the gateway carries with the line
 * to the LLM tier where it does, in the template-label store, which every LLM-tier replica
 * serves from then on, and (unless the store is PostgreSQL, the one place
 * every gateway replica shares) a row of the corrections file; `logclass
 * train` learns from both (operator-corrections.ts). All or nothing: one bad
 * element and nothing is written (400 naming it). Answers 202 with the count
 * once every correction is kept.
 */
export function registerFeedbackRoute(app: FastifyInstance, opts: FeedbackRouteOptions): void {
  const { corrections } = opts;
  // The carried template's key, when the tier is given one and it is not the masked template's key already.
  const carriedKeys = (source: string, logMessage: string, masked: TemplateKey): TemplateKey[] => {
    const carried = opts.carriedTemplateOf?.(source, logMessage);
    const key = carried === undefined ? undefined : templateKeyOf(source, logMessage, carried);
    return key && key.template !== masked.template ? [key] : [];
  };
  app.addHook('onClose', () => corrections.close());
  app.post(
    '/feedback',
    { bodyLimit: opts.maxBody.bytes, config: { errors: { bodyLimit: opts.maxBody, accepts: 'application/json' } } },
    async (request, reply) => {
      const lines = correctionsFromJson(request.body, corrections.taxonomy, opts.maxRecords);
      await corrections.record(
        lines.map((c) => {
          const key = templateKeyOf(c.source, c.logMessage);
          return { key, alsoKeys: carriedKeys(c.source, c.logMessage, key), label: c.label, exemplar: c.logMessage };
        }),
      );
      return reply.code(202).send({ accepted: lines.length });
    },
  );
}

/** The route's options from the GATEWAY_* settings (feedback-settings.ts; the store's in review-settings.ts, absent = none). */
export function feedbackRouteOptions(
  cfg: { feedbackFile: string; taxonomyFile?: string; maxFeedbackBytes: number; maxFeedbackRecords: number; reviewStore?: StoreBackend; reviewStoreFile?: string; reviewStoreUrl?: string },
  corrections: OperatorCorrections = operatorCorrectionsOf(cfg),
  carriedTemplateOf?: FeedbackRouteOptions['carriedTemplateOf'],
): FeedbackRouteOptions {
  return {
    corrections,
    carriedTemplateOf,
    maxBody: { bytes: cfg.maxFeedbackBytes, setting: 'GATEWAY_MAX_FEEDBACK_BYTES' },
    maxRecords: { count: cfg.maxFeedbackRecords, setting: 'GATEWAY_MAX_FEEDBACK_RECORDS' },
  };
}
