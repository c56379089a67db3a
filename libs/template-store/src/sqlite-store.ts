import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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

/** Times are epoch milliseconds in SQLite. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS template_labels (
  scope TEXT NOT NULL,
  template TEXT NOT NULL,
  label TEXT,
  answer TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at INTEGER NOT NULL,
  confirmed_at INTEGER,
  rows_answered INTEGER NOT NULL DEFAULT 0,
  last_used_at INTEGER NOT NULL,
  exemplar TEXT NOT NULL,
  taxonomy_hash TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt_version TEXT NOT NULL DEFAULT '',
  call_id TEXT NOT NULL DEFAULT '',
  call_records INTEGER NOT NULL DEFAULT 0,
  suspect INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, template)
);
CREATE INDEX IF NOT EXISTS template_labels_rows ON template_labels (rows_answered DESC);
CREATE INDEX IF NOT EXISTS template_labels_last_used ON template_labels (last_used_at);
CREATE TABLE IF NOT EXISTS template_label_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
INSERT OR IGNORE INTO template_label_revision (id, revision) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS template_label_claims (
  scope TEXT NOT NULL,
  template TEXT NOT NULL,
  owner TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (scope, template)
);
`;

/** Columns added after the first release: a file made before them gets them (SQLite has no ADD COLUMN IF NOT EXISTS). */
const ADDED_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['prompt_version', "TEXT NOT NULL DEFAULT ''"],
  ['call_id', "TEXT NOT NULL DEFAULT ''"],
  ['call_records', 'INTEGER NOT NULL DEFAULT 0'],
  ['suspect', 'INTEGER NOT NULL DEFAULT 0'],
];

interface Row {
  scope: string;
  template: string;
  label: string | null;
  answer: string;
  decided_by: string;
  decided_at: number;
  confirmed_at: number | null;
  rows_answered: number;
  last_used_at: number;
  exemplar: string;
  taxonomy_hash: string;
  model: string;
  prompt_version: string;
  call_id: string;
  call_records: number;
  suspect: number;
}

function entryOf(row: Row): TemplateLabelEntry {
  return {
    scope: row.scope,
    template: row.template,
    label: row.label,
    answer: row.answer,
    decidedBy: row.decided_by,
    decidedAt: new Date(row.decided_at),
    confirmedAt: row.confirmed_at === null ? null : new Date(row.confirmed_at),
    rowsAnswered: row.rows_answered,
    lastUsedAt: new Date(row.last_used_at),
    exemplar: row.exemplar,
    taxonomyHash: row.taxonomy_hash,
    model: row.model,
    provenance: { promptVersion: row.prompt_version, callId: row.call_id, callRecords: row.call_records, suspect: row.suspect !== 0 },
  };
}

/**
 * The embedded backend: one SQLite file (WAL, so readers never wait for the
 * writer), shared by the processes of one host that open the same file.
 * better-sqlite3 is synchronous; every statement is a prepared one taking
 * microseconds, so the event loop is not held long.
 */
export class SqliteTemplateStore implements TemplateLabelStore {
  readonly backend = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements;

