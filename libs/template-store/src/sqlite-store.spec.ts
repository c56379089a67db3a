import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeContract } from '../test/store-contract';
import { NO_PROVENANCE } from './template-label-store';
import { SqliteTemplateStore } from './sqlite-store';

describe('SqliteTemplateStore', () => {
  storeContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'template-store-'));
    // A folder that does not exist yet, as data/ on a fresh clone.
    const file = join(dir, 'data', 'template-labels.sqlite');
    return {
      open: (maxEntries) => new SqliteTemplateStore(file, maxEntries ?? 1000),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});

describe('SqliteTemplateStore without an fsync per commit (the LLM tier opens it so)', () => {
  storeContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'template-store-'));
    const file = join(dir, 'template-labels.sqlite');
    return {
      open: (maxEntries) => new SqliteTemplateStore(file, maxEntries ?? 1000, { syncEveryCommit: false }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});

describe('SqliteTemplateStore on a file of the first schema', () => {
  it('adds the provenance columns, and its old entries are served with none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'template-store-'));
    const file = join(dir, 'old.sqlite');
    try {
      const old = new Database(file);
      old.exec(`CREATE TABLE template_labels (scope TEXT NOT NULL, template TEXT NOT NULL, label TEXT, answer TEXT NOT NULL, decided_by TEXT NOT NULL,
        decided_at INTEGER NOT NULL, confirmed_at INTEGER, rows_answered INTEGER NOT NULL DEFAULT 0, last_used_at INTEGER NOT NULL, exemplar TEXT NOT NULL,
        taxonomy_hash TEXT NOT NULL, model TEXT NOT NULL, PRIMARY KEY (scope, template))`);
      old.prepare(`INSERT INTO template_labels VALUES ('s', 't', 'Error', 'Error', 'm', 1, NULL, 3, 1, 'x', 'h', 'm')`).run();
      old.close();
      const store = new SqliteTemplateStore(file, 10);
      const [entry] = await store.getCurrent([{ scope: 's', template: 't' }], { taxonomyHash: 'h', model: 'm' });
      expect(entry).toMatchObject({ label: 'Error', rowsAnswered: 3, provenance: NO_PROVENANCE });
      await store.recordDecisions([{ scope: 's', template: 'u', label: 'Error', answer: 'Error', exemplar: 'y', taxonomyHash: 'h', model: 'm', provenance: { promptVersion: 'v', callId: 'c', callRecords: 1, suspect: true } }]);
      expect((await store.list({ suspect: true })).entries.map((e) => e.template)).toEqual(['u']);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
