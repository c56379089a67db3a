import { MASK_VERSION } from '@logclass/template-mask';
import { LineMasker } from './line-masker';
import { NO_MASK_RULES, type MaskRuleSet } from './mask-rules';
import { DEFAULT_MEANING_WORDS, meaningWordTest } from './meaning-words';
import { minedTemplateId } from './mined-id';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, checkSnapshot, type MinerSnapshot } from './snapshot';
import { fitsGap, gapAnchors, isGapCapable, MAX_EXTRA_TOKENS } from './gap-slots';
import { GapIndex } from './gap-index';
import { isSlotPair } from './slot-pairs';
import { fitSpan, spanOpener, spanOpeners, type SpanFit, type SpanOpener } from './span-slots';
import { isConstantPair, isStateValueAt, withLineConstants } from './constant-values';
import { areOtherFields, CONSTANT_SHAPED, isBareValue, isJsonEnvelopeField, isSameStatusClass, isStatusPair, isValueShaped, MAY_ACCEPT, shapeOf, STATUS_SHAPED, VALUE_SHAPED, WORDING, type StatusPairTest, type TemplateShape } from './template-shape';
import { generalise, isWildcard, tokenise, WILDCARD, wildcardAccepts } from './tokens';
import { WordingIndex } from './wording-index';

export interface MinerOptions {
  /** Share of a cluster's non-wildcard positions a line must equal to join it. Default 0.6. */
  similarity?: number;
  /**
   * Distinct tokens a position must show, among lines that otherwise fit a
   * template, before it becomes a wildcard. Below it a line with another
   * token there starts a sibling template: a variable takes many values, a
   * template's own wording few ("Accepted password" / "Accepted publickey").
   * 2 generalises at the first difference, as Drain does. Default 3: real
   * templates often show a variable only a few times; two values that look
   * like values (isSlotPair) are a slot at once whatever this says.
   */
  variableAfter?: number;
  /** Templates kept; the least recently seen is evicted past it. Default 50,000. */
  maxClusters?: number;
  /** Old ids remembered as aliases of current ones (oldest forgotten first). Default 4 x maxClusters. */
  maxAliases?: number;
  /** Words whose position is never generalised (default DEFAULT_MEANING_WORDS). */
  meaningWords?: readonly string[];
  /**
   * HTTP statuses of different classes (`200` / `503`) start different
   * templates; within a class the code varies. Default false: a status is a
   * value of its template (`"GET <*>" status: <*>`), as log-parsing ground
   * truths and Drain-style miners count it. The deterministic mask
   * (maskTemplate), which the tiers' caches are keyed by unless told
   * otherwise, keeps statuses either way.
   */
  statusClassesApart?: boolean;
  /** Extra per-source masks applied before maskTemplate. */
  maskRules?: MaskRuleSet;
  /** Called when a template's id is replaced (it generalised, or merged into an equal template). */
  onMerged?: (oldId: string, newId: string, template: string) => void;
}

export interface AbsorbOptions {
  /** Add the other miner's counts to this one's (default true); false keeps this miner's counts, a template new here counting 0. */
  addCounts?: boolean;
}

export interface MinedTemplate {
  /** Content-addressed: minedTemplateId(template). */
  readonly id: string;
  readonly template: string;
}

export interface MineResult extends MinedTemplate {
  /** created: a new template; matched: an existing one, unchanged; generalised: an existing one that now has more wildcards (its id changed). */
  readonly change: 'created' | 'matched' | 'generalised';
  /** The template's id before this line generalised it. */
  readonly previousId?: string;
}

/**
 * The templates of one token count, indexed by the wording they hold at
 * each position: a line is compared with the templates that share the most
 * words with it at the same places, wherever its first word is a value or a
 * header (`<TS> <HOST> sshd[<NUM>]:`), instead of with every template of its
 * count or only those with its first word.
 */
interface TokenCountNode {
  readonly wording: WordingIndex<Cluster>;
  /** Those that may take a gap (gap-slots.ts), by their anchors. */
  readonly gaps: GapIndex<Cluster>;
  /** Templates with no wording (all wildcards and placeholders): no word finds them, so every line of the count is compared with them. */
  readonly unworded: Set<Cluster>;
}

interface Cluster {
  id: string;
  text: string;
  tokens: string[];
  /** Of `tokens`: replaced whenever they are. */
  shape: TemplateShape;
  count: number;
  /** Distinct tokens seen so far at positions that are not wildcards yet (only positions where lines differed). */
  seen: Map<number, Set<string>>;
  /** The position that is a variable-length slot and what opens it (span-slots.ts); such a template is found by its opener only, not by token count. */
  span?: SpanOpener;
}

