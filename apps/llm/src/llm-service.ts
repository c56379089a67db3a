import { startClassifierService, type RunningClassifierService } from '@logclass/grpc-server';
import { buildLlmClassifier, type LlmClassifier } from '@logclass/llm-tier';
import { ServiceMetrics, type Logger } from '@logclass/observability';
import type { LlmConfig } from './config';
import { exportLlmStats } from './llm-metrics';

/**
 * The LLM tier as deployed: the classifier behind the standard tier server,
 * health following the classifier, its call/token/cache totals on /metrics.
 */
export async function startLlmService(
  cfg: LlmConfig,
  log: Logger,
  metrics = new ServiceMetrics('llm'),
): Promise<RunningClassifierService & { classifier: LlmClassifier }> {
  const classifier = buildLlmClassifier(cfg, { maxBatchSize: cfg.maxBatchSize, log });
  exportLlmStats(classifier, metrics);
  if (!cfg.apiKey) log.warn('no Groq API key (LLM_GROQ_API_KEY / GROQ_API_KEY): serving NOT_SERVING, every row abstains');
  else log.info({ model: cfg.model, baseUrl: cfg.baseUrl, store: cfg.store === 'sqlite' ? `sqlite ${cfg.storeFile}` : cfg.store }, 'llm tier ready');
  const running = await startClassifierService('LLM', cfg, classifier, log, metrics);
  classifier.onServingChange((serving) => running.grpc.setServing(serving));
  return { ...running, classifier };
}
