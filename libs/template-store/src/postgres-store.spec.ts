import { storeContract } from '../test/store-contract';
import { freshPostgresSchema, postgresForTests } from '@logclass/test-support';
import { PostgresTemplateStore } from './postgres-store';

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

    it('reports an unreachable server as an error, not as a miss', async () => {
      const store = new PostgresTemplateStore('postgres://nobody:x@127.0.0.1:1/none', 10);
      await expect(store.getCurrent([{ scope: 's', template: 't' }], { taxonomyHash: 't', model: 'm' })).rejects.toThrow(/ECONNREFUSED/);
      await store.close();
    });
  });
}
