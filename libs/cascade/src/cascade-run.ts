import type { Classification, ClassifyOptions, LogRecord } from '@logclass/contract';
import { decided, isDecided, unclassified } from '@logclass/classifier';
import type { Logger } from '@logclass/observability';
import { bestGuessReason, tierFailureReason, undecidedReason, type Miss } from './reasons';
import type { SliceOutcome, TierBatcher } from './tier-batcher';

/**
 * What the cascade answers for a record no tier decided: Unclassified, or the
 * best guess a tier offered when it abstained (answered DECIDED, the reason
 * starting "best guess", the confidence the tier's probability).
 */
export type UndecidedPolicy = 'unclassified' | 'best-guess';

export const UNDECIDED_POLICIES: readonly UndecidedPolicy[] = ['unclassified', 'best-guess'];

/**
 * The miss of each frozen abstention. Tiers answer most rows with one shared,
 * frozen answer per rule or template (and the tier client decodes repeated
 * answers to one frozen object), so the rows a tier abstained on alike share
 * one Miss instead of allocating one each.
 */
const missOfAnswer = new WeakMap<Classification, Miss>();

/** Undecided results made once for the rows that missed alike: by policy, then by each of their misses in turn. */
interface UndecidedNode {
  result?: Classification;
  next?: WeakMap<Miss, UndecidedNode>;
}
const undecidedResults: Record<UndecidedPolicy, UndecidedNode> = { unclassified: {}, 'best-guess': {} };

/**
 * One classify() call through the cascade. Records are grouped by route
 * (the tiers their source is routed to); each route walks its tiers in
 * order independently, so LegacyCRM's slow LLM batches do not hold back the
 * other sources' embedding step. At each step ALL the route's undecided
 * records are submitted to the tier's batcher, which shares tier calls with
 * the other calls in flight. Results are written by record index, so input
 * order holds however the calls interleave.
 */
export class CascadeRun {
  private readonly results: Array<Classification | undefined>;
  /** Per record, why tiers did not decide it; filled only for records that reach a tier and are not decided. */
  private readonly misses: Array<Miss[] | undefined>;

  constructor(
    private readonly records: readonly LogRecord[],
    private readonly options: ClassifyOptions | undefined,
    private readonly signal: AbortSignal | undefined,
    private readonly log: Logger,
    private readonly undecided: UndecidedPolicy = 'unclassified',
    /** Tiers whose records carry their mined template, and the templates of records (each mined once, when first asked). */
    private readonly carry?: { tiers: ReadonlySet<string>; templatesOf: (records: readonly number[]) => string[] },
  ) {
    this.results = new Array(records.length);
    this.misses = new Array(records.length);
  }

  /**
   * Runs every route to its end; records nobody decided become Unclassified
   * with the reason. Complete unless the signal was aborted (the caller then
   * discards the results).
   */
  async run(routes: ReadonlyMap<readonly TierBatcher[], number[]>): Promise<Classification[]> {
    await Promise.all([...routes].map(([tiers, indices]) => this.runRoute(tiers, indices)));
    if (this.signal?.aborted) return [];
    return this.results.map((r, i) => {
      if (r) return r;
      // Unreachable by construction; if a bug ever leaves a hole, the record still comes back.
      this.log.error({ record: i }, 'cascade left a record without a result');
      return unclassified('internal error: no result');
    });
  }

  private async runRoute(tiers: readonly TierBatcher[], indices: number[]): Promise<void> {
    let pending = indices;
    for (const tier of tiers) {
      if (pending.length === 0 || this.signal?.aborted) return;
      await this.runTier(tier, pending);
      pending = pending.filter((i) => !this.results[i]);
    }
    for (const i of pending) this.results[i] = this.undecidedResult(this.misses[i] ?? []);
  }

  /**
   * The undecided result of a record that missed with `misses`: the same (frozen) object for
   * every record that missed with the same Miss objects, since it depends on nothing else;
   * building the reason per row was most of what an undecided row allocated.
   */
  private undecidedResult(misses: readonly Miss[]): Classification {
    let node = undecidedResults[this.undecided];
    for (const miss of misses) {
      const level = (node.next ??= new WeakMap());
      let child = level.get(miss);
      if (child === undefined) level.set(miss, (child = {}));
      node = child;
    }
    return (node.result ??= Object.freeze(this.makeUndecided(misses)));
  }

  /** Unclassified with the reason, or (best-guess) the most probable guess a tier offered when it abstained. */
  private makeUndecided(misses: readonly Miss[]): Classification {
    let guesser: Miss | undefined;
    if (this.undecided === 'best-guess') {
      for (const m of misses) if (m.bestGuess && (!guesser || m.bestGuess.confidence > (guesser.bestGuess?.confidence ?? 0))) guesser = m;
    }
    if (!guesser?.bestGuess) return unclassified(undecidedReason(misses));
    return decided(guesser.tier, guesser.bestGuess.label, guesser.bestGuess.confidence, bestGuessReason(guesser, misses));
  }

  /** Sends the records to one tier; fills `results` for what it decides, `misses` for the rest. */
  private runTier(batcher: TierBatcher, indices: readonly number[]): Promise<void> {
    const name = batcher.tier.name;
    const templates = this.carry?.tiers.has(name) ? this.carry.templatesOf(indices) : undefined;
    return batcher.submit(
      indices.map((i, k) => (templates ? { ...this.records[i], template: templates[k] } : this.records[i])),
      this.options,
      this.signal,
      (start, count, outcome: SliceOutcome) => {
        if (outcome.answers === undefined) {
          const miss: Miss = { tier: name, kind: 'failed', reason: tierFailureReason(name, outcome.error) };
          for (let j = start; j < start + count; j++) this.missed(indices[j], miss);
          return;
        }
        outcome.answers.forEach((answer, k) => {
          const i = indices[start + k];
          if (isDecided(answer)) this.results[i] = answer.tier ? answer : { ...answer, tier: name };
          else this.missed(i, abstention(name, answer));
        });
      },
    );
  }

  private missed(record: number, miss: Miss): void {
    const misses = this.misses[record];
    if (misses) misses.push(miss);
    else this.misses[record] = [miss];
  }
}

/** The Miss of a tier's abstention: shared by every row the tier answered with the same frozen answer. */
function abstention(tier: string, answer: Classification): Miss {
  const shared = missOfAnswer.get(answer);
  if (shared !== undefined && shared.tier === tier) return shared;
  // One shape for every abstention (a conditional spread per row cost more than the rest of the loop).
  const miss: Miss = { tier, kind: 'abstained', reason: answer.reason || 'abstained', bestGuess: answer.bestGuess ? { label: answer.bestGuess, confidence: answer.confidence } : undefined };
  if (Object.isFrozen(answer)) missOfAnswer.set(answer, miss);
  return miss;
}
