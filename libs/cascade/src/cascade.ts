import type { Classification, ClassifyOptions, DescribeResponse, Label, LogRecord } from '@logclass/contract';
import { classifyNonEmpty, EMPTY_MESSAGE_REASON, isEmptyMessage, unclassified, type Classifier } from '@logclass/classifier';
import type { Logger } from '@logclass/observability';
import { maskTemplate } from '@logclass/template-mask';
import { TemplateMiner, type MinedTemplate } from '@logclass/template-miner';
import type { BreakerSettings } from './breaker-settings';
import { followAbort, throwIfCancelled } from './abort';
import { CascadeRun, type UndecidedPolicy } from './cascade-run';
import { allTiersRouting, type RoutingPolicy } from './routing';
import { TierBatcher } from './tier-batcher';
import { TierBreaker, type BreakerState } from './tier-breaker';
import type { TierCallListener } from './tier-calls';
import type { TierFailure } from './tier-failure';

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
  /** Most records per call to a tier (default 2048); keep it at or below each tier's max batch size. */
  batchSize?: number;
  /** Calls to one tier in flight at once, shared by all classify() calls (default 4); see TierBatcher. */
  maxBatchesInFlight?: number;
  /** Records no tier decided: Unclassified (default), or a tier's best guess when one abstained with one. */
  undecided?: UndecidedPolicy;
  /**
   * Mines the template of every non-empty record of the requests that ask
   * for templates, and of every record sent to a tier of `templateTiers`
   * (it learns from those lines); `template` in results is its template.
   * Default: a fresh miner in memory.
   */
  templateMiner?: TemplateMiner;
  /**
   * Tiers whose records carry their mined template (LogRecord.template), so
   * the tier may key what it remembers by it: one LLM question per mined
   * template instead of one per deterministic mask. Only records that reach
   * such a tier are mined for it. Default: none.
   */
  templateTiers?: readonly string[];
}

export interface TierStatus {
  name: string;
  state: BreakerState;
  /** What the last failed call to the tier ran into (a category; the message went to the log). */
  lastFailure?: TierFailure;
}

export type StateChangeListener = (tier: string, state: BreakerState) => void;

/**
 * Records per tier call: the tiers' own MAX_BATCH_SIZE default. Every call costs
 * its tier a fixed share of CPU (framing, the call's bookkeeping), so fuller calls
 * cost fewer µs per row (BENCHMARKS.md, CPU per row: about a tenth less for the
 * whole system than at 2048).
 */
