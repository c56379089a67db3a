import { defineServiceConfig, setting, type ConfigOf } from '@logclass/service-config';
import { DEFAULT_STORE_FILE, STORE_BACKENDS } from '@logclass/template-store';
import { CACHE_KEY_MODES } from './cache-key';
import { MAX_MESSAGE_CHARS } from './prompt';

const httpUrl = (raw: string): string => {
  const url = new URL(raw.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('expected an http(s) URL');
  return url.toString().replace(/\/+$/, '');
};

/**
 * The LLM tier's own settings (LLM_*), without the server's: the LLM service
 * spreads them next to serverSettings('LLM', ...), and whoever runs the tier
 * in process (`logclass classify --in-process`, the benchmarks) reads the
 * same variables with the same defaults, spend ceiling included, through
 * llmTierConfig.
 */
export function llmTierSettings() {
  return {
    apiKey: setting.optionalString('LLM_GROQ_API_KEY', 'Groq API key. Unset: the service runs, reports NOT_SERVING and abstains on every row ("llm disabled: no API key").', {
      aliases: ['GROQ_API_KEY'],
      secret: true,
    }),
    baseUrl: setting.custom('LLM_GROQ_BASE_URL', 'https://api.groq.com', 'Groq API root (the client appends /openai/v1/chat/completions); any Groq-compatible server.', httpUrl, {
      aliases: ['GROQ_BASE_URL'],
    }),
    // Groq retires models regularly (deepseek-r1-distill-llama-70b, the original choice, is gone): the model is configuration.
    model: setting.string('LLM_MODEL', 'llama-3.3-70b-versatile', 'Groq model id. A decommissioned or unknown model takes the service out of service with a reason naming this variable.'),
    temperature: setting.number('LLM_TEMPERATURE', 0, 'Sampling temperature (0 = most repeatable labels).', { min: 0, max: 2 }),
    maxTokens: setting.int('LLM_MAX_TOKENS', 1024, 'Most tokens per completion, reasoning included (reasoning models need room to think).', { min: 16, max: 131_072 }),
    // Below the gateway's GATEWAY_LLM_TIMEOUT_MS (30 s) so that a slow call fails its rows with a reason here, not the whole batch there.
    timeoutMs: setting.int('LLM_TIMEOUT_MS', 20_000, 'Per-call timeout; a call past it fails its rows (not retried).', { min: 100, max: 600_000 }),
    concurrency: setting.int('LLM_CONCURRENCY', 4, 'Most Groq requests open at once.', { min: 1, max: 256 }),
    maxRetries: setting.int('LLM_MAX_RETRIES', 2, 'Retries of a call that got 429, 5xx or a connection error; then its rows abstain with the reason.', { min: 0, max: 20 }),
    retryBaseDelayMs: setting.int('LLM_RETRY_BASE_DELAY_MS', 500, 'First backoff between retries (doubling, with jitter) when Groq sends no retry-after.', { min: 0, max: 60_000 }),
    retryMaxDelayMs: setting.int('LLM_RETRY_MAX_DELAY_MS', 10_000, 'Longest wait before a retry; a longer retry-after fails the rows at once instead.', { min: 0, max: 600_000 }),
    cacheSize: setting.int('LLM_CACHE_SIZE', 10_000, 'Answers kept in memory (0 = no cache: every row is asked).', { min: 0, max: 10_000_000 }),
    cacheTtlMs: setting.int('LLM_CACHE_TTL_MS', 86_400_000, 'How long an answer is reused (0 = until evicted by size).', { min: 0 }),
    cacheKey: setting.oneOf('LLM_CACHE_KEY', CACHE_KEY_MODES, 'template', 'What makes two rows the same question: "template" (same source and masked message) or "exact".'),
    messagesPerCall: setting.int('LLM_MESSAGES_PER_CALL', 10, 'Distinct messages asked in one call (1 = one call per message).', { min: 1, max: 100 }),
    batchCanary: setting.boolean(
      'LLM_BATCH_CANARY',
      false,
      'Adds one made-up record, whose only right answer is Unclassified, to every multi-message call; a call that labels it (a log line told the model to) is distrusted and its records are asked one per call. Costs a few tokens a call, and that call\'s records once more when it trips.',
    ),
    maxMessageChars: setting.int(
      'LLM_MAX_MESSAGE_CHARS',
      MAX_MESSAGE_CHARS,
      'Only this many leading characters of a message are sent to Groq (then "…"), bounding tokens spent on huge lines; the row is returned whole.',
      { min: 16, max: 1_000_000 },
    ),
    maxTokensPerMinute: setting.int(
      'LLM_MAX_TOKENS_PER_MINUTE',
      100_000,
      'Most tokens (prompt + completion) billed per minute; past it rows abstain with "llm budget exhausted" instead of costing more (0 = no ceiling).',
      { min: 0 },
    ),
    store: setting.oneOf(
      'LLM_STORE',
      STORE_BACKENDS,
      'sqlite',
      'Template-label store: every LLM answer kept per (source, template) and looked up before Groq is asked, across restarts and replicas. "sqlite": a file (LLM_STORE_FILE), one host; "postgres": LLM_STORE_URL, shared by replicas; "none": memory only (LLM_CACHE_*).',
    ),
    storeFile: setting.string('LLM_STORE_FILE', DEFAULT_STORE_FILE, 'The SQLite file of LLM_STORE=sqlite, relative to the working directory (its folder is created).'),
    storeUrl: setting.optionalString('LLM_STORE_URL', 'PostgreSQL connection string of LLM_STORE=postgres (postgres://user:password@host:5432/db), from a Secret.', { secret: true }),
    storeMaxEntries: setting.int(
      'LLM_STORE_MAX_ENTRIES',
      100_000,
      "Most templates the store keeps; past it unconfirmed LLM answers are deleted, least recently used first (operators' decisions and confirmed ones never).",
      { min: 1 },
    ),
    storeRefreshMs: setting.int(
      'LLM_STORE_REFRESH_MS',
      10_000,
      "With a store, how long an answer is held in memory before it is read from the store again (0 = as long as LLM_CACHE_TTL_MS). An operator's confirm, correction or delete is seen within about a second whatever this is: the tier polls the store's operator revision and then forgets what it holds.",
      { min: 0 },
    ),
    taxonomyFile: setting.optionalString('LLM_TAXONOMY_FILE', 'JSON array of {name, description}; unset = the default nine-label taxonomy.'),
  };
}

export type LlmTierSettings = ConfigOf<ReturnType<typeof llmTierSettings>>;

/** The tier's settings alone, for running it in process: `llmTierConfig.load(env)`. */
export const llmTierConfig = defineServiceConfig('llm', llmTierSettings());