  /**
   * `file` ':memory:' for a private, throwaway store. `syncEveryCommit`
   * (default true): each commit of this handle is on disk (fsync) before it
   * returns; false: in WAL mode a commit survives the process crashing but
   * not the machine losing power (SQLite's synchronous=NORMAL), and costs no
   * fsync on the event loop (~5-8 ms a commit on this machine's disk).
   */
  constructor(
    file: string,
    readonly maxEntries: number,
    opts: { syncEveryCommit?: boolean } = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.syncEveryCommit === false ? 'NORMAL' : 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.addMissingColumns();
    const db = this.db;
    this.statements = {
      current: db.prepare<[string, string, string, string], Row>(`SELECT * FROM template_labels WHERE scope = ? AND template = ? AND ${currentCondition('?', '?')}`),
      get: db.prepare<[string, string], Row>('SELECT * FROM template_labels WHERE scope = ? AND template = ?'),
      // An operator's or a confirmed entry of the same taxonomy is kept.
      record: db.prepare(
        `INSERT INTO template_labels (scope, template, label, answer, decided_by, decided_at, confirmed_at, rows_answered, last_used_at, exemplar, taxonomy_hash, model,
                                      prompt_version, call_id, call_records, suspect)
         VALUES (@scope, @template, @label, @answer, @model, @now, NULL, 0, @now, @exemplar, @taxonomyHash, @model, @promptVersion, @callId, @callRecords, @suspect)
         ON CONFLICT (scope, template) DO UPDATE SET
           label = excluded.label, answer = excluded.answer, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
           confirmed_at = NULL, rows_answered = 0, last_used_at = excluded.last_used_at, exemplar = excluded.exemplar,
           taxonomy_hash = excluded.taxonomy_hash, model = excluded.model,
           prompt_version = excluded.prompt_version, call_id = excluded.call_id, call_records = excluded.call_records, suspect = excluded.suspect
         WHERE NOT ((template_labels.decided_by = '${OPERATOR}' OR template_labels.confirmed_at IS NOT NULL)
                    AND template_labels.taxonomy_hash = excluded.taxonomy_hash)`,
      ),
      correct: db.prepare(
        `INSERT INTO template_labels (scope, template, label, answer, decided_by, decided_at, confirmed_at, rows_answered, last_used_at, exemplar, taxonomy_hash, model)
         VALUES (@scope, @template, @label, @label, '${OPERATOR}', @now, NULL, 0, @now, COALESCE(@exemplar, ''), @taxonomyHash, '')
         ON CONFLICT (scope, template) DO UPDATE SET
           label = excluded.label, answer = excluded.answer, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
           confirmed_at = NULL, rows_answered = 0, last_used_at = excluded.last_used_at,
           exemplar = COALESCE(@exemplar, template_labels.exemplar), taxonomy_hash = excluded.taxonomy_hash,
           prompt_version = '', call_id = '', call_records = 0, suspect = 0`,
      ),
      confirm: db.prepare<[number, string, string]>('UPDATE template_labels SET confirmed_at = ? WHERE scope = ? AND template = ?'),
      revision: db.prepare<[], { revision: number }>('SELECT revision FROM template_label_revision WHERE id = 1'),
      bumpRevision: db.prepare('UPDATE template_label_revision SET revision = revision + 1 WHERE id = 1'),
      delete: db.prepare<[string, string]>('DELETE FROM template_labels WHERE scope = ? AND template = ?'),
      addRows: db.prepare<[number, number, string, string]>('UPDATE template_labels SET rows_answered = rows_answered + ?, last_used_at = ? WHERE scope = ? AND template = ?'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM template_labels'),
      evict: db.prepare<[number]>(
        `DELETE FROM template_labels WHERE rowid IN (SELECT rowid FROM template_labels WHERE ${EVICTABLE} ORDER BY ${EVICTION_ORDER} LIMIT ?)`,
      ),
      claim: db.prepare<[string, string, string, number, number], { scope: string }>(
        `INSERT INTO template_label_claims (scope, template, owner, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (scope, template) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE template_label_claims.expires_at < ?
         RETURNING scope`,
      ),
      release: db.prepare<[string, string, string]>('DELETE FROM template_label_claims WHERE scope = ? AND template = ? AND owner = ?'),
    };
  }

  async getCurrent(keys: readonly TemplateKey[], current: Currency): Promise<TemplateLabelEntry[]> {
    const found: TemplateLabelEntry[] = [];
    for (const key of distinctKeys(keys)) {
      const row = this.statements.current.get(key.scope, key.template, current.taxonomyHash, current.model);
      if (row) found.push(entryOf(row));
    }
    return found;
  }

  async get(key: TemplateKey): Promise<TemplateLabelEntry | undefined> {
    const row = this.statements.get.get(key.scope, key.template);
    return row ? entryOf(row) : undefined;
  }

  async recordDecisions(decisions: readonly LlmDecision[]): Promise<void> {
    const now = Date.now();
    this.db.transaction(() => {
      for (const { provenance: p, ...d } of llmDecisions(decisions)) {
        this.statements.record.run({ ...d, now, promptVersion: p.promptVersion, callId: p.callId, callRecords: p.callRecords, suspect: p.suspect ? 1 : 0 });
      }
      this.evictOverLimit();
    })();
  }

  async correct(decision: OperatorDecision): Promise<TemplateLabelEntry> {
    this.db.transaction(() => {
      this.statements.correct.run({ ...decision, exemplar: decision.exemplar ?? null, now: Date.now() });
      this.statements.bumpRevision.run();
      this.evictOverLimit();
    })();
    return (await this.get(decision)) as TemplateLabelEntry;
  }

  async confirm(key: TemplateKey): Promise<TemplateLabelEntry | undefined> {
    this.db.transaction(() => {
      if (this.statements.confirm.run(Date.now(), key.scope, key.template).changes > 0) this.statements.bumpRevision.run();
    })();
    return this.get(key);
  }

  async delete(key: TemplateKey): Promise<boolean> {
    return this.db.transaction(() => {
      const deleted = this.statements.delete.run(key.scope, key.template).changes > 0;
      if (deleted) this.statements.bumpRevision.run();
      return deleted;
    })();
  }

  async list(query: ListQuery = {}): Promise<ListPage> {
    const { where, params } = listFilter(query, () => '?');
    const { limit, offset } = pageOf(query);
    const rows = this.db.prepare<unknown[], Row>(`SELECT * FROM template_labels ${where} ORDER BY ${orderBy(query)} LIMIT ? OFFSET ?`).all(...params, limit, offset);
    const total = this.db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM template_labels ${where}`).get(...params) as { n: number };
    return { entries: rows.map(entryOf), total: total.n };
  }

  async addRowsAnswered(counts: readonly RowsAnswered[]): Promise<void> {
    const now = Date.now();
    this.db.transaction(() => {
      for (const c of counts) this.statements.addRows.run(c.rows, now, c.scope, c.template);
    })();
  }

  async operatorRevision(): Promise<number> {
    return (this.statements.revision.get() as { revision: number }).revision;
  }

  async count(): Promise<number> {
    return (this.statements.count.get() as { n: number }).n;
  }

  async claim(keys: readonly TemplateKey[], owner: string, ttlMs: number): Promise<TemplateKey[]> {
    const now = Date.now();
    return this.db.transaction(() => distinctKeys(keys).filter((k) => this.statements.claim.get(k.scope, k.template, owner, now + ttlMs, now) !== undefined))();
  }

  async release(keys: readonly TemplateKey[], owner: string): Promise<void> {
    this.db.transaction(() => {
      for (const k of keys) this.statements.release.run(k.scope, k.template, owner);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private addMissingColumns(): void {
    const present = new Set(this.db.prepare<[], { name: string }>('PRAGMA table_info(template_labels)').all().map((c) => c.name));
    for (const [name, type] of ADDED_COLUMNS) if (!present.has(name)) this.db.exec(`ALTER TABLE template_labels ADD COLUMN ${name} ${type}`);
  }

  private evictOverLimit(): void {
    const excess = (this.statements.count.get() as { n: number }).n - this.maxEntries;
    if (excess > 0) this.statements.evict.run(excess);
  }
}
