/** Who decided an entry when it was not an LLM (LLM entries name their model id). */
export const OPERATOR = 'operator';

/** One question the store answers: a template within a scope (a routing scope, or the record's source). */
export interface TemplateKey {
  readonly scope: string;
  readonly template: string;
}

/** What a decision must have been made under to be served as current. */
export interface Currency {
  readonly taxonomyHash: string;
  /** The LLM model the tier asks now. */
  readonly model: string;
}

export interface TemplateLabelEntry extends TemplateKey {
  /** A label of the taxonomy, or null when the LLM said none fits. */
  readonly label: string | null;
  /** What the decider said, kept for provenance (the LLM's answer; the label for an operator). */
  readonly answer: string;
  /** The LLM model id, or OPERATOR. */
  readonly decidedBy: string;
  readonly decidedAt: Date;
  /** When an operator confirmed an LLM decision; null while unconfirmed. */
  readonly confirmedAt: Date | null;
  /** Rows answered with this entry since it was decided. */
  readonly rowsAnswered: number;
  /** Last time a row was answered with it (or when it was decided): the eviction order. */
  readonly lastUsedAt: Date;
  /** One message of the template as it was seen. */
  readonly exemplar: string;
  readonly taxonomyHash: string;
  /** The LLM model the decision was made under ('' for an operator's decision on a template no LLM answered). */
  readonly model: string;
  /**
   * How the LLM came to it (always set by the backends; optional in the type
   * so that code building entries by hand keeps compiling).
   */
  readonly provenance?: Provenance;
}

/**
 * Where an LLM answer came from, so a reviewer (and training) can tell an
 * answer asked alone from one that shared a call with lines it never saw.
 * An operator's decision has none: empty strings, 0 and false.
 */
export interface Provenance {
  /** Version of the prompt that asked (the LLM tier's PROMPT_VERSION); '' when unknown. */
  readonly promptVersion: string;
  /** The chat call that answered it: every template answered by one call shares it; '' when unknown. */
  readonly callId: string;
  /** Log records that call carried: 1 = asked alone, 0 = unknown. */
  readonly callRecords: number;
  /** The exemplar looked like instructions to the model (so it was asked alone). */
  readonly suspect: boolean;
}

export const NO_PROVENANCE: Provenance = { promptVersion: '', callId: '', callRecords: 0, suspect: false };

export interface LlmDecision extends TemplateKey {
  readonly label: string | null;
  readonly answer: string;
  readonly exemplar: string;
  readonly taxonomyHash: string;
  /** The LLM model id; never OPERATOR (refused: an LLM answer must not pass for an operator's). */
  readonly model: string;
  /** Absent: NO_PROVENANCE. */
  readonly provenance?: Provenance;
}

export interface OperatorDecision extends TemplateKey {
  readonly label: string;
  readonly taxonomyHash: string;
  /** Kept from the existing entry when absent. */
  readonly exemplar?: string;
}

export interface RowsAnswered extends TemplateKey {
  readonly rows: number;
}

export const LIST_SORTS = ['rows', 'recent'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export interface ListQuery {
  /** A label; null for entries without one; absent for all. */
  readonly label?: string | null;
  /** OPERATOR, a model id, or absent for all. */
  readonly decidedBy?: string;
  readonly scope?: string;
  /** Only confirmed (true) or unconfirmed (false) entries. */
  readonly confirmed?: boolean;
  /** Only entries whose exemplar looked like instructions (true), or only the others (false). */
  readonly suspect?: boolean;
  /** "rows": most rows answered first (default); "recent": latest decision first. */
  readonly sort?: ListSort;
  /** Default 100, at most MAX_LIST_LIMIT. */
  readonly limit?: number;
  readonly offset?: number;
}

export const MAX_LIST_LIMIT = 1000;

export interface ListPage {
  readonly entries: TemplateLabelEntry[];
  /** Entries matching the filter, all pages together. */
  readonly total: number;
}

/**
 * Every LLM decision and operator correction, per (scope, template), shared by
 * every LLM-tier replica that opens the same store and kept across restarts.
 *
 * Served as current: an entry made under the current taxonomy hash, and
 * decided by an operator, confirmed by one, or made by the current model.
 * Anything else stays (for review) but is never returned by getCurrent.
 *
 * Eviction: past maxEntries, unconfirmed LLM entries are deleted, least
 * recently used first (entries of another taxonomy or model are never used, so
 * they go first). Operators' decisions and confirmed entries are never evicted:
 * they alone may keep the store above the limit. SQLite checks the size on
 * every write; PostgreSQL every min(100, maxEntries / 1000) decisions per
 * replica (COUNT(*) is a scan there), so it may overshoot by that much.
 */
export interface TemplateLabelStore {
  readonly backend: 'sqlite' | 'postgres';
  readonly maxEntries: number;
  /** Entries for these keys that are current (others are simply absent), in no particular order. */
  getCurrent(keys: readonly TemplateKey[], current: Currency): Promise<TemplateLabelEntry[]>;
  /** The entry for one key, current or not. */
  get(key: TemplateKey): Promise<TemplateLabelEntry | undefined>;
  /**
   * Records LLM answers (rows-answered restarts at 0). An operator's or a
   * confirmed entry of the same taxonomy is kept: the LLM never overrides an
   * operator. A decision whose model is OPERATOR is refused (throws), so no
   * LLM answer is ever stored as an operator's. A new answer is never confirmed.
   */
  recordDecisions(decisions: readonly LlmDecision[]): Promise<void>;
  /** An operator's label for a template: replaces whatever was there (provenance cleared), served at once. */
  correct(decision: OperatorDecision): Promise<TemplateLabelEntry>;
  /** An operator vouches for the entry as it is; undefined when there is none. */
  confirm(key: TemplateKey): Promise<TemplateLabelEntry | undefined>;
  /** True when there was an entry. */
  delete(key: TemplateKey): Promise<boolean>;
  list(query?: ListQuery): Promise<ListPage>;
  /** Adds rows answered to existing entries and marks them used (unknown keys are ignored). */
  addRowsAnswered(counts: readonly RowsAnswered[]): Promise<void>;
  count(): Promise<number>;
  /**
   * A number that changes whenever an operator confirms, corrects or deletes
   * an entry, through any handle on the store: an LLM tier polls it (a
   * one-row read) and drops the answers it holds in memory when it moves,
   * so an operator's decision is served at once rather than after they expire.
   */
  operatorRevision(): Promise<number>;
  /**
   * Claims templates about to be asked, so that replicas missing the same
   * template at once pay one call: returns the keys this owner now holds
   * (free ones, and ones whose claim expired); the rest are being asked by
   * someone else, whose answer getCurrent will return.
   */
  claim(keys: readonly TemplateKey[], owner: string, ttlMs: number): Promise<TemplateKey[]>;
  /** Gives up this owner's claims (answered or failed). */
  release(keys: readonly TemplateKey[], owner: string): Promise<void>;
  close(): Promise<void>;
}
