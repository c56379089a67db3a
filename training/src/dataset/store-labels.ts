import type { Taxonomy } from '@logclass/taxonomy';
import { maskTemplate } from '@logclass/template-mask';
import { MAX_LIST_LIMIT, OPERATOR, taxonomyHash, type TemplateLabelEntry, type TemplateLabelStore } from '@logclass/template-store';
import type { LabelledRow } from './labelled-csv';

/**
 * Which template-label store entries `train` learns from:
 * - confirmed: operators' decisions and LLM answers an operator confirmed (the default:
 *   log lines are attacker-controlled, and an unconfirmed LLM label is only as good as
 *   the line that asked for it);
 * - all: those, and unconfirmed LLM answers too (each with its own weight);
 * - none: the store is not read.
 */
export const STORE_LABEL_MODES = ['confirmed', 'all', 'none'] as const;
export type StoreLabelMode = (typeof STORE_LABEL_MODES)[number];

/**
 * Training rows an operator's (or a confirmed) entry counts as: as much as a
 * correction (DEFAULT_CORRECTION_WEIGHT), since an operator vouched for it.
 */
export const DEFAULT_CONFIRMED_LABEL_WEIGHT = 20;
/**
 * Training rows an unconfirmed LLM entry counts as: a quarter of a confirmed
 * one, so an operator's word outweighs an LLM answer. In the learning-loop
 * benchmark x5 moved ~80% of the store's rows to the embedding tier and x20
 * ~85% (BENCHMARKS.md): more weight moves more, and lets each unconfirmed
 * answer pull harder on the model.
 */
export const DEFAULT_LLM_LABEL_WEIGHT = 5;

export interface StoreLabelOptions {
  mode: StoreLabelMode;
  confirmedWeight: number;
  llmWeight: number;
  taxonomy: Taxonomy;
}

/** Whether an operator stands behind an entry (decided or confirmed it). */
export function isConfirmed(entry: TemplateLabelEntry): boolean {
  return entry.decidedBy === OPERATOR || entry.confirmedAt !== null;
}

export interface StoreLabelSet {
  /** One representative entry per masked template taken, with what it counts as. */
  taken: Array<{ entry: TemplateLabelEntry; weight: number; confirmed: boolean }>;
  /** Entries read but not taken, by why. */
  skipped: { unconfirmed: number; suspect: number; noLabel: number; notInTaxonomy: number; otherTaxonomy: number; sameTemplate: number };
  /** Every entry read (for what the new model would take over from the LLM). */
  entries: TemplateLabelEntry[];
}

/** Every entry of the store, page by page (each key once even if a page boundary moves while the tier writes). */
export async function readAllEntries(store: TemplateLabelStore): Promise<TemplateLabelEntry[]> {
  const byKey = new Map<string, TemplateLabelEntry>();
  for (let offset = 0; ; offset += MAX_LIST_LIMIT) {
    // "recent" orders by decision time, which the tier's row counting does not change between pages.
    const page = await store.list({ sort: 'recent', limit: MAX_LIST_LIMIT, offset });
    for (const e of page.entries) byKey.set(`${e.scope}\u0000${e.template}`, e);
    if (page.entries.length < MAX_LIST_LIMIT) break;
  }
  return [...byKey.values()];
}

/**
 * The entries `train` learns from. Entries without a label ("none fits"),
 * with a label outside the taxonomy, or (unconfirmed LLM answers) made under
 * another taxonomy, or unconfirmed answers to a line that looked like
 * instructions (provenance "suspect") are left out. Several entries whose exemplars mask to the
 * same template (one per source) become one: an operator's first, then the
 * one that answered most rows, so one template never pulls two ways.
 */
