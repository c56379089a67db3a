import { maskLogText } from '@logclass/embedding-tier';
import { maskTemplate } from '@logclass/template-mask';
import { TemplateMiner } from '@logclass/template-miner';
import type { CorpusRow } from '../corpus/generate';

/** Expensive calls per true template when a tier remembers each key it has answered and never forgets one. */
export interface TemplateCost {
  rows: number;
  trueTemplates: number;
  /** The LLM tier's cache key today: source and maskTemplate(message). */
  llmBySourceAndMask: number;
  /** The same without the source (one stream per source, as a pipeline per system sends). */
  llmByMask: number;
  /**
   * The LLM tier with GATEWAY_TEMPLATE_TIERS=llm: source and the template
   * the gateway carries, the one the row's id means once the rows of its
   * tier call (CARRIED_CALL_ROWS of them) are mined, with the row's states
   * in it (TemplateMiner.labelKeyOf).
   */
  llmBySourceAndCarriedTemplate: number;
  /** The same without the source. */
  llmByCarriedTemplate: number;
  /** The embedding tier's key: the shipped embedder's own mask of the message (a model run per distinct one). */
  embeddingByLogText: number;
  /**
   * A store keyed by the mined template id that follows the miner's merges
   * (an entry under an old id serves the new one): a call whenever a row's
   * id at the moment it is mined has no entry yet.
   */
  llmByMinedId: number;
  /** As llmByMinedId, keyed by source and mined id (the LLM tier's prompt shows the source). */
  llmBySourceAndMinedId: number;
}

/**
 * Records per LLM-tier call in the carried-template columns: fewer than a
 * CSV batch sends when a tenth of its 2,048 rows reaches the LLM tier, so
 * the figure errs high; 1 (a unary call per record) gives what the template
 * as mined row by row costs.
 */
export const CARRIED_CALL_ROWS = 64;

/**
 * Calls per true template for each way of keying an expensive tier's
 * answers, on the rows in stream order. The rows' trueTemplate must already
 * merge alternatives that are values (corpus-views.ts); true templates are
 * counted per family.
 */
export function templateCost(rows: readonly CorpusRow[]): TemplateCost {
  const truths = new Set(rows.map((r) => `${r.family}\u0000${r.trueTemplate}`)).size;
  const distinct = (key: (r: CorpusRow) => string): number => new Set(rows.map(key)).size / truths;
  const answered = new Set<string>();
  const answeredBySource = new Set<string>();
  const sourcesOf = new Map<string, Set<string>>();
  const miner = new TemplateMiner({
    onMerged: (oldId, newId) => {
      if (answered.has(oldId)) answered.add(newId);
      for (const source of sourcesOf.get(oldId) ?? []) {
        answeredBySource.add(`${source}\u0000${newId}`);
        (sourcesOf.get(newId) ?? sourcesOf.set(newId, new Set()).get(newId))?.add(source);
      }
    },
  });
  let minedCalls = 0;
  let minedBySourceCalls = 0;
  const carriedOf = carriedTemplates(rows);
  const carried = new Set(carriedOf);
  const carriedBySource = new Set(rows.map((r, i) => `${r.source}\u0000${carriedOf[i]}`));
  for (const r of rows) {
    const { id } = miner.add(r.logMessage, r.source);
    const bySource = `${r.source}\u0000${id}`;
    if (!answeredBySource.has(bySource)) {
      answeredBySource.add(bySource);
      (sourcesOf.get(id) ?? sourcesOf.set(id, new Set()).get(id))?.add(r.source);
      minedBySourceCalls++;
    }
    if (answered.has(id)) continue;
    answered.add(id);
    minedCalls++;
  }
  return {
    rows: rows.length,
    trueTemplates: truths,
    llmBySourceAndMask: distinct((r) => `${r.source}\u0000${maskTemplate(r.logMessage)}`),
    llmByMask: distinct((r) => maskTemplate(r.logMessage)),
    embeddingByLogText: distinct((r) => maskLogText(r.logMessage)),
    llmBySourceAndCarriedTemplate: carriedBySource.size / truths,
    llmByCarriedTemplate: carried.size / truths,
    llmByMinedId: minedCalls / truths,
    llmBySourceAndMinedId: minedBySourceCalls / truths,
  };
}

/**
 * The template the gateway carries with each row to a tier of
 * GATEWAY_TEMPLATE_TIERS, the rows sent in calls of `callRows`: a call's
 * records mined, then each given the template its id means (cascade.ts),
 * with the line's states back in (labelKeyOf), what the tier keys its answers by.
 */
export function carriedTemplates(rows: readonly CorpusRow[], callRows = CARRIED_CALL_ROWS): string[] {
  const miner = new TemplateMiner();
  const out: string[] = [];
  for (let start = 0; start < rows.length; start += callRows) {
    const call = rows.slice(start, start + callRows);
    const masked = call.map((r) => miner.masker.mask(r.logMessage, r.source));
    const mined = masked.map((line) => miner.addMasked(line));
    call.forEach((_, k) => out.push(miner.labelKeyOf(miner.current(mined[k].id)?.template ?? mined[k].template, masked[k])));
  }
  return out;
}
