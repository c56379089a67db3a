import type { LlmClassifier } from '@logclass/llm-tier';
import { readGauge, totalsCounter, type ServiceMetrics } from '@logclass/observability';

/**
 * The LLM tier's spend and savings on /metrics, read from LlmClassifier.stats()
 * at scrape time: the classifier keeps the one set of totals (also used by
 * the bench), so nothing is counted twice. Label values are fixed sets
 * (failure kinds of ChatFailureKind, token type, lookup result).
 */
export function exportLlmStats(classifier: LlmClassifier, metrics: ServiceMetrics): void {
  const stats = () => classifier.stats();
  totalsCounter(metrics, 'logclass_llm_calls_total', 'HTTP requests sent to Groq, retries included.', [], () => [[{}, stats().calls]]);
  totalsCounter(metrics, 'logclass_llm_retries_total', 'Groq requests that were retries of a failed one.', [], () => [[{}, stats().retries]]);
  totalsCounter(metrics, 'logclass_llm_call_failures_total', 'Groq requests that failed, by kind (rate-limited, server, connection, timeout, auth...).', ['kind'], () =>
    Object.entries(stats().failuresByKind).map(([kind, n]) => [{ kind }, n] as const),
  );
  totalsCounter(metrics, 'logclass_llm_tokens_total', 'Tokens Groq reported using, by type (prompt, completion).', ['type'], () => {
    const s = stats();
    return [
      [{ type: 'prompt' }, s.promptTokens],
      [{ type: 'completion' }, s.completionTokens],
    ];
  });
  totalsCounter(
    metrics,
    'logclass_llm_cache_lookups_total',
    'Distinct questions by where their answer came from: hit (answer cache), shared (a call already in flight), miss (a new call).',
    ['result'],
    () => {
      const s = stats();
      return [
        [{ result: 'hit' }, s.cacheHits],
        [{ result: 'shared' }, s.sharedInFlight],
        [{ result: 'miss' }, s.cacheMisses],
      ];
    },
  );
  totalsCounter(
    metrics,
    'logclass_llm_store_answers_total',
    'Distinct questions missed by the answer cache and answered by the template-label store: stored (already there), shared (another replica was asking it).',
    ['result'],
    () => {
      const s = stats();
      return [
        [{ result: 'stored' }, s.storeHits],
        [{ result: 'shared' }, s.storeShared],
      ];
    },
  );
  totalsCounter(metrics, 'logclass_llm_store_errors_total', 'Template-label store operations that failed (the rows were asked of Groq as without a store).', [], () => [
    [{}, stats().storeErrors],
  ]);
  totalsCounter(
    metrics,
    'logclass_llm_store_operator_refreshes_total',
    'Times the answers held in memory were dropped because an operator confirmed, corrected or deleted a store entry.',
    [],
    () => [[{}, stats().operatorRefreshes]],
  );
  totalsCounter(metrics, 'logclass_llm_canary_trips_total', 'Multi-message calls whose made-up canary record was labelled: their records were asked again one per call (LLM_BATCH_CANARY).', [], () => [
    [{}, stats().canaryTrips],
  ]);
  totalsCounter(metrics, 'logclass_llm_batch_fallbacks_total', 'Multi-message answers that were malformed or refused and re-asked one message per call.', [], () => [
    [{}, stats().batchFallbacks],
  ]);
  totalsCounter(
    metrics,
    'logclass_llm_instruction_lines_total',
    'Distinct questions whose log line looked like instructions to the model, asked alone instead of batched (one call each).',
    [],
    () => [[{}, stats().instructionLines]],
  );
  readGauge(metrics, 'logclass_llm_cache_entries', 'Answers held in the LLM answer cache.', [], () => [[{}, stats().cachedAnswers]]);
  readGauge(metrics, 'logclass_llm_serving', '1 while the LLM tier can answer; 0 without an API key or after Groq refused the key or model.', [], () => [
    [{}, classifier.isServing() ? 1 : 0],
  ]);
}