/** Templates looked at per opener key of a line: a span joins the template that keeps the most wording. */
const SPAN_CANDIDATES = 64;

/**
 * Templates a line is compared with: those sharing the most wording with it.
 * The most similar template shares the most words with the line but for
 * wildcards and value-shaped slots, which do not count either way.
 */
const CANDIDATES_SCORED = 32;

interface Best {
  cluster: Cluster | undefined;
  score: number;
}

/**
 * An online, Drain-style template miner. Each line is masked (LineMasker),
 * split into tokens and compared with the templates of its token count that
 * share the most wording with it (see TokenCountNode); it joins the most
 * similar one when the share of
 * equal non-wildcard positions reaches `similarity`, and the positions that
 * differ become `<*>`. A position where either token is a meaning word
 * (levels, outcomes, status codes) is never generalised: such a line starts
 * its own template instead. A line a few tokens longer than a template
 * joins it when one of its wildcards can take the extra tokens as one name
 * (gap-slots.ts), and a `key=` value running to the end of the line is one
 * variable-length slot (span-slots.ts).
 *
 * Ids are content-addressed (minedTemplateId): the same template has the
 * same id in every process. When a template generalises its id changes; the
 * old id is kept as an alias (aliases(), resolve(), onMerged) so a store
 * keyed by id can follow. Memory is bounded (maxClusters, LRU; maxAliases)
 * and the state round-trips through snapshot()/restore().
 */
export class TemplateMiner {
  readonly masker: LineMasker;
  private readonly similarity: number;
  private readonly variableAfter: number;
  private readonly maxClusters: number;
  private readonly maxAliases: number;
  private readonly isMeaning: (token: string) => boolean;
  private readonly sameStatus: StatusPairTest;
  private readonly onMerged?: MinerOptions['onMerged'];
  private readonly roots = new Map<number, TokenCountNode>();
  /** Templates by the openers of their tokens (every opener of a template without a span; its span's opener of one with). */
  private readonly byOpener = new Map<string, Set<Cluster>>();
  /** Live templates by id, least recently seen first. */
  private readonly live = new Map<string, Cluster>();
  private readonly byText = new Map<string, Cluster>();
  /**
   * Masked lines and the template they joined then (bounded: 2 x maxClusters,
   * oldest forgotten first). A template evicted or merged away stays in
   * memory while a line here still names it: at most 2 x maxClusters of them.
   */
  private readonly seenLines = new Map<string, Cluster>();
  /** Old id -> current id, oldest first; and its reverse. */
  private readonly aliasOf = new Map<string, string>();
  private readonly aliasesOf = new Map<string, Set<string>>();

  constructor(options: MinerOptions = {}) {
    this.similarity = options.similarity ?? 0.6;
    this.variableAfter = Math.max(2, Math.floor(options.variableAfter ?? 3));
    this.maxClusters = Math.max(1, options.maxClusters ?? 50_000);
    this.maxAliases = Math.max(0, options.maxAliases ?? 4 * this.maxClusters);
    this.isMeaning = meaningWordTest(options.meaningWords ?? DEFAULT_MEANING_WORDS);
    this.sameStatus = options.statusClassesApart ? isSameStatusClass : isStatusPair;
    this.onMerged = options.onMerged;
    this.masker = new LineMasker(options.maskRules ?? NO_MASK_RULES);
  }

  /** Templates held. */
  get size(): number {
    return this.live.size;
  }

  /** Learns from one line and returns its template as of now. */
  add(message: string, source?: string): MineResult {
    return this.addMasked(this.masker.mask(message, source));
  }

  /** add() of a line its caller has masked already with this miner's masker (masker.mask), which it keeps for labelKeyOf. */
  addMasked(masked: string): MineResult {
    // Remembered lines first: on a stream the miner has learnt, nearly every line is one (a template's own text is one only when it has no wildcard).
    const same = this.remembered(masked) ?? this.byText.get(masked);
    if (same) return this.matched(same);
    const result = this.learn(masked);
    // Remembered even when it started a template: once that template generalises, its text no longer finds it.
    const joined = this.live.get(result.id);
    if (joined) this.remember(masked, joined);
    return result;
  }

