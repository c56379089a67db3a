import { startTierService, type RunningTierService } from '@logclass/grpc-server';
import { LlmClassifier } from '@logclass/llm-tier';
import { ServiceMetrics, type Logger } from '@logclass/observability';
import { loadTaxonomy } from '@logclass/taxonomy';
import type { LlmConfig } from './config';
import { exportLlmStats } from './llm-metrics';

export function buildLlmClassifier(cfg: LlmConfig, log: Logger): LlmClassifier {
  return new LlmClassifier({
    taxonomy: loadTaxonomy(cfg.taxonomyFile),
    apiKey: cfg.apiKey,
    baseUrl: cfg.baseUrl,
    model: cfg.model,
    temperature: cfg.temperature,
    maxTokens: cfg.maxTokens,
    timeoutMs: cfg.timeoutMs,
    concurrency: cfg.concurrency,
    retry: { maxRetries: cfg.maxRetries, baseDelayMs: cfg.retryBaseDelayMs, maxDelayMs: cfg.retryMaxDelayMs },
    cacheSize: cfg.cacheSize,
    cacheTtlMs: cfg.cacheTtlMs,
    cacheKey: cfg.cacheKey,
    messagesPerCall: cfg.messagesPerCall,
    maxTokensPerMinute: cfg.maxTokensPerMinute,
    maxMessageChars: cfg.maxMessageChars,
    maxBatchSize: cfg.maxBatchSize,
    settingNames: { model: 'LLM_MODEL', apiKey: 'LLM_GROQ_API_KEY (or GROQ_API_KEY)' },
    log,
  });
}

/**
 * The LLM tier as deployed: the classifier behind the standard tier server,
 * health following the classifier, its call/token/cache totals on /metrics.
 */
export async function startLlmService(
  cfg: LlmConfig,
  log: Logger,
  metrics = new ServiceMetrics('llm'),
): Promise<RunningTierService & { classifier: LlmClassifier }> {
  const classifier = buildLlmClassifier(cfg, log);
  exportLlmStats(classifier, metrics);
  if (!cfg.apiKey) log.warn('no Groq API key (LLM_GROQ_API_KEY / GROQ_API_KEY): serving NOT_SERVING, every row abstains');
  else log.info({ model: cfg.model, baseUrl: cfg.baseUrl }, 'llm tier ready');
  const running = await startTierService('LLM', cfg, classifier, log, metrics);
  classifier.onServingChange((serving) => running.grpc.setServing(serving));
  return { ...running, classifier };
}
