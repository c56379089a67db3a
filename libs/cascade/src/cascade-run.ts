import type { Classification, ClassifyOptions, LogRecord } from '@logclass/contract';
import { AdmissionQueue, isDecided, unclassified } from '@logclass/classifier';
import type { Logger } from '@logclass/observability';
import { inBatches } from './batches';
import { isBreakerOpen, tierFailureReason, undecidedReason, type Miss } from './reasons';
import type { TierBreaker } from './tier-breaker';

export interface RunLimits {
  batchSize: number;
  maxBatchesInFlight: number;
}

/**
 * One classify() call through the cascade. Records are grouped by route
 * (the tier list their source is routed to); each route walks its tiers in
 * order independently, so LegacyCRM's slow LLM batches do not hold back the
 * other sources' embedding step. At each step ALL the route's undecided
 * records go to the tier, re-batched to full batches. Batch calls to one tier
 * share a limit of `maxBatchesInFlight` for the whole call, whatever the
 * route. Results are written by record index, so input order holds however
 * the calls interleave.
 */
export class CascadeRun {
  private readonly results: Array<Classification | undefined>;
  private readonly misses: Miss[][];
  private readonly slots = new Map<TierBreaker, AdmissionQueue>();

  constructor(
    private readonly records: readonly LogRecord[],
    private readonly options: ClassifyOptions | undefined,
    private readonly signal: AbortSignal | undefined,
    private readonly limits: RunLimits,
    private readonly log: Logger,
  ) {
    this.results = new Array(records.length);
    this.misses = records.map(() => []);
  }

  /**
   * Runs every route to its end; records nobody decided become Unclassified
   * with the reason. Complete unless the signal was aborted (the caller then
   * discards the results).
   */
  async run(routes: ReadonlyMap<readonly TierBreaker[], number[]>): Promise<Classification[]> {
    await Promise.all([...routes].map(([tiers, indices]) => this.runRoute(tiers, indices)));
    if (this.signal?.aborted) return [];
    return this.results.map((r, i) => {
      if (r) return r;
      // Unreachable by construction; if a bug ever leaves a hole, the record still comes back.
      this.log.error({ record: i }, 'cascade left a record without a result');
      return unclassified('internal error: no result');
    });
  }

  private async runRoute(tiers: readonly TierBreaker[], indices: number[]): Promise<void> {
    let pending = indices;
    for (const tier of tiers) {
      if (pending.length === 0 || this.signal?.aborted) return;
      await this.runTier(tier, pending);
      pending = pending.filter((i) => !this.results[i]);
    }
    for (const i of pending) this.results[i] = unclassified(undecidedReason(this.misses[i]));
  }

  /** Sends the records to one tier in batches; fills `results` for what it decides, `misses` for the rest. */
  private async runTier(tier: TierBreaker, indices: readonly number[]): Promise<void> {
    const slots = this.slotsFor(tier);
    await Promise.all(inBatches(indices, this.limits.batchSize).map((batch) => slots.run(() => this.runBatch(tier, batch))));
  }

  private async runBatch(tier: TierBreaker, batch: readonly number[]): Promise<void> {
    if (this.signal?.aborted) return;
    let answers: Classification[];
    try {
      answers = await tier.classify(
        batch.map((i) => this.records[i]),
        this.options,
        this.signal,
      );
    } catch (err) {
      if (this.signal?.aborted) return; // the whole call is being cancelled; nothing to record
      const miss: Miss = { tier: tier.name, kind: 'failed', reason: tierFailureReason(tier.name, err) };
      if (isBreakerOpen(err)) this.log.debug({ tier: tier.name, records: batch.length }, 'breaker open: batch skips tier');
      else this.log.warn({ tier: tier.name, records: batch.length, reason: miss.reason, error: (err as Error).message }, 'tier call failed: batch skips tier');
      for (const i of batch) this.misses[i].push(miss);
      return;
    }
    answers.forEach((answer, j) => {
      const i = batch[j];
      if (isDecided(answer)) this.results[i] = answer.tier ? answer : { ...answer, tier: tier.name };
      else this.misses[i].push({ tier: tier.name, kind: 'abstained', reason: answer.reason || 'abstained' });
    });
  }

  private slotsFor(tier: TierBreaker): AdmissionQueue {
    let slots = this.slots.get(tier);
    if (!slots) {
      // An unbounded wait list: every batch of this call is already in memory, the queue only paces them.
      slots = new AdmissionQueue(`${tier.name} batches`, this.limits.maxBatchesInFlight, Number.MAX_SAFE_INTEGER);
      this.slots.set(tier, slots);
    }
    return slots;
  }
}
