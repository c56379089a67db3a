import { Pool, type PoolClient } from 'pg';
import { currentCondition, distinctKeys, EVICTABLE, EVICTION_ORDER, listFilter, llmDecisions, orderBy, pageOf } from './store-query';
import {
  OPERATOR,
  type Currency,
  type ListPage,
  type ListQuery,
  type LlmDecision,
  type OperatorDecision,
  type RowsAnswered,
  type TemplateKey,
  type TemplateLabelEntry,
  type TemplateLabelStore,
} from './template-label-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS template_labels (
  scope TEXT NOT NULL,
  template TEXT NOT NULL,
  label TEXT,
  answer TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TIMESTAMPTZ NOT NULL,
  confirmed_at TIMESTAMPTZ,
  rows_answered BIGINT NOT NULL DEFAULT 0,
  last_used_at TIMESTAMPTZ NOT NULL,
  exemplar TEXT NOT NULL,
  taxonomy_hash TEXT NOT NULL,
  model TEXT NOT NULL,
  PRIMARY KEY (scope, template)
);
-- Added after the first release: tables made before get them.
ALTER TABLE template_labels ADD COLUMN IF NOT EXISTS prompt_version TEXT NOT NULL DEFAULT '';
ALTER TABLE template_labels ADD COLUMN IF NOT EXISTS call_id TEXT NOT NULL DEFAULT '';
ALTER TABLE template_labels ADD COLUMN IF NOT EXISTS call_records INTEGER NOT NULL DEFAULT 0;
ALTER TABLE template_labels ADD COLUMN IF NOT EXISTS suspect BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX IF NOT EXISTS template_labels_rows ON template_labels (rows_answered DESC);
CREATE INDEX IF NOT EXISTS template_labels_last_used ON template_labels (last_used_at);
CREATE TABLE IF NOT EXISTS template_label_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision BIGINT NOT NULL);
INSERT INTO template_label_revision (id, revision) VALUES (1, 0) ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS template_label_claims (
  scope TEXT NOT NULL,
  template TEXT NOT NULL,
  owner TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (scope, template)
);
`;

/** Replicas starting together would race CREATE TABLE IF NOT EXISTS: one creates while the others wait on this lock. */
const SCHEMA_LOCK = 0x6c6f6763; // "logc"

const COLUMNS = 'scope, template, label, answer, decided_by, decided_at, confirmed_at, rows_answered, last_used_at, exemplar, taxonomy_hash, model';
const PROVENANCE_COLUMNS = 'prompt_version, call_id, call_records, suspect';

/** Moves the operator revision (see TemplateLabelStore.operatorRevision). */
const BUMP_REVISION = 'UPDATE template_label_revision SET revision = revision + 1 WHERE id = 1';

/** Keys as two parallel arrays, joined in SQL with unnest: one statement for a whole batch. */
const KEYS_JOIN = 'unnest($1::text[], $2::text[]) AS k(scope, template)';

interface Row {
  scope: string;
  template: string;
  label: string | null;
  answer: string;
  decided_by: string;
  decided_at: Date;
  confirmed_at: Date | null;
  rows_answered: string;
  last_used_at: Date;
  exemplar: string;
  taxonomy_hash: string;
  model: string;
  prompt_version: string;
  call_id: string;
  call_records: number;
  suspect: boolean;
}

function entryOf(row: Row): TemplateLabelEntry {
  return {
    scope: row.scope,
    template: row.template,
    label: row.label,
    answer: row.answer,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    confirmedAt: row.confirmed_at,
    rowsAnswered: Number(row.rows_answered),
    lastUsedAt: row.last_used_at,
    exemplar: row.exemplar,
    taxonomyHash: row.taxonomy_hash,
    model: row.model,
    provenance: { promptVersion: row.prompt_version, callId: row.call_id, callRecords: row.call_records, suspect: row.suspect },
  };
}

/**
 * PostgreSQL text cannot hold NUL, which a log line may: such a template is
 * never stored (always asked, claimed by whoever asks), and NUL in free text
 * (exemplar, answer) becomes U+FFFD.
 */
function storable(key: TemplateKey): boolean {
  return !key.scope.includes('\u0000') && !key.template.includes('\u0000');
}

function pgText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}

function keyArrays(keys: readonly TemplateKey[]): [string[], string[]] {
  return [keys.map((k) => k.scope), keys.map((k) => k.template)];
}

/**
 * The shared backend for several replicas. Every call is one statement per
 * batch (keys passed as arrays), and claims are rows inserted with ON
 * CONFLICT, so two replicas missing the same template at once pay one call.
 * The connection is made on first use; the schema is created then.
 */
export class PostgresTemplateStore implements TemplateLabelStore {
  readonly backend = 'postgres' as const;
  private readonly pool: Pool;
  private schema: Promise<void> | undefined;
  private closed = false;
  /** Decisions written since the size was last checked (COUNT(*) costs a scan: not after every write). */
  private unchecked = 0;
  private readonly checkEvery: number;

  constructor(
    connectionString: string,
    readonly maxEntries: number,
    poolSize = 4,
  ) {
    this.pool = new Pool({ connectionString, max: poolSize });
    // At most 0.1% over the limit between checks, and never more than 100 entries per replica.
    this.checkEvery = Math.max(1, Math.min(100, Math.floor(maxEntries / 1000)));
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async getCurrent(keys: readonly TemplateKey[], current: Currency): Promise<TemplateLabelEntry[]> {
    const wanted = distinctKeys(keys).filter(storable);
    if (wanted.length === 0) return [];
    const rows = await this.query<Row>(
      `SELECT l.* FROM template_labels l JOIN ${KEYS_JOIN} USING (scope, template) WHERE ${currentCondition('$3', '$4')}`,
      [...keyArrays(wanted), current.taxonomyHash, current.model],
    );
    return rows.map(entryOf);
  }

  async get(key: TemplateKey): Promise<TemplateLabelEntry | undefined> {
    if (!storable(key)) return undefined;
    const rows = await this.query<Row>('SELECT * FROM template_labels WHERE scope = $1 AND template = $2', [key.scope, key.template]);
    return rows[0] ? entryOf(rows[0]) : undefined;
  }

  async recordDecisions(decisions: readonly LlmDecision[]): Promise<void> {
    const ds = llmDecisions(decisions).filter(storable);
    if (ds.length === 0) return;
    this.unchecked += ds.length;
    const check = this.unchecked >= this.checkEvery;
    if (check) this.unchecked = 0;
    // One statement, no transaction, unless the size is checked too.
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO template_labels (${COLUMNS}, ${PROVENANCE_COLUMNS})
         SELECT d.scope, d.template, d.label, d.answer, d.model, now(), NULL, 0, now(), d.exemplar, d.taxonomy_hash, d.model,
                d.prompt_version, d.call_id, d.call_records, d.suspect
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::boolean[])
           AS d(scope, template, label, answer, exemplar, taxonomy_hash, model, prompt_version, call_id, call_records, suspect)
         ON CONFLICT (scope, template) DO UPDATE SET
           label = excluded.label, answer = excluded.answer, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
           confirmed_at = NULL, rows_answered = 0, last_used_at = excluded.last_used_at, exemplar = excluded.exemplar,
           taxonomy_hash = excluded.taxonomy_hash, model = excluded.model,
           prompt_version = excluded.prompt_version, call_id = excluded.call_id, call_records = excluded.call_records, suspect = excluded.suspect
         WHERE NOT ((template_labels.decided_by = '${OPERATOR}' OR template_labels.confirmed_at IS NOT NULL)
                    AND template_labels.taxonomy_hash = excluded.taxonomy_hash)`,
        [
          ds.map((d) => d.scope),
          ds.map((d) => d.template),
          ds.map((d) => d.label),
          ds.map((d) => pgText(d.answer)),
          ds.map((d) => pgText(d.exemplar)),
          ds.map((d) => d.taxonomyHash),
          ds.map((d) => d.model),
          ds.map((d) => pgText(d.provenance.promptVersion)),
          ds.map((d) => pgText(d.provenance.callId)),
          ds.map((d) => d.provenance.callRecords),
          ds.map((d) => d.provenance.suspect),
        ],
      );
      if (check) await this.evictOverLimit(client);
    }, check);
  }

  async correct(decision: OperatorDecision): Promise<TemplateLabelEntry> {
    if (!storable(decision)) throw new Error('template store: a template holding NUL cannot be stored in PostgreSQL');
    const rows = await this.transaction(async (client) => {
      const result = await client.query<Row>(
        `INSERT INTO template_labels (${COLUMNS})
         VALUES ($1, $2, $3, $3, '${OPERATOR}', now(), NULL, 0, now(), COALESCE($4, ''), $5, '')
         ON CONFLICT (scope, template) DO UPDATE SET
           label = excluded.label, answer = excluded.answer, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
           confirmed_at = NULL, rows_answered = 0, last_used_at = excluded.last_used_at,
           exemplar = COALESCE($4, template_labels.exemplar), taxonomy_hash = excluded.taxonomy_hash,
           prompt_version = '', call_id = '', call_records = 0, suspect = false
         RETURNING *`,
        [decision.scope, decision.template, decision.label, decision.exemplar === undefined ? null : pgText(decision.exemplar), decision.taxonomyHash],
      );
      await client.query(BUMP_REVISION);
      await this.evictOverLimit(client);
      return result.rows;
    });
    return entryOf(rows[0]);
  }

  async confirm(key: TemplateKey): Promise<TemplateLabelEntry | undefined> {
    if (!storable(key)) return undefined;
    // A data-modifying WITH runs whether or not it is read: the revision moves in the same statement, when a row did.
    const rows = await this.query<Row>(
      `WITH changed AS (UPDATE template_labels SET confirmed_at = now() WHERE scope = $1 AND template = $2 RETURNING *),
            bumped AS (${BUMP_REVISION} AND EXISTS (SELECT 1 FROM changed))
       SELECT * FROM changed`,
      [key.scope, key.template],
    );
    return rows[0] ? entryOf(rows[0]) : undefined;
  }

  async delete(key: TemplateKey): Promise<boolean> {
    if (!storable(key)) return false;
    const rows = await this.query(
      `WITH gone AS (DELETE FROM template_labels WHERE scope = $1 AND template = $2 RETURNING scope),
            bumped AS (${BUMP_REVISION} AND EXISTS (SELECT 1 FROM gone))
       SELECT scope FROM gone`,
      [key.scope, key.template],
    );
    return rows.length > 0;
  }

  async list(query: ListQuery = {}): Promise<ListPage> {
    const { where, params } = listFilter(query, (n) => `$${n}`);
    const { limit, offset } = pageOf(query);
    const n = params.length;
    const rows = await this.query<Row & { total: string }>(
      `SELECT *, COUNT(*) OVER () AS total FROM template_labels ${where} ORDER BY ${orderBy(query)} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, limit, offset],
    );
    // A page past the end has no row to carry the total.
    const total = rows.length > 0 ? Number(rows[0].total) : Number((await this.query<{ n: string }>(`SELECT COUNT(*) AS n FROM template_labels ${where}`, params))[0].n);
    return { entries: rows.map(entryOf), total };
  }

  async addRowsAnswered(counts: readonly RowsAnswered[]): Promise<void> {
    if (counts.length === 0) return;
    // Summed per key first: UPDATE ... FROM touches each row once even when a key comes twice.
    const sums = new Map<string, RowsAnswered>();
    for (const c of counts) {
      const id = `${c.scope}\u0000${c.template}`;
      sums.set(id, { scope: c.scope, template: c.template, rows: (sums.get(id)?.rows ?? 0) + c.rows });
    }
    const all = [...sums.values()].filter(storable);
    await this.query(
      `UPDATE template_labels l SET rows_answered = l.rows_answered + k.rows, last_used_at = now()
       FROM unnest($1::text[], $2::text[], $3::bigint[]) AS k(scope, template, rows)
       WHERE l.scope = k.scope AND l.template = k.template`,
      [...keyArrays(all), all.map((c) => c.rows)],
    );
  }

  async operatorRevision(): Promise<number> {
    return Number((await this.query<{ revision: string }>('SELECT revision FROM template_label_revision WHERE id = 1'))[0]?.revision ?? 0);
  }

  async count(): Promise<number> {
    return Number((await this.query<{ n: string }>('SELECT COUNT(*) AS n FROM template_labels'))[0].n);
  }

  async claim(keys: readonly TemplateKey[], owner: string, ttlMs: number): Promise<TemplateKey[]> {
    const all = distinctKeys(keys);
    const unstorable = all.filter((k) => !storable(k));
    const wanted = all.filter(storable);
    if (wanted.length === 0) return unstorable;
    const rows = await this.query<TemplateKey>(
      `INSERT INTO template_label_claims (scope, template, owner, expires_at)
       SELECT k.scope, k.template, $3, now() + $4 * interval '1 millisecond' FROM ${KEYS_JOIN}
       ON CONFLICT (scope, template) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE template_label_claims.expires_at < now()
       RETURNING scope, template`,
      [...keyArrays(wanted), owner, ttlMs],
    );
    return [...rows.map((r) => ({ scope: r.scope, template: r.template })), ...unstorable];
  }

  async release(keys: readonly TemplateKey[], owner: string): Promise<void> {
    const held = keys.filter(storable);
    if (held.length === 0) return;
    await this.query(`DELETE FROM template_label_claims c USING ${KEYS_JOIN} WHERE c.scope = k.scope AND c.template = k.template AND c.owner = $3`, [
      ...keyArrays(held),
      owner,
    ]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async query<R extends object>(text: string, params: unknown[] = []): Promise<R[]> {
    await this.ready();
    return (await this.pool.query<R>(text, params)).rows;
  }

  /** `work` on one connection, inside BEGIN ... COMMIT unless `atomic` is false. */
  private async transaction<T>(work: (client: PoolClient) => Promise<T>, atomic = true): Promise<T> {
    await this.ready();
    const client = await this.pool.connect();
    try {
      if (!atomic) return await work(client);
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Creates the schema once; a failure (server down) is retried on the next call. */
  private ready(): Promise<void> {
    this.schema ??= this.createSchema().catch((err) => {
      this.schema = undefined;
      throw err;
    });
    return this.schema;
  }

  private async createSchema(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(SCHEMA);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Checked every checkEvery decisions per replica, so the limit holds give or take that many entries per replica. */
  private async evictOverLimit(client: PoolClient): Promise<void> {
    const count = Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM template_labels')).rows[0].n);
    const excess = count - this.maxEntries;
    if (excess <= 0) return;
    await client.query(
      `DELETE FROM template_labels WHERE (scope, template) IN (SELECT scope, template FROM template_labels WHERE ${EVICTABLE} ORDER BY ${EVICTION_ORDER} LIMIT $1)`,
      [excess],
    );
  }
}
