import type { Classifier } from '@logclass/classifier';
import { Cascade, parseRouting, type BreakerSettings, type RoutingPolicy, type UndecidedPolicy } from '@logclass/cascade';
import { EmbeddingClassifier, type Embedder, type ModelArtifact } from '@logclass/embedding-tier';
import { silentLogger } from '@logclass/observability';
import { loadRules, RegexClassifier } from '@logclass/regex-tier';
import type { Taxonomy } from '@logclass/taxonomy';

/** The gateway's default routing with its fallback spelled out. */
export const DEFAULT_ROUTING = '{"LegacyCRM": ["llm", "embedding"], "*": ["regex", "embedding", "llm"]}';

// In one process nothing is remote: deadlines only guard against a hung LLM call, and breakers never open.
const IN_PROCESS_BREAKER: BreakerSettings = { timeoutMs: 300_000, errorThresholdPercentage: 100, volumeThreshold: 1_000_000, resetTimeoutMs: 1_000 };

export interface InProcessCascadeOptions {
  artifact: ModelArtifact;
  embedder: Embedder;
  taxonomy: Taxonomy;
  /** JSON routing by source, as GATEWAY_ROUTING. */
  routing: string;
  /** Regex rules file; undefined = the shipped rules. */
  rulesPath?: string;
  /** The third tier: the real LLM classifier, or a stand-in that abstains (offline evaluation). */
  llm: Classifier;
  /** Embedding decisions cached by template (0 in evaluation: every row is scored). */
  embeddingCacheSize?: number;
  /** As GATEWAY_UNDECIDED; default unclassified. */
  undecided?: UndecidedPolicy;
}

/**
 * The deployed cascade (regex -> embedding -> llm) with every tier in this
 * process: what `logclass classify --in-process` runs and what offline
 * evaluation measures, built in one place so both run the same thing.
 */
export function buildInProcessCascade(opts: InProcessCascadeOptions): { cascade: Cascade; routing: RoutingPolicy } {
  const tiers = [
    { name: 'regex', classifier: new RegexClassifier(loadRules(opts.rulesPath, opts.taxonomy), { taxonomy: opts.taxonomy }) },
    { name: 'embedding', classifier: new EmbeddingClassifier(opts.artifact, opts.embedder, { cacheSize: opts.embeddingCacheSize ?? 0 }) },
    { name: 'llm', classifier: opts.llm },
  ];
  const routing = parseRouting(opts.routing, tiers.map((t) => t.name));
  const cascade = new Cascade({ tiers: tiers.map((t) => ({ ...t, breaker: IN_PROCESS_BREAKER })), routing, log: silentLogger(), undecided: opts.undecided ?? 'unclassified' });
  return { cascade, routing };
}
