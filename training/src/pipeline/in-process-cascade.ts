import type { Classifier } from '@logclass/classifier';
import { Cascade, parseRouting, type BreakerSettings, type RoutingPolicy, type UndecidedPolicy } from '@logclass/cascade';
import { silentLogger } from '@logclass/observability';

// In one process nothing is remote: deadlines only guard against a hung LLM call, and breakers never open.
const IN_PROCESS_BREAKER: BreakerSettings = { timeoutMs: 300_000, errorThresholdPercentage: 100, volumeThreshold: 1_000_000, resetTimeoutMs: 1_000 };

/** The three tiers, each built by its lib (or a stand-in for the LLM in offline evaluation). */
export interface InProcessTiers {
  regex: Classifier;
  embedding: Classifier;
  llm: Classifier;
}

export interface InProcessCascadeOptions {
  tiers: InProcessTiers;
  /** JSON routing by source, as GATEWAY_ROUTING. */
  routing: string;
  /** As GATEWAY_UNDECIDED; default unclassified. */
  undecided?: UndecidedPolicy;
}

/**
 * The deployed cascade (regex -> embedding -> llm) with every tier in this
 * process: what `logclass classify --in-process` runs and what offline
 * evaluation measures, composed in one place so both run the same thing.
 */
export function buildInProcessCascade(opts: InProcessCascadeOptions): { cascade: Cascade; routing: RoutingPolicy } {
  const tiers = [
    { name: 'regex', classifier: opts.tiers.regex },
    { name: 'embedding', classifier: opts.tiers.embedding },
    { name: 'llm', classifier: opts.tiers.llm },
  ];
  const routing = parseRouting(opts.routing, tiers.map((t) => t.name));
  const cascade = new Cascade({ tiers: tiers.map((t) => ({ ...t, breaker: IN_PROCESS_BREAKER })), routing, log: silentLogger(), undecided: opts.undecided ?? 'unclassified' });
  return { cascade, routing };
}
