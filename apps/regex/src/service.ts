import { startClassifierService, type RunningClassifierService } from '@logclass/grpc-server';
import type { Logger, ServiceMetrics } from '@logclass/observability';
import { buildRegexClassifier, type RegexClassifier } from '@logclass/regex-tier';
import type { RegexConfig } from './config';

/** The regex tier as deployed (what main.ts runs): the classifier behind the standard tier server. */
export async function startRegexService(
  cfg: RegexConfig,
  log: Logger,
  metrics?: ServiceMetrics,
): Promise<RunningClassifierService & { classifier: RegexClassifier }> {
  const classifier = buildRegexClassifier(cfg, { maxBatchSize: cfg.maxBatchSize });
  log.info({ model: classifier.describe().model, rulesFile: classifier.ruleSet.origin }, 'regex tier ready');
  const running = await startClassifierService('REGEX', cfg, classifier, log, metrics);
  return { ...running, classifier };
}
