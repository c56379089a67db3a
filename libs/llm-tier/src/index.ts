export { LlmClassifier, LLM_TIER, NO_API_KEY_REASON, type LlmClassifierOptions } from './llm-classifier';
export type { LlmStats } from './llm-stats';
export { CACHE_KEY_MODES, type CacheKeyMode } from './cache-key';
export type { RetryPolicy } from './retry-policy';
export { DATA_BEGIN, DATA_END, MAX_MESSAGE_CHARS, PROMPT_VERSION } from './prompt';
export { llmTierSettings, llmTierConfig, type LlmTierSettings } from './llm-settings';
export { buildLlmClassifier, type LlmBuildOptions } from './build-llm-classifier';