export const DEFAULT_BATCH_SIZE = 4096;
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
  private readonly byName: Map<string, TierBatcher>;
  private readonly routing: RoutingPolicy;
  private readonly log: Logger;
  private readonly batchSize: number;
  private readonly undecided: UndecidedPolicy;
  private readonly listeners: StateChangeListener[] = [];
  private readonly callListeners: TierCallListener[] = [];
  readonly templateMiner: TemplateMiner;
  private readonly templateTiers: ReadonlySet<string>;
  private miningFailed = false;

  constructor(opts: CascadeOptions) {
    if (opts.tiers.length === 0) throw new Error('a cascade needs at least one tier');
    this.batchSize = positiveInt('batchSize', opts.batchSize ?? DEFAULT_BATCH_SIZE);
    const maxBatchesInFlight = positiveInt('maxBatchesInFlight', opts.maxBatchesInFlight ?? DEFAULT_MAX_BATCHES_IN_FLIGHT);
    this.log = opts.log;
    this.undecided = opts.undecided ?? 'unclassified';
    this.templateMiner = opts.templateMiner ?? new TemplateMiner();
    this.templateTiers = new Set(opts.templateTiers ?? []);
    this.tiers = opts.tiers.map(
      (t) =>
        new TierBreaker(
          t.name,
          t.classifier,
          t.breaker,
          opts.log,
          (tier, _from, to) => this.notify(tier, to),
          (tier, result, seconds) => this.callListeners.forEach((listener) => listener(tier, result, seconds)),
        ),
    );
    this.byName = new Map(this.tiers.map((t) => [t.name, new TierBatcher(t, this.batchSize, maxBatchesInFlight, opts.log)]));
    if (this.byName.size !== this.tiers.length) throw new Error(`tier names must be unique: ${opts.tiers.map((t) => t.name).join(', ')}`);
    this.routing = opts.routing ?? allTiersRouting(this.tiers.map((t) => t.name));
  }

  async classify(records: readonly LogRecord[], options?: ClassifyOptions, signal?: AbortSignal): Promise<Classification[]> {
    throwIfCancelled(signal);
    // Templates are made here, once, the same way for every record (decided, unclassified or empty);
    // the tiers are not asked for theirs.
    const tierOptions = options?.includeTemplate ? { ...options, includeTemplate: false } : options;
    let mined: string[] = [];
    const results = await classifyNonEmpty(
      withoutCallerTemplates(records),
      () => unclassified(EMPTY_MESSAGE_REASON),
      async (nonEmpty) => {
        const cancel = followAbort(signal);
        try {
          // Each record is mined at most once per call, when a tier of templateTiers or the caller first needs it.
          const minedOf = new Array<MinedTemplate | undefined>(nonEmpty.length);
          // The masked lines, kept for the label keys of carried records: each line is masked once.
          const maskedOf = new Array<string>(nonEmpty.length);
          const mineAll = (indices: Iterable<number>): void => {
            for (const i of indices) minedOf[i] ??= this.mine(nonEmpty[i], maskedOf, i);
          };
          // A record's template is the one its id means once all of them are mined: the miner generalises as it
          // meets a template's lines, and the first lines of a call would otherwise carry (and key a tier's
          // answers by) templates the later lines have already replaced.
          const currentOf = (i: number): string => {
            const mined = minedOf[i] as MinedTemplate;
            return this.templateMiner.current(mined.id)?.template ?? mined.template;
          };
          // A tier keys its answers by what it is given: the template with the record's outcome states in it (labelKeyOf).
          const templatesOf = (indices: readonly number[]): string[] => {
            mineAll(indices);
            return indices.map((i) => this.templateMiner.labelKeyOf(currentOf(i), maskedOf[i]));
          };
          const carry = this.templateTiers.size > 0 ? { tiers: this.templateTiers, templatesOf } : undefined;
          const running = new CascadeRun(nonEmpty, tierOptions, cancel.signal, this.log, this.undecided, carry).run(this.routesOf(nonEmpty));
          // The first tier calls are out by now: mining (CPU in this process) overlaps their round trip.
          if (options?.includeTemplate) mineAll(nonEmpty.keys());
          const done = await running;
          throwIfCancelled(signal);
          if (options?.includeTemplate) mined = nonEmpty.map((_, i) => currentOf(i));
          return done;
        } finally {
          cancel.dispose();
        }
      },
    );
    if (!options?.includeTemplate) return results;
    let next = 0;
    // Empty messages were not mined: they keep the deterministic mask (classifyNonEmpty kept the others in order).
    return results.map((r, i) => ({ ...r, template: isEmptyMessage(records[i].logMessage) ? maskTemplate(records[i].logMessage) : mined[next++] }));
  }

  /**
   * The template `tier` would be given with this line now (the miner's
   * template for it, with the line's outcome states in it, as a call
   * carries it), without learning from the line; undefined when the tier
   * is not given templates (templateTiers). A line the miner would start a
   * new template with carries its own mask. An operator's correction of a
   * line is kept under this key too, so the tier finds it.
   */
  carriedTemplateOf(tier: string, source: string, logMessage: string): string | undefined {
    if (!this.templateTiers.has(tier) || isEmptyMessage(logMessage)) return undefined;
    const masked = this.templateMiner.masker.mask(logMessage, source);
    return this.templateMiner.labelKeyOf(this.templateMiner.matchMasked(masked)?.template ?? masked, masked);
  }

  /**
   * Only records a caller asks templates for, or that reach a tier of
   * templateTiers, are mined: a line costs the miner ~16 µs of this
   * process's CPU once its template is known and several times that while
   * learning, more than the gateway spends on the rest of a row. Should the
   * miner ever throw, the record gets the deterministic mask and the error
   * is logged once; classification goes on.
   */
  private mine(record: LogRecord, maskedOf: string[], i: number): MinedTemplate {
    try {
      maskedOf[i] = this.templateMiner.masker.mask(record.logMessage, record.source);
      return this.templateMiner.addMasked(maskedOf[i]);
    } catch (err) {
      if (!this.miningFailed) this.log.error({ err }, 'template miner threw: records get the deterministic mask');
      this.miningFailed = true;
      // No id: current() knows none, so the record keeps this mask.
      maskedOf[i] ??= this.templateMiner.masker.mask(record.logMessage, record.source);
      return { id: '', template: maskedOf[i] };
    }
  }

  /** Record indices grouped by the tiers (in order) their source is routed to. */
  private routesOf(records: readonly LogRecord[]): Map<readonly TierBatcher[], number[]> {
    const bySource = new Map<string, readonly TierBatcher[]>();
    const byRoute = new Map<string, readonly TierBatcher[]>();
    const groups = new Map<readonly TierBatcher[], number[]>();
    records.forEach((r, i) => {
      let route = bySource.get(r.source);
      if (!route) {
        let names = this.routing.tiersFor(r.source);
        // An empty route from a hand-written policy means the default: every tier in order.
        if (names.length === 0) names = this.tiers.map((t) => t.name);
        const key = names.join('\u0000');
        route = byRoute.get(key) ?? names.map((n) => this.tierNamed(n));
        byRoute.set(key, route);
        bySource.set(r.source, route);
      }
      const group = groups.get(route);
      if (group) group.push(i);
      else groups.set(route, [i]);
    });
    return groups;
  }

  private tierNamed(name: string): TierBatcher {
    const tier = this.byName.get(name);
    // parseRouting validates names; a hand-written RoutingPolicy might not.
    if (!tier) throw new Error(`routing names unknown tier "${name}"; tiers: ${[...this.byName.keys()].join(', ')}`);
    return tier;
  }

  tierStatus(): TierStatus[] {
    return this.tiers.map((t) => (t.lastFailure === undefined ? { name: t.name, state: t.state } : { name: t.name, state: t.state, lastFailure: t.lastFailure }));
  }

  onStateChange(listener: StateChangeListener): void {
    this.listeners.push(listener);
  }

  /** Told how every batch call to a tier ended (metrics); listeners must not throw. */
  onTierCall(listener: TierCallListener): void {
    this.callListeners.push(listener);
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

/**
 * A caller's records with any `template` dropped: only the gateway's miner
 * fills it, or a caller could make its lines share another template's key in
 * a tier's memory (and be answered, or answer others, with that template's
 * label). Copies only when some record has one.
 */
function withoutCallerTemplates(records: readonly LogRecord[]): readonly LogRecord[] {
  if (!records.some((r) => r.template)) return records;
  return records.map((r) => (r.template ? { source: r.source, logMessage: r.logMessage } : r));
}
