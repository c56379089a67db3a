import type { FastifyInstance } from 'fastify';
import { invalidArgument, LogclassError } from '@logclass/classifier';
import { UNCLASSIFIED, type Taxonomy } from '@logclass/taxonomy';
import { LIST_SORTS, MAX_LIST_LIMIT, NO_PROVENANCE, type ListQuery, type ListSort, type StoreBackend, type TemplateKey, type TemplateLabelEntry } from '@logclass/template-store';
import type { SizeLimit } from './byte-limit';
import { operatorCorrectionsOf, type OperatorCorrections } from './operator-corrections';
import { parseFlag } from './query-flag';

export interface ReviewRouteOptions {
  /** The store the review reads and where its corrections go (shared with POST /feedback). */
  corrections: OperatorCorrections;
  maxBody: SizeLimit;
}

/** An entry as the review API shows it (snake_case, as the rest of the REST API). */
export interface ReviewEntryJson {
  scope: string;
  template: string;
  /** null: the LLM said no label fits (shown as Unclassified). */
  label: string | null;
  answer: string;
  decided_by: string;
  decided_at: string;
  confirmed_at: string | null;
  rows_answered: number;
  last_used_at: string;
  exemplar: string;
  model: string;
  taxonomy_hash: string;
  /** Made under the taxonomy the gateway checks corrections against (else the LLM tier does not serve it). */
  current_taxonomy: boolean;
  provenance: { prompt_version: string; call_id: string; call_records: number; suspect: boolean };
}

function entryJson(entry: TemplateLabelEntry, currentHash: string): ReviewEntryJson {
  const p = entry.provenance ?? NO_PROVENANCE;
  return {
    scope: entry.scope,
    template: entry.template,
    label: entry.label,
    answer: entry.answer,
    decided_by: entry.decidedBy,
    decided_at: entry.decidedAt.toISOString(),
    confirmed_at: entry.confirmedAt ? entry.confirmedAt.toISOString() : null,
    rows_answered: entry.rowsAnswered,
    last_used_at: entry.lastUsedAt.toISOString(),
    exemplar: entry.exemplar,
    model: entry.model,
    taxonomy_hash: entry.taxonomyHash,
    current_taxonomy: entry.taxonomyHash === currentHash,
    provenance: { prompt_version: p.promptVersion, call_id: p.callId, call_records: p.callRecords, suspect: p.suspect },
  };
}

type ListParams = Partial<Record<'label' | 'decided_by' | 'scope' | 'confirmed' | 'suspect' | 'sort' | 'limit' | 'offset', string>>;

function integerParam(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) > max) throw invalidArgument(`query parameter ${name} must be an integer from 0 to ${max} (got "${value.slice(0, 40)}")`);
  return Number(value);
}

/** GET /review/entries' query as a store ListQuery; "Unclassified" as label means the entries without one. */
export function listQueryOf(params: ListParams, taxonomy: Taxonomy): ListQuery {
  let label: string | null | undefined;
  if (params.label !== undefined && params.label !== '') {
    if (params.label.trim().toLowerCase() === UNCLASSIFIED.toLowerCase()) label = null;
    else {
      label = taxonomy.resolve(params.label);
      if (!label) throw invalidArgument(`query parameter label "${params.label.slice(0, 80)}" is not in the taxonomy (${taxonomy.names.join(', ')}, or ${UNCLASSIFIED})`);
    }
  }
  if (params.sort !== undefined && !LIST_SORTS.includes(params.sort as ListSort)) throw invalidArgument(`query parameter sort must be one of ${LIST_SORTS.join(', ')}`);
  const limit = integerParam('limit', params.limit, MAX_LIST_LIMIT);
  if (limit === 0) throw invalidArgument(`query parameter limit must be an integer from 1 to ${MAX_LIST_LIMIT}`);
  return {
    label,
    decidedBy: params.decided_by || undefined,
    scope: params.scope,
    confirmed: params.confirmed === undefined ? undefined : parseFlag('confirmed', params.confirmed),
    suspect: params.suspect === undefined ? undefined : parseFlag('suspect', params.suspect),
    sort: params.sort as ListSort | undefined,
    limit: limit ?? 50,
    offset: integerParam('offset', params.offset, Number.MAX_SAFE_INTEGER) ?? 0,
  };
}

