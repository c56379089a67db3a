import type { Cascade } from '@logclass/cascade';
import { currentVersion } from '@logclass/embedding-tier';
import { LlmClassifier } from '@logclass/llm-tier';
import { loadTaxonomy } from '@logclass/taxonomy';
import { buildInProcessCascade, loadModel } from '@logclass/training';

export interface InProcessOptions {
  /** Model folder (its current version is used). */
  model: string;
  routing: string;
  rules?: string;
  taxonomy?: string;
  env: NodeJS.ProcessEnv;
}

/** Defaults of the LLM tier's own settings (apps/llm/src/config.ts), read from the same variables. */
const LLM_DEFAULTS = { baseUrl: 'https://api.groq.com', model: 'llama-3.3-70b-versatile' };

/**
 * The whole cascade in this process, no servers: the shipped (or given)
 * regex rules and embedding model, and the LLM tier when GROQ_API_KEY is set
 * (without it, rows the first two tiers leave come back Unclassified with
 * "llm disabled: no API key", as from the deployed gateway).
 */
export async function openInProcessClassifier(opts: InProcessOptions): Promise<Cascade> {
  const taxonomy = loadTaxonomy(opts.taxonomy);
  const { artifact, embedder } = await loadModel(currentVersion(opts.model).dir);
  const env = opts.env;
  const llm = new LlmClassifier({
    taxonomy,
    apiKey: env.LLM_GROQ_API_KEY || env.GROQ_API_KEY || undefined,
    baseUrl: env.LLM_GROQ_BASE_URL || env.GROQ_BASE_URL || LLM_DEFAULTS.baseUrl,
    model: env.LLM_MODEL || LLM_DEFAULTS.model,
    temperature: 0,
    maxTokens: 1024,
    timeoutMs: 20_000,
    concurrency: 4,
    retry: { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 10_000 },
    cacheSize: 10_000,
    cacheTtlMs: 86_400_000,
    cacheKey: 'template',
    messagesPerCall: 10,
    maxBatchSize: 4096,
    settingNames: { model: 'LLM_MODEL', apiKey: 'GROQ_API_KEY' },
  });
  return buildInProcessCascade({ artifact, embedder, taxonomy, routing: opts.routing, rulesPath: opts.rules, llm, embeddingCacheSize: 100_000 }).cascade;
}
