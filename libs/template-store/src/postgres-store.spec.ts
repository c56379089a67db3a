import { storeContract } from '../test/store-contract';
import { freshPostgresSchema, postgresForTests } from '@logclass/test-support';
import { Client } from 'pg';
import { PostgresTemplateStore } from './postgres-store';
import { templateKeyOf } from './template-key';
import { NO_PROVENANCE } from './template-label-store';

const server = postgresForTests();

if ('fail' in server) {
  it('needs a PostgreSQL server', () => {
    throw new Error(server.fail);
  });
} else if ('skip' in server) {
  console.warn(server.skip);
  it.skip(server.skip, () => undefined);
} else {
  describe('PostgresTemplateStore', () => {
    storeContract(async () => {
      const schema = await freshPostgresSchema(server.url);
      return {
        open: (maxEntries) => new PostgresTemplateStore(schema.url, maxEntries ?? 1000),
        dispose: () => schema.drop(),
      };
    });

    it('keeps templates holding NUL out of PostgreSQL: never served, always granted to whoever asks', async () => {
      const schema = await freshPostgresSchema(server.url);
      const store = new PostgresTemplateStore(schema.url, 10);
      try {
        const nul = { scope: 'billing', template: 'bad\u0000line' };
        await store.recordDecisions([{ ...nul, label: 'Error', answer: 'Error', exemplar: 'x', taxonomyHash: 't', model: 'm' }]);
        expect(await store.getCurrent([nul], { taxonomyHash: 't', model: 'm' })).toEqual([]);
        expect(await store.claim([nul], 'A', 60_000)).toEqual([nul]);
        await store.recordDecisions([{ scope: 'billing', template: 'ok', label: 'Error', answer: 'E\u0000', exemplar: 'ex\u0000', taxonomyHash: 't', model: 'm' }]);
        expect(await store.get({ scope: 'billing', template: 'ok' })).toMatchObject({ answer: 'E\uFFFD', exemplar: 'ex\uFFFD' });
      } finally {
        await store.close();
        await schema.drop();
      }
    });

    it('stores and serves the keys of lines of many kilobytes (the index takes at most 2,704 bytes a row)', async () => {
      const schema = await freshPostgresSchema(server.url);
      const store = new PostgresTemplateStore(schema.url, 10);
      try {
        // Words the masker keeps, of letters in no order PostgreSQL could compress, some of 3 and 4 bytes in UTF-8; a source as long.
        let seed = 7;
        const letter = (): string => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return 'abcdefghijklmnopqrstuvwxyz\u4e2d\u6587\u{1f600}'.split(/(?:)/u)[seed % 29];
        };
        const words = (n: number): string => Array.from({ length: n }, () => Array.from({ length: 6 }, letter).join('')).join(' ');
        const source = words(1000);
        const message = `payload ${words(2000)}`;
        const key = templateKeyOf(source, message);
        const other = templateKeyOf(source, `${message} end`);
        expect(other).not.toEqual(key);
        await store.recordDecisions([key, other].map((k, i) => ({ ...k, label: i ? 'Error' : 'User Action', answer: 'a', exemplar: 'x', taxonomyHash: 't', model: 'm' })));
        const served = await store.getCurrent([key, other], { taxonomyHash: 't', model: 'm' });
        expect(served.map((e) => e.label).sort()).toEqual(['Error', 'User Action']);
      } finally {
        await store.close();
        await schema.drop();
      }
    });

    it('adds the provenance columns to a table of the first schema', async () => {
      const schema = await freshPostgresSchema(server.url);
      const admin = new Client({ connectionString: schema.url });
      await admin.connect();
      const store = new PostgresTemplateStore(schema.url, 10);
      try {
        await admin.query(`CREATE TABLE template_labels (scope TEXT NOT NULL, template TEXT NOT NULL, label TEXT, answer TEXT NOT NULL, decided_by TEXT NOT NULL,
          decided_at TIMESTAMPTZ NOT NULL, confirmed_at TIMESTAMPTZ, rows_answered BIGINT NOT NULL DEFAULT 0, last_used_at TIMESTAMPTZ NOT NULL,
          exemplar TEXT NOT NULL, taxonomy_hash TEXT NOT NULL, model TEXT NOT NULL, PRIMARY KEY (scope, template))`);
        await admin.query(`INSERT INTO template_labels VALUES ('s', 't', 'Error', 'Error', 'm', now(), NULL, 3, now(), 'x', 'h', 'm')`);
        const [entry] = await store.getCurrent([{ scope: 's', template: 't' }], { taxonomyHash: 'h', model: 'm' });
        expect(entry).toMatchObject({ label: 'Error', rowsAnswered: 3, provenance: NO_PROVENANCE });
      } finally {
        await admin.end();
        await store.close();
        await schema.drop();
      }
    });

    it('reports an unreachable server as an error, not as a miss', async () => {
      const store = new PostgresTemplateStore('postgres://nobody:x@127.0.0.1:1/none', 10);
      await expect(store.getCurrent([{ scope: 's', template: 't' }], { taxonomyHash: 't', model: 'm' })).rejects.toThrow(/ECONNREFUSED/);
      await store.close();
    });
  });
}
