import { randomInt, randomUUID } from 'node:crypto';
import type { Classification, ClassifyOptions, DescribeResponse, LogRecord } from '@logclass/contract';
import { abstained, classifyNonEmpty, decided, EMPTY_MESSAGE_REASON, LogclassError, type Classifier } from '@logclass/classifier';
import type { Taxonomy } from '@logclass/taxonomy';
import { maskTemplate } from '@logclass/template-mask';
import { OPERATOR, taxonomyHash, type TemplateKey, type TemplateLabelStore } from '@logclass/template-store';
import { silentLogger, type Logger } from '@logclass/observability';
import { parseBatchAnswer, parseSingleAnswer, quoteAnswer } from './answer-parser';
import { AnswerCache, type KeyResult } from './answer-cache';
import { keyId, questionKey, type CacheKeyMode } from './cache-key';
import { ChatScheduler } from './chat-scheduler';
import { ChatCallError, GroqChatClient } from './groq-chat-client';
import { emptyStats, type LlmStats } from './llm-stats';
import { batchPrompt, PROMPT_VERSION, singleRecordPrompt } from './prompt';
import type { RetryPolicy } from './retry-policy';
import { canaryRecord } from './canary';
import { InstructionLines } from './instruction-lines';
import { StoredAnswers, type Question } from './stored-answers';
import { TokenBudget } from './token-budget';

export const LLM_TIER = 'llm';

/** Reason given for every row while no API key is configured. */
export const NO_API_KEY_REASON = 'llm disabled: no API key';

/** An LLM gives no calibrated probability: a decided row says 1 and quotes the answer in its reason. */
const DECIDED_CONFIDENCE = 1;

export interface LlmClassifierOptions {
  taxonomy: Taxonomy;
  /** Undefined: the tier runs, reports NOT_SERVING and abstains on every row. */
  apiKey: string | undefined;
  baseUrl: string;
  model: string;
  temperature: number;
  maxTokens: number;
  timeoutMs: number;
  /** Most Groq requests open at once. */
  concurrency: number;
  retry: RetryPolicy;
  /** Distinct answers kept (0 = no cache, no sharing: every row is asked). */
  cacheSize: number;
  cacheTtlMs: number;
  cacheKey: CacheKeyMode;
  /** Distinct messages asked in one call (1 = one call per message). */
  messagesPerCall: number;
  /** Reported by describe(). */
  maxBatchSize: number;
  /** Longest part of a message put in the prompt (default MAX_MESSAGE_CHARS); the row itself is returned whole. */
  maxMessageChars?: number;
  /** Ceiling on tokens billed per minute (0 or absent = none); past it rows abstain with "llm budget exhausted (LLM_MAX_TOKENS_PER_MINUTE=...)". */
  maxTokensPerMinute?: number;
  /**
   * Answers shared by every replica and kept across restarts, looked up before
   * Groq is asked (closed with the classifier); absent: memory only.
   */
  store?: TemplateLabelStore;
  /**
   * Lines that look like instructions to the model are asked alone, never
   * batched with other lines (default true; false only to show what that prevents).
   */
  instructionLinesAlone?: boolean;
  /**
   * Adds a made-up record whose right answer is Unclassified to every
   * multi-message call; a call that labels it is distrusted and its records
   * are asked one per call (LLM_BATCH_CANARY; default false).
   */
  batchCanary?: boolean;
  /** Setting names quoted in errors, so an operator knows what to change. */
  settingNames?: { model: string; apiKey: string };
  log?: Logger;
}

/**
 * The LLM tier: asks a Groq chat model for the label of each distinct
 * message, never for the same question twice while its answer is cached or
 * in flight, several messages per call, with bounded concurrency. Whatever
 * the model says is checked against the taxonomy; anything else abstains
 * with the answer quoted, so the gateway makes it Unclassified with a reason.
 */
export class LlmClassifier implements Classifier {
  readonly tier = LLM_TIER;
  private readonly counters = emptyStats();
  private readonly cache: AnswerCache;
  private readonly scheduler: ChatScheduler | undefined;
  private readonly stored: StoredAnswers | undefined;
  private readonly log: Logger;
  private readonly instructionLines: InstructionLines | undefined;
  private readonly settingNames: { model: string; apiKey: string };
  /** Set when the service cannot answer anything until reconfigured. */
  private disabledReason: string | undefined;
  private readonly answers = new WeakMap<KeyResult, Classification>();
  /** The result of every row once the tier is disabled (it stays so): one object, so one encoded answer. */
  private disabledResult: KeyResult | undefined;
  private readonly servingListeners: Array<(serving: boolean) => void> = [];

