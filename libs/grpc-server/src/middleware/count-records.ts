import type { Classification } from '@logclass/contract';
import { countRecords as countByOutcome, type ServiceMetrics } from '@logclass/observability';
import type { Handler } from './handler';

/** Counts the records answered, by tier, outcome and label (logclass_records_total). */
export const countRecords =
  (metrics: ServiceMetrics | undefined) =>
  <Req>(next: Handler<Req, Classification[]>): Handler<Req, Classification[]> =>
    !metrics
      ? next
      : async (request, call) => {
          const results = await next(request, call);
          countByOutcome(metrics, results);
          return results;
        };
