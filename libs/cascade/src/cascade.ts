import type { Classification, ClassifyOptions, DescribeResponse, Label, LogRecord } from '@logclass/contract';
import { classifyNonEmpty, EMPTY_MESSAGE_REASON, isDecided, LogclassError, unclassified, type Classifier } from '@logclass/classifier';
import type { Logger } from '@logclass/observability';
import type { BreakerSettings } from './breaker-settings';
import { forEachConcurrently, inBatches } from './batches';
import { isBreakerOpen, tierFailureReason, undecidedReason, type Miss } from './reasons';
import { allTiersRouting, type RoutingPolicy } from './routing';
import { TierBreaker, type BreakerState } from './tier-breaker';

export interface CascadeTier {
  /** The name routing refers to ("regex", "embedding", "llm"). */
  name: string;
  classifier: Classifier;
  breaker: BreakerSettings;
}

export interface CascadeOptions {
  /** Tiers in cascade order: cheapest first. */
  tiers: CascadeTier[];
  /** Default: every source through every tier, in order. */
  routing?: RoutingPolicy;
  log: Logger;
  /** Records per call to a tier (default 512). Keep it at or below each tier's max batch size. */
  batchSize?: number;
  /** Batch calls to one tier in flight at once, per classify() call (default 4). */
  maxBatchesInFlight?: number;
}

export interface TierStatus {
  name: string;
  state: BreakerState;
  lastError?: string;
}

export type StateChangeListener = (tier: string, state: BreakerState) => void;

export const DEFAULT_BATCH_SIZE = 512;
export const DEFAULT_MAX_BATCHES_IN_FLIGHT = 4;

/**
 * The gateway's classifier: a classifier composed of classifiers. Each record
 * goes through the tiers its source is routed to, in order, until one
 * decides; what no tier decides comes back Unclassified with the reason.
 * A tier that fails, times out or has an open breaker is skipped for the
 * records of that batch, so classify() never rejects because of a tier: it
 * returns exactly one result per record, in input order.
 */
export class Cascade implements Classifier {
  readonly tier = 'gateway' as const;
  private readonly tiers: TierBreaker[];
  private readonly byName: Map<string, TierBreaker>;
  private readonly routing: RoutingPolicy;
  private readonly log: Logger;
  private readonly batchSize: number;
  private readonly maxBatchesInFlight: number;
  private readonly listeners: StateChangeListener[] = [];

  constructor(opts: CascadeOptions) {
    if (opts.tiers.length === 0) throw new Error('a cascade needs at least one tier');
    this.batchSize = positiveInt('batchSize', opts.batchSize ?? DEFAULT_BATCH_SIZE);
    this.maxBatchesInFlight = positiveInt('maxBatchesInFlight', opts.maxBatchesInFlight ?? DEFAULT_MAX_BATCHES_IN_FLIGHT);
    this.log = opts.log;
    this.tiers = opts.tiers.map(
      (t) => new TierBreaker(t.name, t.classifier, t.breaker, opts.log, (tier, _from, to) => this.notify(tier, to)),
    );
    this.byName = new Map(this.tiers.map((t) => [t.name, t]));
    if (this.byName.size !== this.tiers.length) throw new Error(`tier names must be unique: ${opts.tiers.map((t) => t.name).join(', ')}`);
    this.routing = opts.routing ?? allTiersRouting(this.tiers.map((t) => t.name));
  }

  async classify(records: readonly LogRecord[], options?: ClassifyOptions, signal?: AbortSignal): Promise<Classification[]> {
    throwIfCancelled(signal);
    // TODO(template-mask): when options.includeTemplate, fill `template` with maskTemplate() from
    // @logclass/template-mask once that lib exists; until then templates are whatever the tiers return.
    return classifyNonEmpty(
      records,
      () => unclassified(EMPTY_MESSAGE_REASON),
      (nonEmpty) => this.cascade(nonEmpty, options, signal),
    );
  }