  private learn(masked: string): MineResult {
    const tokens = tokenise(masked);
    const best = this.findCluster(tokens);
    if (!best) return this.joinSpan(tokens) ?? this.joinGap(tokens) ?? this.create(tokens, masked);
    const differing = this.differingPositions(best.tokens, tokens);
    if (differing.length === 0) return this.matched(best);
    const generalised = this.keepsWording(best.tokens, this.variablePositions(best, tokens, differing));
    if (generalised.length < differing.length) {
      // Not this template as it stands: a template with a variable-length slot may hold the line whole.
      const spanned = this.joinSpan(tokens) ?? this.joinGap(tokens);
      if (spanned) return spanned;
    }
    const previousId = best.id;
    const target = generalised.length > 0 ? this.generalise(best, tokens, generalised) : best;
    if (generalised.length === differing.length) {
      target.count++;
      this.touch(target);
      return target.id === previousId ? { id: target.id, template: target.text, change: 'matched' } : { id: target.id, template: target.text, change: 'generalised', previousId };
    }
    // Some differing position has not shown enough values to be a variable: the line is a sibling template for now.
    const sibling = tokens.map((token, i) => (wildcardAccepts(target.tokens[i], token) === true ? target.tokens[i] : token));
    const text = sibling.join('');
    const existing = this.byText.get(text);
    if (existing) return this.matched(existing);
    const created = this.create(sibling, text);
    // The sibling counts on from what its template saw, so the next different token is counted once, whichever of the two a line is closer to.
    const child = this.live.get(created.id);
    if (child) for (const [i, values] of target.seen) child.seen.set(i, new Set(values));
    return created;
  }

  /**
   * The template a masked line joined before, if it still exists (through
   * aliases: a template only ever grows to cover more lines). Real streams
   * repeat masked lines; this skips the search for them.
   */
  private remembered(masked: string): Cluster | undefined {
    const cluster = this.seenLines.get(masked);
    if (cluster === undefined) return undefined;
    // A template that generalised is the same object under a new id; one merged into another left its id as an alias.
    if (this.live.get(cluster.id) === cluster) return cluster;
    const current = this.live.get(this.resolve(cluster.id));
    if (current) this.seenLines.set(masked, current);
    else this.seenLines.delete(masked);
    return current;
  }

  private remember(masked: string, cluster: Cluster): void {
    // The oldest line goes, not all of them: clearing the lot would send every line whose template has since generalised back to the search at once.
    if (this.seenLines.size >= this.maxClusters * 2) this.seenLines.delete(this.seenLines.keys().next().value as string);
    this.seenLines.set(masked, cluster);
  }

  /**
   * The key a tier that is given the template decides a line's label by
   * (`masked`: the line as masker.mask gave it, what addMasked took):
   * the template with the line's outcome states back in it (withLineConstants
   * of the constants that are meaning words: `to FAILED`, `state=KILLED`),
   * so that a failed task is not given the label of a running one. States
   * that carry no outcome (`NEW`, `RUNNING`, `MEMORY`) stay pooled, as with
   * the template: restoring every constant kept the corpus's label purity
   * by this key at 99.3% instead of 99.2% (as generated) but cost 1.20 LLM
   * calls per true template instead of 1.10 (evaluate-grouping.ts).
   */
  labelKeyOf(template: string, masked: string): string {
    return withLineConstants(template, masked, this.isMeaning);
  }

  /** The template a line would join, without learning from it; undefined when it would start a new one. */
  match(message: string, source?: string): MinedTemplate | undefined {
    return this.matchMasked(this.masker.mask(message, source));
  }

  /** match() of a line its caller has masked already with this miner's masker (masker.mask), as addMasked is add()'s. */
  matchMasked(masked: string): MinedTemplate | undefined {
    let cluster = this.remembered(masked) ?? this.byText.get(masked);
    if (!cluster) {
      const tokens = tokenise(masked);
      cluster = this.findCluster(tokens) ?? this.bestSpanFit(tokens)?.cluster ?? this.gapFit(tokens);
    }
    return cluster && { id: cluster.id, template: cluster.text };
  }

  /** The current id of a template id that may since have generalised (itself when it is live or unknown). */
  resolve(id: string): string {
    if (this.live.has(id)) return id;
    return this.aliasOf.get(id) ?? id;
  }

  /**
   * The template an id means now (it may have generalised or merged since
   * it was given out); undefined when it was forgotten (evicted) or never
   * held.
   */
  current(id: string): MinedTemplate | undefined {
    const cluster = this.live.get(this.resolve(id));
    return cluster && { id: cluster.id, template: cluster.text };
  }

  /** Older ids that now mean this template. */
  aliases(id: string): string[] {
    return [...(this.aliasesOf.get(id) ?? [])];
  }

