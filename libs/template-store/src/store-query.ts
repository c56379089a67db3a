import { MAX_LIST_LIMIT, NO_PROVENANCE, OPERATOR, type ListQuery, type LlmDecision, type Provenance, type TemplateKey } from './template-label-store';

const DEFAULT_LIST_LIMIT = 100;

/** The same key twice in one statement would make an upsert touch a row twice: each key once. */
export function distinctKeys<K extends TemplateKey>(keys: readonly K[]): K[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const id = `${k.scope}\u0000${k.template}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Limit and offset as both backends apply them. */
export function pageOf(query: ListQuery): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIST_LIMIT), 1), MAX_LIST_LIMIT);
  const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
  return { limit, offset };
}

/** SQL ORDER BY for a list sort (the same text on both backends); ties broken by key so pages are stable. */
export function orderBy(query: ListQuery): string {
  const first = query.sort === 'recent' ? 'decided_at DESC' : 'rows_answered DESC';
  return `${first}, scope, template`;
}

/** WHERE clause of a list query; `param(n)` writes the backend's n-th (1-based) placeholder. */
export function listFilter(query: ListQuery, param: (n: number) => string): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return param(params.length);
  };
  if (query.label === null) conditions.push('label IS NULL');
  else if (query.label !== undefined) conditions.push(`label = ${bind(query.label)}`);
  if (query.decidedBy !== undefined) conditions.push(`decided_by = ${bind(query.decidedBy)}`);
  if (query.scope !== undefined) conditions.push(`scope = ${bind(query.scope)}`);
  if (query.confirmed !== undefined) conditions.push(query.confirmed ? 'confirmed_at IS NOT NULL' : 'confirmed_at IS NULL');
  if (query.suspect !== undefined) conditions.push(query.suspect ? 'suspect' : 'NOT suspect');
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** An entry is served when made under this taxonomy, and by an operator, confirmed by one, or by this model. */
export function currentCondition(taxonomyParam: string, modelParam: string): string {
  return `taxonomy_hash = ${taxonomyParam} AND (decided_by = '${OPERATOR}' OR confirmed_at IS NOT NULL OR model = ${modelParam})`;
}

/** The rows eviction may delete (never an operator's decision or a confirmed one), oldest use first. */
export const EVICTABLE = `decided_by <> '${OPERATOR}' AND confirmed_at IS NULL`;
export const EVICTION_ORDER = 'last_used_at ASC, rows_answered ASC, scope, template';

/** The decisions as a backend writes them: each key once, provenance filled in; one claiming to be an operator's is refused. */
export function llmDecisions(decisions: readonly LlmDecision[]): Array<LlmDecision & { provenance: Provenance }> {
  for (const d of decisions) {
    if (d.model === OPERATOR) throw new Error(`template store: an LLM decision cannot be made by "${OPERATOR}" (that name is reserved for operators' decisions)`);
  }
  return distinctKeys(decisions).map((d) => ({ ...d, provenance: d.provenance ?? NO_PROVENANCE }));
}
