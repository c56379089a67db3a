import { defaultTaxonomy } from '@logclass/taxonomy';
import type { LlmClassifierOptions } from '../src';

/**
 * The LlmClassifier settings the specs start from, against a Groq stand-in
 * at `baseUrl`: default taxonomy, one message a call, two quick retries,
 * the template cache; each spec overrides what it is about.
 */
export function testClassifierOptions(baseUrl: string, over: Partial<LlmClassifierOptions> = {}): LlmClassifierOptions {
  return {
    taxonomy: defaultTaxonomy,
    apiKey: 'test-key',
    baseUrl,
    model: 'llama-3.3-70b-versatile',
    temperature: 0,
    maxTokens: 256,
    timeoutMs: 5000,
    concurrency: 4,
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1000 },
    cacheSize: 1000,
    cacheTtlMs: 60_000,
    cacheKey: 'template',
    messagesPerCall: 1,
    maxBatchSize: 1000,
    ...over,
  };
}
