import type { Classification, ClassifyOptions, DescribeResponse, Label, LogRecord } from '@logclass/contract';
import { abstained, classifyNonEmpty, decided, EMPTY_MESSAGE_REASON, type Classifier } from '@logclass/classifier';
import { defaultTaxonomy, type Taxonomy } from '@logclass/taxonomy';
import { maskTemplate } from '@logclass/template-mask';
import { LiteralScanner } from './literal-scanner';
import type { RuleSet } from './rule-set';

export const REGEX_TIER = 'regex';
export const NO_RULE_MATCHED = 'no rule matched';

/**
 * Only this many characters of a message are matched. Regexes run on
 * attacker-controlled text; even linear-looking patterns cost
 * O(length x pattern span) per rule, and one 1 MB line must not stall a
 * batch of thousands. The lines rules are written for are short, and what
 * decides them is near the start; a longer line is matched on its prefix (so
 * a rule anchored with `$` simply does not match it, and the line goes on to
 * the next tier).
 */
export const DEFAULT_MAX_MESSAGE_CHARS = 2048;

/** More distinct sources than this are not cached (source names come from callers). */
const SOURCE_CACHE_LIMIT = 1024;

export interface RegexClassifierOptions {
  /** Labels reported by Describe (their descriptions). Default: the default taxonomy. */
  taxonomy?: Taxonomy;
  /** See DEFAULT_MAX_MESSAGE_CHARS. */
  maxMessageChars?: number;
  /** Reported by Describe: the largest batch the serving process accepts. */
  maxBatchSize?: number;
  /**
   * Skip a rule whose required literals the line lacks (default true). The
   * decisions are the same either way; false runs every pattern, the reference
   * the prefilter is checked against.
   */
  prefilter?: boolean;
}

/**
 * The first tier: hand-written rules for simple, predictable lines. The first
 * rule (in file order) that applies to the record's source and matches
 * decides, with confidence 1; otherwise the tier abstains.
 */
export class RegexClassifier implements Classifier {
  readonly tier = REGEX_TIER;
  readonly maxMessageChars: number;
  private readonly taxonomy: Taxonomy;
  private readonly maxBatchSize: number;
  /** Undefined when every pattern runs (the prefilter option is false). */
  private readonly scanner: LiteralScanner | undefined;
  /** Per source as sent: the indices in ruleSet.rules of the rules that apply to it. */
  private readonly bySource = new Map<string, readonly number[]>();
  /** answers[i]: what rule i decides. */
  private readonly answers: readonly Readonly<Classification>[];
  private readonly noMatch: Readonly<Classification>;

  constructor(
    readonly ruleSet: RuleSet,
    options: RegexClassifierOptions = {},
  ) {
    this.taxonomy = options.taxonomy ?? defaultTaxonomy;
    this.maxMessageChars = options.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS;
    this.maxBatchSize = options.maxBatchSize ?? 0;
    this.answers = ruleSet.rules.map((rule) => Object.freeze(decided(this.tier, rule.label, 1, `rule ${rule.id}`)));
    this.noMatch = Object.freeze(abstained(this.tier, NO_RULE_MATCHED));
    this.scanner = options.prefilter === false ? undefined : new LiteralScanner(ruleSet.rules.map((r) => r.prefilter?.anyOf));
    if (!Number.isInteger(this.maxMessageChars) || this.maxMessageChars < 1) {
      throw new Error(`maxMessageChars must be a positive integer, got ${this.maxMessageChars}`);
    }
  }

  async classify(records: readonly LogRecord[], options?: ClassifyOptions): Promise<Classification[]> {
    const withTemplate = options?.includeTemplate === true;
    return classifyNonEmpty(
      records,
      () => abstained(this.tier, EMPTY_MESSAGE_REASON),
      async (kept) =>
        withTemplate ? kept.map((record) => ({ ...this.classifyOne(record), template: maskTemplate(record.logMessage) })) : kept.map((record) => this.classifyOne(record)),
    );
  }

  /**
   * Synchronous core, for in-process callers that classify millions of lines.
   * The answer is one frozen object per rule (and one for no match), shared
   * by every line it stands for: making it per line was most of the tier's
   * allocations.
   */
  classifyOne(record: LogRecord): Readonly<Classification> {
    const text = record.logMessage.length > this.maxMessageChars ? record.logMessage.slice(0, this.maxMessageChars) : record.logMessage;
    // Most lines match no rule or a late one, so most rules are tried on every line: one pass
    // over the line finds which rules' required literals it contains, and the others are skipped.
    const scanner = this.scanner;
    scanner?.scan(text);
    const rules = this.ruleSet.rules;
    for (const index of this.rulesFor(record.source)) {
      if (scanner && !scanner.admits(index)) continue;
      const rule = rules[index];
      if (rule.regex.test(text)) return this.answers[index];
    }
    return this.noMatch;
  }

  describe(): DescribeResponse {
    const used = new Set(this.ruleSet.rules.map((r) => r.label));
    const labels: Label[] = this.taxonomy.labels.filter((l) => used.has(l.name));
    return {
      tier: this.tier,
      labels,
      model: `rules sha256:${this.ruleSet.sha256.slice(0, 12)} (${this.ruleSet.rules.length} rules)`,
      maxBatchSize: this.maxBatchSize,
    };
  }

  /**
   * The rules that apply to a source (indices, in file order); computed once per source as
   * sent, so a row costs a lookup and no lower-cased copy of its source (a source sent in
   * several casings takes an entry per casing).
   */
  private rulesFor(source: string): readonly number[] {
    const cached = this.bySource.get(source);
    if (cached) return cached;
    const key = source.toLowerCase();
    const rules = this.ruleSet.rules.flatMap((r, index) => (!r.sources || r.sources.has(key) ? [index] : []));
    if (this.bySource.size < SOURCE_CACHE_LIMIT) this.bySource.set(source, rules);
    return rules;
  }
}
