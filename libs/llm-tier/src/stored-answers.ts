import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { LogRecord } from '@logclass/contract';
import type { Logger } from '@logclass/observability';
import type { Taxonomy } from '@logclass/taxonomy';
import type { Currency, LlmDecision, TemplateKey, TemplateLabelEntry, TemplateLabelStore } from '@logclass/template-store';
import type { RecordAnswer } from './answer-parser';
import type { KeyResult } from './answer-cache';
import { keyId } from './cache-key';
import type { LlmStats } from './llm-stats';

/** A distinct question of a batch: its key, as a string and as the store's, and one record that asks it. */
export interface Question {
  readonly id: string;
  readonly key: TemplateKey;
  readonly record: LogRecord;
  /** The line looked like instructions to the model (it is asked alone). */
  readonly suspect?: boolean;
}

/** How often a replica looks for the answer to a template another replica is asking. */
const POLL_MS = 100;
/** Rows answered are added up in memory and written this often (lost on a crash: at most this much counting). */
const FLUSH_MS = 1000;
/** How often the store's operator revision is read: an operator's decision is served within about this long. */
export const OPERATOR_REVISION_POLL_MS = 1000;

export interface StoredAnswersOptions {
  taxonomy: Taxonomy;
  current: Currency;
  /** Recorded with every answer (the prompt's PROMPT_VERSION). */
  promptVersion: string;
  /** How long a claim holds before another replica may ask the same template: longer than a call with its retries. */
  claimTtlMs: number;
  /**
   * Longest wait for another replica's answer before asking here anyway (a
   * replica that died holding claims must not hold rows past the caller's timeout).
   */
  maxWaitMs: number;
  counters: LlmStats;
  log: Logger;
  /** Called when an operator confirmed, corrected or deleted an entry since the last look (any replica, the gateway's review). */
  onOperatorChange?: () => void;
}

/**
 * The LLM tier's side of the template-label store: answers stored by any
 * replica (or an operator) before Groq is asked, each template asked by one
 * replica at a time (the others wait for its answer), every answer recorded.
 * A failing store never fails rows: the tier then asks Groq as it would
 * without one, and counts the failure.
 */
export class StoredAnswers {
  private readonly owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private rows = new Map<string, { key: TemplateKey; rows: number }>();
  private readonly flushTimer: NodeJS.Timeout;
  private readonly revisionTimer: NodeJS.Timeout;
  /** The operator revision last read; undefined until the store answered once. */
  private revision: number | undefined;
  private closed = false;

  constructor(
    private readonly store: TemplateLabelStore,
    private readonly opts: StoredAnswersOptions,
  ) {
    this.flushTimer = setInterval(() => void this.flushRows(), FLUSH_MS);
    this.flushTimer.unref();
    this.revisionTimer = setInterval(() => void this.checkRevision(), OPERATOR_REVISION_POLL_MS);
    this.revisionTimer.unref();
    void this.checkRevision();
  }

  /**
   * One result per question: stored ones first; the questions this replica
   * claims are given to `ask` and recorded; those claimed elsewhere are
   * awaited, or asked here once that claim is released or expires.
   */
  async answer(questions: readonly Question[], ask: (questions: Question[]) => Promise<KeyResult[]>): Promise<Map<string, KeyResult>> {
    const results = new Map<string, KeyResult>();
    const asking: Array<Promise<void>> = [];
    let waiting = [...questions];
    const giveUpAt = Date.now() + this.opts.maxWaitMs;
    for (let round = 0; waiting.length > 0; round++) {
      if (round > 0) await new Promise((r) => setTimeout(r, POLL_MS));
      if (round > 0 && Date.now() >= giveUpAt) {
        this.opts.log.warn({ templates: waiting.length, waitedMs: this.opts.maxWaitMs }, 'template store: no answer from the replica asking; asking here too');
        asking.push(this.askAndRecord(waiting, ask, results));
        break;
      }
      const found = await this.lookup(waiting);
      for (const [id, answer] of found) results.set(id, answer);
      if (round === 0) this.opts.counters.storeHits += found.size;
      else this.opts.counters.storeShared += found.size;
      waiting = waiting.filter((q) => !found.has(q.id));
      if (waiting.length === 0) break;
      const mine = await this.claim(waiting);
      const toAsk = waiting.filter((q) => mine.has(q.id));
      if (toAsk.length > 0) asking.push(this.askAndRecord(toAsk, ask, results));
      waiting = waiting.filter((q) => !mine.has(q.id));
    }
    await Promise.all(asking);
    return results;
  }