  /** The templates held, least recently seen first. */
  *templates(): IterableIterator<MinedTemplate & { count: number }> {
    for (const c of this.live.values()) yield { id: c.id, template: c.text, count: c.count };
  }

  /** The whole state as plain JSON (versioned); restore() reads it back. */
  snapshot(): MinerSnapshot {
    return {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      maskVersion: MASK_VERSION,
      maskRulesSha256: this.masker.rules.sha256,
      templates: [...this.live.values()].map((c) => ({
        template: c.text,
        count: c.count,
        seen: [...c.seen].map(([i, values]): [number, string[]] => [i, [...values]]),
        ...(c.span && { span: c.span.at }),
      })),
      aliases: [...this.aliasOf.entries()],
    };
  }

  /**
   * Learns another miner's templates (its snapshot(), made with the same
   * mask version and rules) as if it had seen lines of each: a position the
   * other miner generalised is a slot here at once, a template it holds that
   * fits none here is added as it is (with the same content-addressed id).
   * Its counts are added to this miner's (absorbing one snapshot twice
   * counts its lines twice) unless `addCounts` is false: then templates
   * keep this miner's own counts and one it had not seen counts 0, so a
   * replica can absorb its peers' snapshots over and over. Two replicas
   * that absorb each other's snapshots end with the generalisations both
   * learnt, so they give more of their lines the same id. Throws
   * SnapshotError as restore() does.
   */
  absorb(snapshot: unknown, options: AbsorbOptions = {}): void {
    for (const _ of this.absorbing(snapshot, options)) {
      // absorbing() does the work between its steps.
    }
  }

  /**
   * absorb() a step at a time: the snapshot is checked before the first
   * step, and each step absorbs up to `perStep` templates, so a caller on an
   * event loop can let other work run between steps. Throws SnapshotError
   * from the first step when the snapshot is not usable.
   */
  *absorbing(snapshot: unknown, { addCounts = true, perStep = Number.POSITIVE_INFINITY }: AbsorbOptions & { perStep?: number } = {}): Generator<void> {
    const checked = checkSnapshot(snapshot, { maskVersion: MASK_VERSION, maskRulesSha256: this.masker.rules.sha256 });
    let inStep = 0;
    for (const t of checked.templates) {
      if (inStep++ === perStep) {
        yield;
        inStep = 1;
      }
      const same = this.byText.get(t.template);
      if (same) {
        if (addCounts) same.count += t.count;
        continue;
      }
      // learn() counts the template as one line of the template it joins or makes.
      const result = this.learn(t.template);
      const held = this.live.get(result.id);
      if (held) held.count += (addCounts ? t.count : 0) - 1;
    }
  }

  /**
   * A miner holding a snapshot's state. Throws SnapshotError when the
   * snapshot is not one, or was mined with another mask version, other mask
   * rules: its templates would not be what this miner makes.
   */
  static restore(snapshot: unknown, options: MinerOptions = {}): TemplateMiner {
    const miner = new TemplateMiner(options);
    const checked = checkSnapshot(snapshot, { maskVersion: MASK_VERSION, maskRulesSha256: miner.masker.rules.sha256 });
    for (const t of checked.templates) {
      if (miner.byText.has(t.template)) continue;
      const tokens = tokenise(t.template);
      const cluster = miner.insert(tokens, t.template, t.count, t.span === undefined ? undefined : spanOpener(tokens, t.span));
      for (const [i, values] of t.seen) cluster.seen.set(i, new Set(values));
    }
    for (const [oldId, newId] of checked.aliases) miner.recordAlias(oldId, newId);
    return miner;
  }

  private matched(cluster: Cluster): MineResult {
    cluster.count++;
    this.touch(cluster);
    return { id: cluster.id, template: cluster.text, change: 'matched' };
  }

  private create(tokens: string[], text: string): MineResult {
    const cluster = this.insert(tokens, text, 1);
    // Longer templates seen first whose extra tokens this one's slots take (gap-slots.ts) join it, as when a template generalises.
    this.absorbGapCovered(cluster);
    this.evictOverCap();
    return { id: cluster.id, template: text, change: 'created' };
  }

  private nodeFor(tokenCount: number): TokenCountNode {
    let node = this.roots.get(tokenCount);
    if (!node) this.roots.set(tokenCount, (node = { wording: new WordingIndex(), gaps: new GapIndex(), unworded: new Set() }));
    return node;
  }

  private insert(tokens: string[], text: string, count: number, span?: SpanOpener): Cluster {
    const cluster: Cluster = { id: minedTemplateId(text), text, tokens, shape: shapeOf(tokens), count, seen: new Map(), span };
    this.index(cluster);
    this.live.set(cluster.id, cluster);
    this.byText.set(text, cluster);
    this.forgetAlias(cluster.id);
    return cluster;
  }