/** The entry a confirm, correct or delete names: {"scope": ..., "template": ...} (scope may be empty: records without a source). */
export function entryKeyOf(body: unknown): TemplateKey & { label?: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidArgument('the body must be a JSON object with "scope" and "template"');
  const { scope, template, label } = body as Record<string, unknown>;
  if (typeof scope !== 'string') throw invalidArgument('"scope" must be a string (the entry\'s scope, as GET /review/entries lists it)');
  if (typeof template !== 'string' || template === '') throw invalidArgument('"template" must be a non-empty string (the entry\'s template, as GET /review/entries lists it)');
  return { scope, template, label };
}

const notFound = (key: TemplateKey) => new LogclassError('NOT_FOUND', `no template-label store entry for template "${key.template.slice(0, 80)}" in scope "${key.scope.slice(0, 80)}"`);

/**
 * The review of the LLM tier's template-label store: list entries (most rows
 * first, filtered, paged), and confirm, correct or delete one. The store is
 * the one the LLM tier replicas read, so an operator's decision is what every
 * replica serves from then on (each polls the store's operator revision every
 * second). A correction goes where POST /feedback's go (operator-corrections.ts).
 */
export function registerReviewRoutes(app: FastifyInstance, opts: ReviewRouteOptions): void {
  const { corrections } = opts;
  const taxonomy = corrections.taxonomy;
  const currentHash = corrections.taxonomyHash;
  app.addHook('onClose', () => corrections.close());

  const action = { bodyLimit: opts.maxBody.bytes, config: { errors: { bodyLimit: opts.maxBody, accepts: 'application/json' } } };

  app.get<{ Querystring: ListParams }>('/review/entries', async (request) => {
    const query = listQueryOf(request.query, taxonomy);
    const page = await corrections.withStore((s) => s.list(query));
    // The labels a correction may name, so a client (the web page) can offer them.
    return { total: page.total, limit: query.limit, offset: query.offset, labels: taxonomy.names, entries: page.entries.map((e) => entryJson(e, currentHash)) };
  });

  app.post('/review/entries/confirm', action, async (request) => {
    const key = entryKeyOf(request.body);
    const entry = await corrections.withStore((s) => s.confirm(key));
    if (!entry) throw notFound(key);
    return { entry: entryJson(entry, currentHash) };
  });

  app.post('/review/entries/correct', action, async (request) => {
    const { label: raw, ...key } = entryKeyOf(request.body);
    if (typeof raw !== 'string') throw invalidArgument('"label" must be a string: a label of the taxonomy');
    const label = taxonomy.resolve(raw);
    // Unclassified never resolves: it is an outcome, not a label an operator can decide.
    if (!label) throw invalidArgument(`label "${raw.slice(0, 80)}" is not in the taxonomy (${taxonomy.names.join(', ')})`);
    // The review corrects what it lists: a key no entry has is a typo, not a new template.
    if (!(await corrections.withStore((s) => s.get(key)))) throw notFound(key);
    const [entry] = await corrections.record([{ key, label }]);
    return { entry: entryJson(entry, currentHash) };
  });

  app.post('/review/entries/delete', action, async (request) => {
    const key = entryKeyOf(request.body);
    if (!(await corrections.withStore((s) => s.delete(key)))) throw notFound(key);
    return { deleted: true };
  });
}

/** The routes' options from the GATEWAY_* settings (review-settings.ts, feedback-settings.ts). */
export function reviewRouteOptions(
  cfg: { reviewStore: StoreBackend; reviewStoreFile: string; reviewStoreUrl?: string; feedbackFile: string; taxonomyFile?: string; maxFeedbackBytes: number },
  corrections: OperatorCorrections = operatorCorrectionsOf(cfg),
): ReviewRouteOptions {
  return { corrections, maxBody: { bytes: cfg.maxFeedbackBytes, setting: 'GATEWAY_MAX_FEEDBACK_BYTES' } };
}