export function selectStoreLabels(entries: readonly TemplateLabelEntry[], opts: StoreLabelOptions): StoreLabelSet {
  const skipped = { unconfirmed: 0, suspect: 0, noLabel: 0, notInTaxonomy: 0, otherTaxonomy: 0, sameTemplate: 0 };
  const current = taxonomyHash(opts.taxonomy);
  const best = new Map<string, TemplateLabelEntry>();
  if (opts.mode === 'none') return { taken: [], skipped, entries: [...entries] };
  for (const entry of entries) {
    const confirmed = isConfirmed(entry);
    if (!confirmed && opts.mode !== 'all') skipped.unconfirmed++;
    // A line that looked like instructions to the model is learned from only once an operator vouches for its label.
    else if (!confirmed && entry.provenance?.suspect) skipped.suspect++;
    else if (entry.label === null) skipped.noLabel++;
    else if (!opts.taxonomy.has(entry.label)) skipped.notInTaxonomy++;
    else if (!confirmed && entry.taxonomyHash !== current) skipped.otherTaxonomy++;
    else {
      const key = maskTemplate(entry.exemplar);
      const seen = best.get(key);
      if (seen) skipped.sameTemplate++;
      if (!seen || rank(entry) > rank(seen)) best.set(key, entry);
    }
  }
  const taken = [...best.values()].map((entry) => {
    const confirmed = isConfirmed(entry);
    return { entry, confirmed, weight: confirmed ? opts.confirmedWeight : opts.llmWeight };
  });
  return { taken, skipped, entries: [...entries] };
}

function rank(e: TemplateLabelEntry): number {
  return (isConfirmed(e) ? 1e15 : 0) + e.rowsAnswered;
}

/** The training rows of taken entries: the exemplar under the entry's label, `weight` times (training only). */
export function storeTrainingRows(set: StoreLabelSet): LabelledRow[] {
  return set.taken.flatMap(({ entry, weight }) =>
    Array.from({ length: weight }, () => ({ source: entry.scope, logMessage: entry.exemplar, targetLabel: entry.label as string })),
  );
}

export interface MergedStoreLabels {
  corpus: LabelledRow[];
  /** The store's rows (weighted), to add to training only. */
  rows: LabelledRow[];
  confirmed: number;
  llm: number;
  /** Corpus rows dropped because a confirmed entry relabels their template. */
  overridden: number;
  /** Unconfirmed entries left out because the labelled data has their template under another label (labelled data wins). */
  inData: number;
  /** Of `llm`, entries of a template the labelled data has under the same label (they add weight to it). */
  agreeing: number;
  /** Entries left out because the corrections file has their template (the operator's file wins). */
  corrected: number;
}

/**
 * Store labels join training as corrections do, by masked template: an
 * operator's (or a confirmed) entry replaces the labelled rows of its
 * template; an unconfirmed LLM answer adds a template the labelled data
 * lacks, or weight to one it has under the same label (a template the model
 * was unsure of, so it reached the LLM), and never contradicts it; a template
 * in the corrections file keeps the correction.
 */
export function mergeStoreLabels(corpus: readonly LabelledRow[], corrections: readonly LabelledRow[], set: StoreLabelSet): MergedStoreLabels {
  const corrected = new Set(corrections.map((r) => maskTemplate(r.logMessage)));
  const inCorpus = new Map<string, string>();
  for (const r of corpus) {
    const key = maskTemplate(r.logMessage);
    // A template the data labels two ways counts as disagreeing with any single label.
    const seen = inCorpus.get(key);
    inCorpus.set(key, seen === undefined || seen === r.targetLabel ? r.targetLabel : '');
  }
  const relabelled = new Set<string>();
  const kept: StoreLabelSet['taken'] = [];
  let inData = 0;
  let agreeing = 0;
  let skippedCorrected = 0;
  for (const t of set.taken) {
    const key = maskTemplate(t.entry.exemplar);
    const labelled = inCorpus.get(key);
    if (corrected.has(key)) skippedCorrected++;
    else if (!t.confirmed && labelled !== undefined && labelled !== t.entry.label) inData++;
    else {
      if (!t.confirmed && labelled !== undefined) agreeing++;
      if (t.confirmed) relabelled.add(key);
      kept.push(t);
    }
  }
  const keptCorpus = relabelled.size === 0 ? [...corpus] : corpus.filter((r) => !relabelled.has(maskTemplate(r.logMessage)));
  return {
    corpus: keptCorpus,
    rows: storeTrainingRows({ ...set, taken: kept }),
    confirmed: kept.filter((t) => t.confirmed).length,
    llm: kept.filter((t) => !t.confirmed).length,
    overridden: corpus.length - keptCorpus.length,
    inData,
    agreeing,
    corrected: skippedCorrected,
  };
}