  /** Indexes a template by token count and wording, and by its openers; one with a span by its span's opener only. */
  private index(cluster: Cluster): void {
    for (const key of this.openerKeys(cluster)) {
      let set = this.byOpener.get(key);
      if (!set) this.byOpener.set(key, (set = new Set()));
      set.add(cluster);
    }
    if (cluster.span) return;
    const node = this.nodeFor(cluster.tokens.length);
    node.wording.add(cluster, cluster.tokens, cluster.shape.marks);
    if (isGapCapable(cluster.text, cluster.shape.wording)) node.gaps.add(cluster, cluster.tokens, cluster.shape.marks);
    if (cluster.shape.wording === 0) node.unworded.add(cluster);
  }

  private unindex(cluster: Cluster): void {
    for (const key of this.openerKeys(cluster)) {
      const set = this.byOpener.get(key);
      set?.delete(cluster);
      if (set?.size === 0) this.byOpener.delete(key);
    }
    if (cluster.span) return;
    const node = this.roots.get(cluster.tokens.length);
    if (!node) return;
    node.wording.remove(cluster, cluster.tokens, cluster.shape.marks);
    if (isGapCapable(cluster.text, cluster.shape.wording)) node.gaps.remove(cluster, cluster.tokens, cluster.shape.marks);
    node.unworded.delete(cluster);
    if (node.wording.size === 0) this.roots.delete(cluster.tokens.length);
  }

  private openerKeys(cluster: Cluster): string[] {
    return cluster.span ? [cluster.span.key] : spanOpeners(cluster.tokens).map((o) => o.key);
  }

  /**
   * The positions that may become wildcards without the template losing
   * most of its wording: at most half of its tokens that are neither bare
   * placeholders nor a JSON key alone or with a masked value (`"message": `,
   * `"time":<NUM>,`: isJsonEnvelopeField) may be wildcards.
   * Without it, templates that share a long envelope (a JSON logger's keys)
   * pool their message words position by position until one template of
   * wildcards holds them all; counting the keys as wording let a six-word
   * message go whole (lines of two labels in one template, as generated).
   */
  private keepsWording(template: readonly string[], positions: number[]): number[] {
    if (positions.length === 0) return positions;
    let words = 0;
    let wildcards = 0;
    for (let i = 0; i < template.length; i++) {
      if (isWildcard(template[i]) || positions.includes(i)) wildcards++;
      else if (!isBareValue(template[i]) && !isJsonEnvelopeField(template[i])) words++;
    }
    return wildcards > words ? [] : positions;
  }

  /** Records the line's tokens at the differing positions; returns those that have now shown enough distinct tokens to be variables. */
  private variablePositions(cluster: Cluster, tokens: readonly string[], differing: readonly number[]): number[] {
    const variables: number[] = [];
    for (const i of differing) {
      let values = cluster.seen.get(i);
      if (!values) cluster.seen.set(i, (values = new Set([cluster.tokens[i]])));
      values.add(tokens[i]);
      // A masked value against another value or a lone word (<ID> and <NUM>, <ID> and root): the masker already said it is a slot.
      // A wildcard in the line is another miner's generalisation (absorb): that miner saw the position vary.
      if (values.size >= this.variableAfter || isSlotPair(cluster.tokens[i], tokens[i], this.sameStatus) || tokens[i].includes(WILDCARD)) variables.push(i);
    }
    return variables;
  }

  /**
   * Turns the given positions of a template into wildcards. Its id changes
   * (the old one becomes an alias); siblings in its leaf that the new
   * template now covers, or a template elsewhere with the same text, merge
   * into it. Returns the template that holds the line's group now.
   */
  private generalise(cluster: Cluster, tokens: readonly string[], positions: readonly number[]): Cluster {
    const generalised = [...cluster.tokens];
    for (const i of positions) {
      generalised[i] = generalise(cluster.tokens[i], tokens[i]);
      cluster.seen.delete(i);
    }
    const text = generalised.join('');
    // A wildcard whose delimiters the line does not share (`<*>,` against `x `) generalises to itself: nothing changes, and looking the text up would find the template itself and remove it.
    if (text === cluster.text) return cluster;
    const previousId = cluster.id;
    let target = this.byText.get(text);
    if (target) {
      // Generalised into a template the miner already holds: one template, one id.
      target.count += cluster.count;
      this.remove(cluster);
    } else {
      this.byText.delete(cluster.text);
      this.live.delete(previousId);
      this.unindex(cluster);
      cluster.id = minedTemplateId(text);
      cluster.text = text;
      cluster.tokens = generalised;
      cluster.shape = shapeOf(generalised);
      this.index(cluster);
      this.live.set(cluster.id, cluster);
      this.byText.set(text, cluster);
      this.forgetAlias(cluster.id);
      target = cluster;
    }
    this.recordAlias(previousId, target.id);
    this.onMerged?.(previousId, target.id, target.text);
    this.absorbCovered(target);
    this.absorbGapCovered(target);
    return target;
  }