  constructor(private readonly opts: LlmClassifierOptions) {
    this.log = opts.log ?? silentLogger();
    this.settingNames = opts.settingNames ?? { model: 'LLM_MODEL', apiKey: 'LLM_GROQ_API_KEY' };
    this.cache = new AnswerCache(opts.cacheSize, opts.cacheTtlMs);
    this.instructionLines = opts.instructionLinesAlone === false ? undefined : new InstructionLines(opts.taxonomy);
    if (opts.apiKey) {
      const client = new GroqChatClient({ ...opts, apiKey: opts.apiKey });
      const budget = opts.maxTokensPerMinute ? new TokenBudget(opts.maxTokensPerMinute, 'LLM_MAX_TOKENS_PER_MINUTE', this.log) : undefined;
      this.scheduler = new ChatScheduler(client, opts.concurrency, opts.retry, this.counters, (failure) => this.disable(failure), budget);
    } else {
      this.disabledReason = NO_API_KEY_REASON;
    }
    if (opts.store) {
      if (opts.model === OPERATOR) throw new Error(`the LLM model cannot be named "${OPERATOR}": the template-label store reserves it for operators' decisions`);
      const current = { taxonomyHash: taxonomyHash(opts.taxonomy), model: opts.model };
      // A claim outlives the longest call a replica may be making for it: every attempt timing out, the longest waits between them.
      const claimTtlMs = (opts.retry.maxRetries + 1) * opts.timeoutMs + opts.retry.maxRetries * opts.retry.maxDelayMs;
      // Waiting stops after one call's timeout, under the gateway's for the whole tier call.
      const maxWaitMs = opts.timeoutMs;
      this.stored = new StoredAnswers(opts.store, {
        taxonomy: opts.taxonomy,
        current,
        promptVersion: PROMPT_VERSION,
        claimTtlMs,
        maxWaitMs,
        counters: this.counters,
        log: this.log,
        // An operator changed the store: what memory holds may be what they overruled.
        onOperatorChange: () => {
          this.counters.operatorRefreshes++;
          this.cache.clear();
        },
      });
    }
  }

  async close(): Promise<void> {
    await this.stored?.close();
  }

  isServing(): boolean {
    return this.disabledReason === undefined;
  }

  /** Called when isServing() changes (a decommissioned model, a refused key), for the health service. */
  onServingChange(listener: (serving: boolean) => void): void {
    this.servingListeners.push(listener);
  }

  stats(): Readonly<LlmStats & { cachedAnswers: number }> {
    return { ...this.counters, failuresByKind: { ...this.counters.failuresByKind }, cachedAnswers: this.cache.size };
  }

  describe(): DescribeResponse {
    return { tier: LLM_TIER, labels: [...this.opts.taxonomy.labels], model: `groq ${this.opts.model}`, maxBatchSize: this.opts.maxBatchSize };
  }

  async classify(records: readonly LogRecord[], options?: ClassifyOptions, signal?: AbortSignal): Promise<Classification[]> {
    // Once started, calls are not abandoned with the caller: their answers are paid for and fill the cache.
    if (signal?.aborted) throw new LogclassError('CANCELLED', 'llm: cancelled');
    return classifyNonEmpty(
      records,
      () => abstained(LLM_TIER, EMPTY_MESSAGE_REASON),
      async (nonEmpty) => {
        const results = await this.answerAll(nonEmpty);
        return nonEmpty.map((record, i) => this.toClassification(results[i], record, options));
      },
    );
  }

