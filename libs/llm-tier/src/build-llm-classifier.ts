import type { Logger } from '@logclass/observability';
import { loadTaxonomy, type Taxonomy } from '@logclass/taxonomy';
import { LlmClassifier } from './llm-classifier';
import { openLlmStore } from './open-llm-store';
import type { LlmTierSettings } from './llm-settings';

export interface LlmBuildOptions {
  /** Most records per call (the server's LLM_MAX_BATCH_SIZE), reported by describe(); unset = 0, no limit, as the other tiers in process. */
  maxBatchSize?: number;
  /** A taxonomy already loaded by the caller; unset = read from settings.taxonomyFile. */
  taxonomy?: Taxonomy;
  log?: Logger;
}

/**
 * The LLM tier as configured: the one place its settings become an
 * LlmClassifier, for the service and for every in-process caller, so all of
 * them have the same defaults, retries, caches, template-label store and
 * spend ceiling.
 */
export function buildLlmClassifier(settings: LlmTierSettings, opts: LlmBuildOptions = {}): LlmClassifier {
  // Without a key the tier answers nothing, from the store neither: nothing to open.
  const store = settings.apiKey ? openLlmStore(settings) : undefined;
  return new LlmClassifier({
    taxonomy: opts.taxonomy ?? loadTaxonomy(settings.taxonomyFile),
    apiKey: settings.apiKey,
    baseUrl: settings.baseUrl,
    model: settings.model,
    temperature: settings.temperature,
    maxTokens: settings.maxTokens,
    timeoutMs: settings.timeoutMs,
    concurrency: settings.concurrency,
    retry: { maxRetries: settings.maxRetries, baseDelayMs: settings.retryBaseDelayMs, maxDelayMs: settings.retryMaxDelayMs },
    cacheSize: settings.cacheSize,
    cacheTtlMs: memoryTtlMs(settings, store !== undefined),
    cacheKey: settings.cacheKey,
    messagesPerCall: settings.messagesPerCall,
    batchCanary: settings.batchCanary,
    maxTokensPerMinute: settings.maxTokensPerMinute,
    maxMessageChars: settings.maxMessageChars,
    maxBatchSize: opts.maxBatchSize ?? 0,
    store,
    settingNames: { model: 'LLM_MODEL', apiKey: 'LLM_GROQ_API_KEY (or GROQ_API_KEY)' },
    log: opts.log,
  });
}

/** With a store, memory holds an answer at most LLM_STORE_REFRESH_MS, so corrections in the store are seen. 0 = no expiry. */
function memoryTtlMs(settings: LlmTierSettings, withStore: boolean): number {
  if (!withStore || settings.storeRefreshMs === 0) return settings.cacheTtlMs;
  return settings.cacheTtlMs === 0 ? settings.storeRefreshMs : Math.min(settings.cacheTtlMs, settings.storeRefreshMs);
}