  /** Templates of its token count whose every position the template now accepts join it. */
  private absorbCovered(template: Cluster): void {
    const node = this.roots.get(template.tokens.length);
    if (!node) return;
    for (const other of node.wording.holdingAll(template.tokens, template.shape.marks)) {
      if (other === template || !this.covers(template.tokens, other.tokens)) continue;
      template.count += other.count;
      for (const [i, values] of other.seen) {
        if (isWildcard(template.tokens[i])) continue;
        const mine = template.seen.get(i);
        if (mine) for (const v of values) mine.add(v);
        else template.seen.set(i, new Set(values));
      }
      this.remove(other);
      this.recordAlias(other.id, template.id);
      this.onMerged?.(other.id, template.id, template.text);
    }
  }

  /** Longer templates whose extra tokens the template's wildcards now take (gap-slots.ts) join it. */
  private absorbGapCovered(template: Cluster): void {
    if (template.span || !isGapCapable(template.text, template.shape.wording)) return;
    const anchors = gapAnchors(template.tokens, template.shape.marks);
    for (let extra = 1; extra <= MAX_EXTRA_TOKENS; extra++) {
      const node = this.roots.get(template.tokens.length + extra);
      if (!node) continue;
      for (const other of anchors ? this.mayBeGapCovered(node, template.tokens, anchors, extra) : node.wording.all()) {
        if (!fitsGap(template.tokens, template.shape.wording, other.tokens, this.isMeaning)) continue;
        template.count += other.count;
        this.remove(other);
        this.recordAlias(other.id, template.id);
        this.onMerged?.(other.id, template.id, template.text);
      }
    }
  }

  /**
   * The templates `extra` tokens longer than a template that its gap may
   * cover: those holding its anchors (gapAnchors) in place when the gap
   * comes after both, shifted when it comes before both, the first in place
   * and the last shifted when it comes between.
   */
  private mayBeGapCovered(node: TokenCountNode, tokens: readonly string[], [first, last]: readonly [number, number], extra: number): Set<Cluster> {
    const index = node.wording;
    return new Set([
      ...index.holdingBoth(first, tokens[first], last, tokens[last]),
      ...index.holdingBoth(first + extra, tokens[first], last + extra, tokens[last]),
      ...(first === last ? [] : index.holdingBoth(first, tokens[first], last + extra, tokens[last])),
    ]);
  }

  /**
   * The shorter template whose wildcard takes the line's extra tokens
   * (gap-slots.ts), keeping the most wording; undefined when none does.
   */
  private gapFit(tokens: readonly string[]): Cluster | undefined {
    let best: Cluster | undefined;
    for (let extra = 1; extra <= MAX_EXTRA_TOKENS && extra < tokens.length; extra++) {
      const node = this.roots.get(tokens.length - extra);
      if (!node) continue;
      for (const cluster of node.gaps.mayFit(tokens, extra)) {
        if (best && cluster.shape.wording <= best.shape.wording) continue;
        if (fitsGap(cluster.tokens, cluster.shape.wording, tokens, this.isMeaning)) best = cluster;
      }
    }
    return best;
  }

  /** Joins a line to a shorter template through a multi-token value at one of its wildcards; undefined when none fits. */
  private joinGap(tokens: readonly string[]): MineResult | undefined {
    const cluster = this.gapFit(tokens);
    return cluster && this.matched(cluster);
  }

  private covers(template: readonly string[], tokens: readonly string[]): boolean {
    for (let i = 0; i < template.length; i++) {
      if (template[i] !== tokens[i] && wildcardAccepts(template[i], tokens[i]) !== true) return false;
    }
    return true;
  }