  /** One KeyResult per record: each distinct key asked at most once, the rest from cache, the store or a call in flight. */
  private async answerAll(records: readonly LogRecord[]): Promise<KeyResult[]> {
    if (this.disabledReason) {
      const failed = (this.disabledResult ??= this.failed(this.disabledReason));
      return records.map(() => failed);
    }
    // Without a cache or a store every row is its own question (index keys never repeat).
    const sharing = this.cache.enabled || this.stored !== undefined;
    const keys = records.map((r) => questionKey(r, this.opts.cacheKey));
    const ids = keys.map((key, i) => (sharing ? keyId(key) : String(i)));
    const byId = new Map<string, Promise<KeyResult>>();
    const toAsk: Question[] = [];
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) return;
      seen.add(id);
      const hit = this.cache.cached(id);
      if (hit) {
        this.counters.cacheHits++;
        byId.set(id, Promise.resolve(hit));
        return;
      }
      const shared = this.cache.inFlight(id);
      if (shared) {
        this.counters.sharedInFlight++;
        byId.set(id, shared);
        return;
      }
      this.counters.cacheMisses++;
      const suspect = this.instructionLines?.test(records[i].logMessage) ?? false;
      if (suspect) this.counters.instructionLines++;
      toAsk.push({ id, key: keys[i], record: records[i], suspect });
    });
    for (const [id, answer] of this.askAll(toAsk)) byId.set(id, this.cache.track(id, answer));
    const resolved = new Map<string, KeyResult>();
    await Promise.all([...byId].map(async ([id, p]) => resolved.set(id, await p)));
    const results = ids.map((id) => resolved.get(id) as KeyResult);
    if (this.stored) this.countRows(keys, ids, results);
    return results;
  }

  /** The pending answer of each question: through the store when there is one, else straight to Groq. */
  private askAll(questions: Question[]): Map<string, Promise<KeyResult>> {
    if (questions.length === 0) return new Map();
    if (this.stored) {
      const all = this.stored.answer(questions, (qs) => this.askChunks(qs));
      return new Map(questions.map((q) => [q.id, all.then((m) => m.get(q.id) ?? this.failed('llm: no answer (internal error)'))]));
    }
    const answers = this.askChunks(questions);
    return new Map(questions.map((q, i) => [q.id, answers.then((a) => a[i])]));
  }

  /**
   * messagesPerCall questions per call, the calls in parallel (the scheduler
   * bounds them); a line that looks like instructions gets a call of its own,
   * so it cannot speak for the lines it would have shared one with. Never rejects.
   */
  private async askChunks(questions: readonly Question[]): Promise<KeyResult[]> {
    const results = new Map<Question, Promise<KeyResult>>();
    const batched = questions.filter((q) => !q.suspect);
    for (const q of questions) if (q.suspect) results.set(q, this.askOne(q.record));
    for (let start = 0; start < batched.length; start += this.opts.messagesPerCall) {
      const chunk = batched.slice(start, start + this.opts.messagesPerCall);
      const answers = this.askChunk(chunk.map((q) => q.record));
      chunk.forEach((q, i) => results.set(q, answers.then((a) => a[i])));
    }
    return Promise.all(questions.map((q) => results.get(q) as Promise<KeyResult>));
  }

  /** Rows answered per stored template, for the review's "most rows first". */
  private countRows(keys: readonly TemplateKey[], ids: readonly string[], results: readonly KeyResult[]): void {
    const rows = new Map<string, { key: TemplateKey; rows: number }>();
    results.forEach((r, i) => {
      if (r.kind !== 'label' && r.kind !== 'none') return;
      const seen = rows.get(ids[i]);
      if (seen) seen.rows++;
      else rows.set(ids[i], { key: keys[i], rows: 1 });
    });
    for (const { key, rows: n } of rows.values()) this.stored?.countRows(key, n);
  }

  /** Several messages in one call when that works; a malformed batch answer is re-asked one message per call. Never rejects. */
  private async askChunk(records: readonly LogRecord[]): Promise<KeyResult[]> {
    if (records.length === 1) return [await this.askOne(records[0])];
    try {
      const canaryAt = this.opts.batchCanary ? randomInt(records.length + 1) : -1;
      const asked = canaryAt < 0 ? records : [...records.slice(0, canaryAt), canaryRecord(), ...records.slice(canaryAt)];
      const reply = await this.call(batchPrompt(this.opts.taxonomy, asked, this.opts.maxMessageChars));
      const parsed = parseBatchAnswer(reply, asked.length, this.opts.taxonomy);
      const call = { id: randomUUID(), records: records.length };
      if (parsed && canaryAt >= 0 && parsed[canaryAt].kind !== 'none') {
        // Something in the call made the model label nonsense: no answer of it is trusted.
        this.counters.canaryTrips++;
        this.log.warn({ records: records.length, canary: quoteAnswer(parsed[canaryAt].raw) }, 'batch canary labelled: asking one message per call');
        return Promise.all(records.map((r) => this.askOne(r)));
      }
      const answers = parsed && canaryAt >= 0 ? parsed.filter((_, i) => i !== canaryAt) : parsed;
      if (answers) return answers.map((a) => ({ ...a, call }));
      this.counters.batchFallbacks++;
      this.log.warn({ records: records.length, answer: quoteAnswer(reply) }, 'malformed batch answer: asking one message per call');
    } catch (err) {
      // A batch Groq refuses as a whole (e.g. past the context window) may still go through one message at a time.
      if (!(err instanceof ChatCallError && err.kind === 'bad-request')) return records.map(() => this.failure(err));
      this.counters.batchFallbacks++;
      this.log.warn({ records: records.length, reason: err.message }, 'batch refused: asking one message per call');
    }
    return Promise.all(records.map((r) => this.askOne(r)));
  }

  private async askOne(record: LogRecord): Promise<KeyResult> {
    try {
      const answer = parseSingleAnswer(await this.call(singleRecordPrompt(this.opts.taxonomy, record, this.opts.maxMessageChars)), this.opts.taxonomy);
      return { ...answer, call: { id: randomUUID(), records: 1 } };
    } catch (err) {
      return this.failure(err);
    }
  }

  private async call(messages: Parameters<ChatScheduler['complete']>[0]): Promise<string> {
    if (!this.scheduler) throw new ChatCallError('stopped', NO_API_KEY_REASON, false);
    return (await this.scheduler.complete(messages)).content;
  }

  /** A failed call: the rows abstain with the reason; a wrong model or key also takes the tier out of service. */
  private failure(err: unknown): KeyResult {
    if (!(err instanceof ChatCallError)) {
      this.log.error({ err }, 'llm call failed unexpectedly');
      return this.failed('llm call failed: internal error');
    }
    if (err.outOfService) this.disable(err);
    else if (err.kind !== 'stopped') this.log.warn({ kind: err.kind, status: err.status, reason: err.message }, 'llm call failed');
    return this.failed(this.disabledReason ?? err.message);
  }

  private disable(failure: ChatCallError): void {
    if (this.disabledReason) return;
    const reason =
      failure.kind === 'model-unavailable'
        ? `llm ${failure.message}; set ${this.settingNames.model} to a current Groq model`
        : `${failure.message}; check ${this.settingNames.apiKey}`;
    this.disabledReason = reason;
    this.scheduler?.stop(reason);
    this.log.error({ reason }, 'llm tier out of service until reconfigured');
    for (const listener of this.servingListeners) listener(false);
  }

  private failed(reason: string): KeyResult {
    return { kind: 'failed', reason };
  }

  private toClassification(result: KeyResult, record: LogRecord, options?: ClassifyOptions): Classification {
    const answer = this.answerOf(result);
    return options?.includeTemplate ? { ...answer, template: maskTemplate(record.logMessage) } : answer;
  }

  /**
   * The answer of a result, one frozen object for every row it answers (a result is shared by
   * every row of its key, and a disabled tier's by every row): the server then encodes it once.
   */
  private answerOf(result: KeyResult): Classification {
    let answer = this.answers.get(result);
    if (answer === undefined) this.answers.set(result, (answer = Object.freeze(this.resultFor(result))));
    return answer;
  }

  private resultFor(result: KeyResult): Classification {
    switch (result.kind) {
      case 'label':
        return decided(LLM_TIER, result.label, DECIDED_CONFIDENCE, `${whoAnswered(result.decidedBy)} ${quoteAnswer(result.raw)}`);
      case 'none':
        return abstained(LLM_TIER, `llm found no label that fits (${whoAnswered(result.decidedBy)} ${quoteAnswer(result.raw)})`);
      case 'not-in-taxonomy':
        return abstained(LLM_TIER, `llm answer not in taxonomy: ${quoteAnswer(result.raw)}`);
      case 'failed':
        return abstained(LLM_TIER, result.reason);
    }
  }
}

/** The start of a reason: a fresh answer, or one from the template-label store and who made it. */
function whoAnswered(decidedBy: string | undefined): string {
  if (decidedBy === undefined) return 'llm answered';
  if (decidedBy === OPERATOR) return 'template store (operator):';
  return `template store (${decidedBy}) answered`;
}
