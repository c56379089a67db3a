import { startTierService, type RunningTierService } from '@logclass/grpc-server';
import type { Logger, ServiceMetrics } from '@logclass/observability';
import { loadRules, RegexClassifier } from '@logclass/regex-tier';
import { loadTaxonomy } from '@logclass/taxonomy';
import type { RegexConfig } from './config';

/** The rules (checked and compiled once, here) behind the regex classifier. Throws naming the file and every bad rule. */
export function buildRegexClassifier(cfg: RegexConfig): RegexClassifier {
  const taxonomy = loadTaxonomy(cfg.taxonomyFile);
  const rules = loadRules(cfg.rulesFile, taxonomy);
  return new RegexClassifier(rules, { taxonomy, maxMessageChars: cfg.maxMessageChars, maxBatchSize: cfg.maxBatchSize });
}

/** The regex tier as deployed (what main.ts runs): the classifier behind the standard tier server. */
export async function startRegexService(
  cfg: RegexConfig,
  log: Logger,
  metrics?: ServiceMetrics,
): Promise<RunningTierService & { classifier: RegexClassifier }> {
  const classifier = buildRegexClassifier(cfg);
  log.info({ model: classifier.describe().model, rulesFile: classifier.ruleSet.origin }, 'regex tier ready');
  const running = await startTierService('REGEX', cfg, classifier, log, metrics);
  return { ...running, classifier };
}