  /**
   * The template with a variable-length slot that a line fits, or that one
   * fits once the run of tokens where the two differ after an opener
   * becomes one (span-slots.ts): the fit keeping the most wording.
   */
  private bestSpanFit(tokens: readonly string[]): { cluster: Cluster; opener: SpanOpener; fit: SpanFit } | undefined {
    let best: { cluster: Cluster; opener: SpanOpener; fit: SpanFit } | undefined;
    for (const opener of spanOpeners(tokens)) {
      const clusters = this.byOpener.get(opener.key);
      if (!clusters) continue;
      let looked = 0;
      for (const cluster of clusters) {
        if (looked++ === SPAN_CANDIDATES) break;
        const fit = fitSpan(cluster.tokens, tokens, opener, cluster.span !== undefined, this.isMeaning, this.sameStatus);
        if (fit && (!best || fit.fixed > best.fit.fixed)) best = { cluster, opener, fit };
      }
    }
    return best;
  }

  /** Joins a line to a template through a variable-length slot; undefined when none fits. */
  private joinSpan(tokens: readonly string[]): MineResult | undefined {
    const found = this.bestSpanFit(tokens);
    if (!found) return undefined;
    const { cluster, opener, fit } = found;
    const previousId = cluster.id;
    const target = this.reshape(cluster, fit.tokens, opener);
    target.count++;
    this.touch(target);
    return target.id === previousId ? { id: target.id, template: target.text, change: 'matched' } : { id: target.id, template: target.text, change: 'generalised', previousId };
  }

  /**
   * Gives a template new tokens with a span at the opener's place (its id
   * changes; the old one becomes an alias); a template holding the same text
   * merges with it, and the templates it now covers join it. Returns the
   * template that holds the group now.
   */
  private reshape(cluster: Cluster, tokens: string[], opener: SpanOpener): Cluster {
    const text = tokens.join('');
    if (text === cluster.text && cluster.span) return cluster;
    const previousId = cluster.id;
    const span = spanOpener(tokens, opener.at);
    let target = this.byText.get(text);
    if (target && target !== cluster) {
      target.count += cluster.count;
      this.remove(cluster);
      if (!target.span) {
        this.unindex(target);
        target.span = span;
        this.index(target);
      }
    } else {
      this.remove(cluster);
      cluster.id = minedTemplateId(text);
      cluster.text = text;
      cluster.tokens = tokens;
      cluster.shape = shapeOf(tokens);
      cluster.span = span;
      // Positions after the span moved: what they showed no longer lines up.
      cluster.seen.clear();
      this.index(cluster);
      this.live.set(cluster.id, cluster);
      this.byText.set(text, cluster);
      this.forgetAlias(cluster.id);
      target = cluster;
    }
    if (target.id !== previousId) {
      this.recordAlias(previousId, target.id);
      this.onMerged?.(previousId, target.id, target.text);
    }
    this.absorbSpanCovered(target);
    return target;
  }

  /** Templates found by a span template's opener whose lines it now holds join it. */
  private absorbSpanCovered(template: Cluster): void {
    const span = template.span;
    const others = span && this.byOpener.get(span.key);
    if (!span || !others) return;
    for (const other of [...others]) {
      if (other === template) continue;
      const fit = fitSpan(template.tokens, other.tokens, span, true, this.isMeaning, this.sameStatus);
      if (!fit || fit.tokens.join('') !== template.text) continue;
      template.count += other.count;
      this.remove(other);
      this.recordAlias(other.id, template.id);
      this.onMerged?.(other.id, template.id, template.text);
    }
  }

  /** The template a line joins: the most similar of the templates of its token count that share the most wording with it. */
  private findCluster(tokens: readonly string[]): Cluster | undefined {
    const node = this.roots.get(tokens.length);
    if (!node) return undefined;
    const best: Best = { cluster: undefined, score: -1 };
    this.bestIn(node.wording.candidates(tokens, CANDIDATES_SCORED), tokens, best);
    this.bestIn(node.unworded, tokens, best);
    return best.cluster;
  }

  /** Updates `best` with the most similar of the candidates that reaches the similarity threshold. */
  private bestIn(candidates: Iterable<Cluster> | undefined, tokens: readonly string[], best: Best): void {
    // A share of 1 is the most a template can score, and a later one must score more to be taken.
    if (!candidates || best.score >= 1) return;
    for (const cluster of candidates) {
      const score = this.score(cluster, tokens);
      if (score >= this.similarity && score > best.score) {
        best.score = score;
        best.cluster = cluster;
        if (score >= 1) return;
      }
    }
  }

