import { Outcome, type Classification } from '@logclass/contract';
import type { ServiceMetrics } from './metrics';

/** Outcome enum values as label values: a closed set, whatever a peer sends. */
const OUTCOME_NAMES: Readonly<Record<number, string>> = {
  [Outcome.OUTCOME_DECIDED]: 'decided',
  [Outcome.OUTCOME_ABSTAINED]: 'abstained',
  [Outcome.OUTCOME_UNCLASSIFIED]: 'unclassified',
};

interface Tally {
  labels: { tier: string; outcome: string; label: string };
  n: number;
}

/**
 * Counts answered records in `logclass_records_total{tier,outcome,label}`.
 * One function for every path that answers records (the gRPC servers, the
 * gateway's REST API), so the series mean the same thing wherever they are
 * counted. Labels are the taxonomy's and tier names: bounded, never message text.
 */
export function countRecords(metrics: ServiceMetrics, results: readonly Classification[]): void {
  // Tallied per batch first: a batch of 512 rows has a handful of distinct
  // (tier, outcome, label) triples, and prom-client's labelled inc costs far
  // more than a Map update (it showed up in every service's profile). Nested
  // maps rather than one joined-string key: no string built per row.
  const tally: Tally[] = [];
  const byTier = new Map<string, Map<string, Map<number, Tally>>>();
  for (const r of results) {
    let byLabel = byTier.get(r.tier);
    if (!byLabel) byTier.set(r.tier, (byLabel = new Map()));
    let byOutcome = byLabel.get(r.label);
    if (!byOutcome) byLabel.set(r.label, (byOutcome = new Map()));
    const seen = byOutcome.get(r.outcome);
    if (seen) seen.n++;
    else {
      const fresh = { labels: { tier: r.tier || 'none', outcome: OUTCOME_NAMES[r.outcome] ?? 'unknown', label: r.label || 'none' }, n: 1 };
      byOutcome.set(r.outcome, fresh);
      tally.push(fresh);
    }
  }
  for (const { labels, n } of tally) metrics.records.inc(labels, n);
}