  /**
   * Rounds: in each, every undecided record is at some step of its route;
   * records are grouped by the tier of that step and all tiers of the round
   * run at once (LegacyCRM's LLM batches alongside everyone's regex). A
   * round ends when all its batches are answered or skipped.
   */
  private async cascade(records: readonly LogRecord[], options: ClassifyOptions | undefined, signal?: AbortSignal): Promise<Classification[]> {
    const results: Array<Classification | undefined> = new Array(records.length);
    const misses: Miss[][] = records.map(() => []);
    const routes = this.routesOf(records);
    const step = new Array<number>(records.length).fill(0);
    let pending = records.map((_, i) => i);

    while (pending.length > 0) {
      const byTier = new Map<string, number[]>();
      for (const i of pending) {
        const tier = routes[i][step[i]];
        const group = byTier.get(tier);
        if (group) group.push(i);
        else byTier.set(tier, [i]);
      }
      await Promise.all(
        [...byTier].map(([tier, indices]) => this.runTier(this.tierNamed(tier), indices, records, options, signal, results, misses)),
      );
      throwIfCancelled(signal);

      const next: number[] = [];
      for (const i of pending) {
        if (results[i]) continue;
        step[i]++;
        if (step[i] < routes[i].length) next.push(i);
        else results[i] = unclassified(undecidedReason(misses[i]));
      }
      pending = next;
    }
    return results as Classification[];
  }

  /** Sends the given records to one tier in batches; fills `results` for what it decides, `misses` for the rest. */
  private async runTier(
    tier: TierBreaker,
    indices: readonly number[],
    records: readonly LogRecord[],
    options: ClassifyOptions | undefined,
    signal: AbortSignal | undefined,
    results: Array<Classification | undefined>,
    misses: Miss[][],
  ): Promise<void> {
    await forEachConcurrently(inBatches(indices, this.batchSize), this.maxBatchesInFlight, async (batch) => {
      if (signal?.aborted) return;
      let answers: Classification[];
      try {
        answers = await tier.classify(
          batch.map((i) => records[i]),
          options,
          signal,
        );
      } catch (err) {
        if (signal?.aborted) return; // the whole call is being cancelled; nothing to record
        const miss: Miss = { tier: tier.name, kind: 'failed', reason: tierFailureReason(tier.name, err) };
        if (isBreakerOpen(err)) this.log.debug({ tier: tier.name, records: batch.length }, 'breaker open: batch skips tier');
        else this.log.warn({ tier: tier.name, records: batch.length, reason: miss.reason, error: (err as Error).message }, 'tier call failed: batch skips tier');
        for (const i of batch) misses[i].push(miss);
        return;
      }
      answers.forEach((answer, j) => {
        const i = batch[j];
        if (isDecided(answer)) results[i] = answer.tier ? answer : { ...answer, tier: tier.name };
        else misses[i].push({ tier: tier.name, kind: 'abstained', reason: answer.reason });
      });
    });
  }

  private routesOf(records: readonly LogRecord[]): Array<readonly string[]> {
    const cache = new Map<string, readonly string[]>();
    return records.map((r) => {
      let route = cache.get(r.source);
      if (!route) {
        route = this.routing.tiersFor(r.source);
        // An empty route from a hand-written policy means the default: every tier in order.
        if (route.length === 0) route = this.tiers.map((t) => t.name);
        cache.set(r.source, route);
      }
      return route;
    });
  }

  private tierNamed(name: string): TierBreaker {
    const tier = this.byName.get(name);
    // parseRouting validates names; a hand-written RoutingPolicy might not.
    if (!tier) throw new Error(`routing names unknown tier "${name}"; tiers: ${[...this.byName.keys()].join(', ')}`);
    return tier;
  }

  tierStatus(): TierStatus[] {
    return this.tiers.map((t) => (t.lastError === undefined ? { name: t.name, state: t.state } : { name: t.name, state: t.state, lastError: t.lastError }));
  }

  onStateChange(listener: StateChangeListener): void {
    this.listeners.push(listener);
  }

  private notify(tier: string, state: BreakerState): void {
    for (const listener of this.listeners) {
      try {
        listener(tier, state);
      } catch (err) {
        this.log.error({ err, tier, state }, 'breaker state listener threw');
      }
    }
  }

  describe(): DescribeResponse {
    const labels = new Map<string, Label>();
    for (const t of this.tiers) for (const label of t.classifier.describe().labels) if (!labels.has(label.name)) labels.set(label.name, label);
    return {
      tier: this.tier,
      labels: [...labels.values()],
      model: `cascade: ${this.tiers.map((t) => `${t.name} (${t.classifier.describe().model})`).join(' > ')}`,
      maxBatchSize: this.batchSize,
    };
  }

  isServing(): boolean {
    return true; // always answers: at worst Unclassified with the reason
  }

  async close(): Promise<void> {
    for (const t of this.tiers) t.shutdown();
    await Promise.all(this.tiers.map((t) => t.classifier.close?.()));
  }
}

function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LogclassError('CANCELLED', 'classification cancelled');
}