  /** Counts rows answered for the review's "most rows first" (written every FLUSH_MS). */
  countRows(key: TemplateKey, rows: number): void {
    const id = keyId(key);
    const seen = this.rows.get(id);
    if (seen) seen.rows += rows;
    else this.rows.set(id, { key, rows });
  }

  async close(): Promise<void> {
    // The tier server and an in-process cascade may both close the classifier.
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.flushTimer);
    clearInterval(this.revisionTimer);
    await this.flushRows();
    await this.store.close();
  }

  private async askAndRecord(questions: Question[], ask: (questions: Question[]) => Promise<KeyResult[]>, results: Map<string, KeyResult>): Promise<void> {
    const answers = await ask(questions);
    questions.forEach((q, i) => results.set(q.id, answers[i]));
    const decisions: LlmDecision[] = [];
    questions.forEach((q, i) => {
      const decision = this.decisionOf(q, answers[i]);
      if (decision) decisions.push(decision);
    });
    // Recorded before the claims go, so that a replica waiting for them finds the answers.
    await this.guard('record', () => (decisions.length > 0 ? this.store.recordDecisions(decisions) : Promise.resolve()), undefined);
    await this.guard('release', () => this.store.release(questions.map((q) => q.key), this.owner), undefined);
  }

  /** Only real answers are kept: a label, or "none fits". Failures and answers outside the taxonomy are asked again next time. */
  private decisionOf(q: Question, answer: KeyResult): LlmDecision | undefined {
    if (answer.kind !== 'label' && answer.kind !== 'none') return undefined;
    return {
      ...q.key,
      label: answer.kind === 'label' ? answer.label : null,
      answer: answer.raw,
      exemplar: q.record.logMessage,
      taxonomyHash: this.opts.current.taxonomyHash,
      model: this.opts.current.model,
      provenance: { promptVersion: this.opts.promptVersion, callId: answer.call?.id ?? '', callRecords: answer.call?.records ?? 0, suspect: q.suspect ?? false },
    };
  }

  private async lookup(questions: readonly Question[]): Promise<Map<string, KeyResult>> {
    const entries = await this.guard('lookup', () => this.store.getCurrent(questions.map((q) => q.key), this.opts.current), []);
    const found = new Map<string, KeyResult>();
    for (const entry of entries) {
      const answer = this.answerOf(entry);
      if (answer) found.set(keyId(entry), answer);
    }
    return found;
  }

  /** The ids this replica is to ask; a store that cannot say leaves them all to it. */
  private async claim(questions: readonly Question[]): Promise<Set<string>> {
    const claimed = await this.guard('claim', () => this.store.claim(questions.map((q) => q.key), this.owner, this.opts.claimTtlMs), undefined);
    return new Set(claimed ? claimed.map(keyId) : questions.map((q) => q.id));
  }

  private answerOf(entry: TemplateLabelEntry): (RecordAnswer & { decidedBy: string }) | undefined {
    if (entry.label === null) return { kind: 'none', raw: entry.answer, decidedBy: entry.decidedBy };
    // The taxonomy hash matched, so the label is in it; an entry written by hand that is not is ignored.
    if (!this.opts.taxonomy.has(entry.label)) return undefined;
    return { kind: 'label', label: entry.label, raw: entry.answer, decidedBy: entry.decidedBy };
  }

  /** Tells the tier to forget what it holds in memory when an operator changed the store. */
  private async checkRevision(): Promise<void> {
    if (this.closed) return;
    let revision: number;
    try {
      revision = await this.store.operatorRevision();
    } catch (err) {
      // Not counted as a store error: a store that is down says so on every lookup already, this would only add one a second.
      this.opts.log.debug({ err: (err as Error).message }, 'template store: operator revision unread');
      return;
    }
    if (this.revision !== undefined && revision !== this.revision) this.opts.onOperatorChange?.();
    this.revision = revision;
  }

  private async flushRows(): Promise<void> {
    if (this.rows.size === 0) return;
    const counts = [...this.rows.values()].map((c) => ({ ...c.key, rows: c.rows }));
    this.rows = new Map();
    await this.guard('count rows', () => this.store.addRowsAnswered(counts), undefined);
  }

  private async guard<T>(what: string, work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (err) {
      this.opts.counters.storeErrors++;
      this.opts.log.warn({ err: (err as Error).message, backend: this.store.backend }, `template store ${what} failed: asking Groq as without a store`);
      return fallback;
    }
  }
}
