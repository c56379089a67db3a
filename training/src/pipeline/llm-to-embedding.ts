import type { RoutingPolicy } from '@logclass/cascade';
import { Outcome } from '@logclass/contract';
import { EmbeddingClassifier, TEMPLATE_MEMORY_REASON, type Embedder, type ModelArtifact } from '@logclass/embedding-tier';
import type { TemplateLabelEntry } from '@logclass/template-store';
import { keyValues, section } from '../evaluation/report';

export interface TemplateRows {
  templates: number;
  rows: number;
}

/**
 * What a new version would take over from the LLM tier: the store's
 * templates (every one of them was answered by the LLM tier, from Groq or
 * from the store) that the new version decides at its threshold, run through
 * the embedding tier's own classifier on each entry's exemplar. Rows are the
 * entries' rows answered so far: what the same traffic would no longer send
 * to the LLM.
 */
export interface LlmToEmbedding {
  store: TemplateRows;
  /** Decided by the new version at its threshold. */
  decidedByNew: TemplateRows;
  /** Decided by the version in service already (these reach the LLM only by routing, or were asked before it served). */
  decidedByServing: TemplateRows;
  /** Decided by the new version and not by the one in service, on a route where the embedding tier comes before the LLM. */
  move: TemplateRows;
  /** Of `move`, those whose new label is the store's. */
  moveAgreeing: TemplateRows;
  /** Of `move`, those the new version decides by its template memory (exact match), not its model. */
  moveByMemory: TemplateRows;
  /** Decided by the new version, but their source is routed to the LLM before (or without) the embedding tier. */
  routedPastEmbedding: TemplateRows;
}

interface Decision {
  label: string;
  remembered: boolean;
}

async function decides(artifact: ModelArtifact, embedder: Embedder, entries: readonly TemplateLabelEntry[]): Promise<Array<Decision | undefined>> {
  // The tier's own classifier (not closed here: it would close the shared embedder).
  const tier = new EmbeddingClassifier(artifact, embedder, { cacheSize: 0 });
  const results = await tier.classify(entries.map((e) => ({ source: e.scope, logMessage: e.exemplar })));
  return results.map((r) => (r.outcome === Outcome.OUTCOME_DECIDED ? { label: r.label, remembered: r.reason === TEMPLATE_MEMORY_REASON } : undefined));
}

/** `serving` is the version in service with the embedder it was trained with (undefined for a first model). */
export async function llmToEmbedding(
  entries: readonly TemplateLabelEntry[],
  next: { artifact: ModelArtifact; embedder: Embedder },
  serving: { artifact: ModelArtifact; embedder: Embedder } | undefined,
  routing: RoutingPolicy,
): Promise<LlmToEmbedding> {
  const zero = (): TemplateRows => ({ templates: 0, rows: 0 });
  const out: LlmToEmbedding = { store: zero(), decidedByNew: zero(), decidedByServing: zero(), move: zero(), moveAgreeing: zero(), moveByMemory: zero(), routedPastEmbedding: zero() };
  const usable = entries.filter((e) => e.exemplar.trim() !== '');
  const byNew = await decides(next.artifact, next.embedder, usable);
  const byServing = serving ? await decides(serving.artifact, serving.embedder, usable) : usable.map(() => undefined);
  const add = (into: TemplateRows, e: TemplateLabelEntry) => {
    into.templates++;
    into.rows += e.rowsAnswered;
  };
  usable.forEach((e, i) => {
    add(out.store, e);
    if (byServing[i] !== undefined) add(out.decidedByServing, e);
    if (byNew[i] === undefined) return;
    add(out.decidedByNew, e);
    if (byServing[i] !== undefined) return;
    const route = routing.tiersFor(e.scope);
    const embedding = route.indexOf('embedding');
    const llm = route.indexOf('llm');
    if (embedding === -1 || (llm !== -1 && llm < embedding)) {
      add(out.routedPastEmbedding, e);
      return;
    }
    add(out.move, e);
    if (byNew[i]?.label === e.label) add(out.moveAgreeing, e);
    if (byNew[i]?.remembered) add(out.moveByMemory, e);
  });
  return out;
}

export function renderLlmToEmbedding(m: LlmToEmbedding, routingNote: string): string {
  const tr = (t: TemplateRows) => `${t.templates} templates, ${t.rows} rows answered`;
  const share = m.store.rows > 0 ? ` (${((100 * m.move.rows) / m.store.rows).toFixed(1)}% of the store's rows)` : '';
  return section(
    "From the LLM to the embedding tier (the template-label store's templates, each entry's exemplar)",
    keyValues([
      ['in the store', tr(m.store)],
      ['decided by the new version', tr(m.decidedByNew)],
      ['decided by the version in service', tr(m.decidedByServing)],
      ['would move once promoted', `${tr(m.move)}${share}`],
      ['  with the store\'s label', tr(m.moveAgreeing)],
      ['  by the template memory (exact match)', tr(m.moveByMemory)],
      ['stay (routed to the LLM first)', `${tr(m.routedPastEmbedding)} (${routingNote})`],
    ]),
  );
}