  /**
   * Share of the template's non-wildcard positions the line equals; -1 when
   * a meaning word differs (but for a state the line prints:
   * isStateValueAt), or the fields of two JSON keys
   * (areOtherFields). Meaning words are checked only when the share
   * reaches the threshold: below it the template is not taken anyway. The
   * scan stops as soon as the share can no longer reach the threshold (most
   * templates a line is compared with differ from it early), returning a
   * share below it.
   */
  private score(cluster: Cluster, tokens: readonly string[]): number {
    const template = cluster.tokens;
    const { marks, wording } = cluster.shape;
    const similarity = this.similarity;
    let equal = 0;
    let compared = 0;
    let differing = 0;
    // Wording positions the line has not equalled so far: the share is at most (wording - missed) / (that + compared - equal).
    let missed = 0;
    for (let i = 0; i < template.length; i++) {
      const t = template[i];
      const s = tokens[i];
      const mark = marks[i];
      if (t === s) {
        // A bare placeholder (<TS>, <IP>) is equal in every line of a format: counting it would let headers make unrelated messages similar.
        if (mark & WORDING) {
          equal++;
          compared++;
        }
        continue;
      }
      differing++;
      if (mark & WORDING) missed++;
      // Two values at one position (isValueShaped) are a slot, not a difference in wording; so are two statuses, two constants, and another miner's wildcard (absorb).
      if (
        ((mark & VALUE_SHAPED) !== 0 && isValueShaped(s)) ||
        ((mark & STATUS_SHAPED) !== 0 && this.sameStatus(t, s)) ||
        ((mark & CONSTANT_SHAPED) !== 0 && isConstantPair(t, s)) ||
        s.includes(WILDCARD)
      )
        continue;
      if (!(mark & MAY_ACCEPT) || wildcardAccepts(t, s) !== true) {
        compared++;
        const reachable = wording - missed;
        if (reachable < similarity * (reachable + compared - equal)) return -1;
      }
    }
    const share = compared === 0 ? 1 : equal / compared;
    if (share < similarity || differing === 0) return share;
    for (let i = 0; i < template.length; i++) {
      const t = template[i];
      const s = tokens[i];
      if (t === s) continue;
      const meaning = this.isMeaning(s) || (wildcardAccepts(t, s) !== true && this.isMeaning(t));
      // Only a template token shaped like a status (STATUS_SHAPED) pairs with another status: the mark spares the pattern tests.
      if (meaning && !((marks[i] & STATUS_SHAPED) !== 0 && this.sameStatus(t, s)) && !isStateValueAt(template, tokens, i)) return -1;
      if (areOtherFields(t, s)) return -1;
    }
    return share;
  }

  /** Positions where the line's token is neither the template's nor accepted by its wildcard. */
  private differingPositions(template: readonly string[], tokens: readonly string[]): number[] {
    const positions: number[] = [];
    for (let i = 0; i < template.length; i++) {
      if (template[i] !== tokens[i] && wildcardAccepts(template[i], tokens[i]) !== true) positions.push(i);
    }
    return positions;
  }

  private touch(cluster: Cluster): void {
    this.live.delete(cluster.id);
    this.live.set(cluster.id, cluster);
  }

  private evictOverCap(): void {
    while (this.live.size > this.maxClusters) {
      const oldest = this.live.values().next().value as Cluster;
      this.remove(oldest);
    }
  }

  private remove(cluster: Cluster): void {
    this.live.delete(cluster.id);
    this.byText.delete(cluster.text);
    this.unindex(cluster);
  }

  private recordAlias(oldId: string, newId: string): void {
    if (oldId === newId || this.maxAliases === 0) return;
    let targets = this.aliasesOf.get(newId);
    if (!targets) this.aliasesOf.set(newId, (targets = new Set()));
    // Ids that meant the old template now mean the new one.
    const earlier = this.aliasesOf.get(oldId);
    if (earlier) {
      for (const e of earlier) {
        this.aliasOf.set(e, newId);
        targets.add(e);
      }
      this.aliasesOf.delete(oldId);
    }
    this.aliasOf.delete(oldId);
    this.aliasOf.set(oldId, newId);
    targets.add(oldId);
    while (this.aliasOf.size > this.maxAliases) {
      const [oldest, target] = this.aliasOf.entries().next().value as [string, string];
      this.aliasOf.delete(oldest);
      const set = this.aliasesOf.get(target);
      set?.delete(oldest);
      if (set?.size === 0) this.aliasesOf.delete(target);
    }
  }

  /** An id that is live again is no longer an alias of another. */
  private forgetAlias(id: string): void {
    const target = this.aliasOf.get(id);
    if (target === undefined) return;
    this.aliasOf.delete(id);
    const set = this.aliasesOf.get(target);
    set?.delete(id);
    if (set?.size === 0) this.aliasesOf.delete(target);
  }
}
