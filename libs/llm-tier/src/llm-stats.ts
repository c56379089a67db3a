/**
 * Counters of what the LLM tier spent and saved, read through
 * LlmClassifier.stats() (and exported to Prometheus by whoever serves it).
 */
export interface LlmStats {
  /** HTTP requests sent to Groq, retries included. */
  calls: number;
  /** Requests that failed (any reason, before or after retries). */
  failedCalls: number;
  /** failedCalls by ChatFailureKind ("rate-limited", "timeout"...; "internal" for anything else). */
  failuresByKind: Record<string, number>;
  /** Requests that were retries of a failed one. */
  retries: number;
  promptTokens: number;
  completionTokens: number;
  /** Distinct questions answered from the cache. */
  cacheHits: number;
  /** Distinct questions that joined a call already in flight for the same key. */
  sharedInFlight: number;
  /** Distinct questions that needed a call. */
  cacheMisses: number;
  /** Distinct questions whose line looked like instructions to the model, so it was asked alone. */
  instructionLines: number;
  /** Calls whose canary record was labelled: their records were re-asked one per call (LLM_BATCH_CANARY). */
  canaryTrips: number;
  /** Batch answers that were malformed and re-asked one record per call. */
  batchFallbacks: number;
  /** Distinct questions (cache misses) answered from the template-label store. */
  storeHits: number;
  /** Distinct questions answered by another replica's call, waited for through the store. */
  storeShared: number;
  /** Store operations that failed (the rows were then asked as without a store). */
  storeErrors: number;
  /** Times the answers held in memory were dropped because an operator changed the store. */
  operatorRefreshes: number;
}

export function emptyStats(): LlmStats {
  return {
    calls: 0,
    failedCalls: 0,
    failuresByKind: {},
    retries: 0,
    promptTokens: 0,
    completionTokens: 0,
    cacheHits: 0,
    sharedInFlight: 0,
    cacheMisses: 0,
    instructionLines: 0,
    canaryTrips: 0,
    batchFallbacks: 0,
    storeHits: 0,
    storeShared: 0,
    storeErrors: 0,
    operatorRefreshes: 0,
  };
}
