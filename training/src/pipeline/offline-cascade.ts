import type { Classification, DescribeResponse, LogRecord } from '@logclass/contract';
import { abstained, isDecided, type Classifier } from '@logclass/classifier';
import type { UndecidedPolicy } from '@logclass/cascade';
import { EmbeddingClassifier, type Embedder, type ModelArtifact } from '@logclass/embedding-tier';
import { buildRegexClassifier, regexTierConfig } from '@logclass/regex-tier';
import type { Taxonomy } from '@logclass/taxonomy';
import { buildInProcessCascade } from './in-process-cascade';

/** Outcomes of the cascade that are not labels, as they appear in reports. */
export const LLM_NOT_RUN = 'llm (not run)';
export const UNCLASSIFIED_OUTCOME = 'Unclassified';

/**
 * Stands in for the LLM tier in offline evaluation: it always abstains, so
 * records the deployment would send to the LLM are counted as such instead
 * of being guessed at (no network, no cost, no pretending).
 */
class LlmNotRun implements Classifier {
  readonly tier = 'llm';
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    return records.map(() => abstained(this.tier, 'not run in offline evaluation'));
  }
  describe(): DescribeResponse {
    return { tier: this.tier, labels: [], model: 'not run', maxBatchSize: 0 };
  }
}

export interface OfflineCascadeOutcomes {
  /** Per record: the decided label, LLM_NOT_RUN, or UNCLASSIFIED_OUTCOME. */
  predicted: string[];
  /** Per record: the tier that decided, or the outcome. */
  decidedBy: string[];
}

export interface OfflineCascadeOptions {
  artifact: ModelArtifact;
  embedder: Embedder;
  taxonomy: Taxonomy;
  routing: string;
  rulesPath?: string;
  /** As GATEWAY_UNDECIDED: best-guess answers the embedding tier's guess where nothing decided. */
  undecided?: UndecidedPolicy;
}

/** Runs the deployed cascade (regex, then embedding, then the LLM's place, never called) in this process, for offline evaluation. */
export async function runOfflineCascade(records: readonly LogRecord[], opts: OfflineCascadeOptions): Promise<OfflineCascadeOutcomes> {
  // The regex tier with its defaults (no REGEX_* variables: an evaluation is the same wherever it runs), the rules given;
  // the embedding tier on the artifact under evaluation, every row scored (no cache).
  const regex = buildRegexClassifier({ ...regexTierConfig.load({}), rulesFile: opts.rulesPath }, { taxonomy: opts.taxonomy });
  const embedding = new EmbeddingClassifier(opts.artifact, opts.embedder, { cacheSize: 0 });
  const { cascade, routing } = buildInProcessCascade({ tiers: { regex, embedding, llm: new LlmNotRun() }, routing: opts.routing, undecided: opts.undecided });
  const results = await cascade.classify(records);
  const predicted: string[] = [];
  const decidedBy: string[] = [];
  results.forEach((r, i) => {
    if (isDecided(r)) {
      predicted.push(r.label);
      decidedBy.push(r.tier);
    } else {
      const outcome = routing.tiersFor(records[i].source).includes('llm') ? LLM_NOT_RUN : UNCLASSIFIED_OUTCOME;
      predicted.push(outcome);
      decidedBy.push(outcome);
    }
  });
  await cascade.close?.();
  return { predicted, decidedBy };
}
