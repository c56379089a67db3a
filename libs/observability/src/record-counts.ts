import { Outcome, type Classification } from '@logclass/contract';
import type { ServiceMetrics } from './metrics';

/** Outcome enum values as label values: a closed set, whatever a peer sends. */
const OUTCOME_NAMES: Readonly<Record<number, string>> = {
  [Outcome.OUTCOME_DECIDED]: 'decided',
  [Outcome.OUTCOME_ABSTAINED]: 'abstained',
  [Outcome.OUTCOME_UNCLASSIFIED]: 'unclassified',
};

/**
 * Counts answered records in `logclass_records_total{tier,outcome,label}`.
 * One function for every path that answers records (the gRPC servers, the
 * gateway's REST API), so the series mean the same thing wherever they are
 * counted. Labels are the taxonomy's and tier names: bounded, never message text.
 */
export function countRecords(metrics: ServiceMetrics, results: readonly Classification[]): void {
  for (const r of results) {
    metrics.records.inc({ tier: r.tier || 'none', outcome: OUTCOME_NAMES[r.outcome] ?? 'unknown', label: r.label || 'none' });
  }
}
