import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL server the tests use: `.ci/start-postgres` starts Debian's and
 * prints its URL, which `.ci/run` passes in this variable. Outside CI a missing
 * server skips the PostgreSQL specs with a message; under CI it fails them.
 */
export const POSTGRES_URL_VARIABLE = 'LOGCLASS_TEST_POSTGRES_URL';

export type PostgresForTests = { url: string } | { skip: string } | { fail: string };

export function postgresForTests(env: NodeJS.ProcessEnv = process.env): PostgresForTests {
  const url = env[POSTGRES_URL_VARIABLE]?.trim();
  if (url) return { url };
  const why = `${POSTGRES_URL_VARIABLE} is not set (bash .ci/start-postgres starts a server and prints one)`;
  return env.CI === 'true' ? { fail: `PostgreSQL tests cannot run under CI: ${why}` } : { skip: `PostgreSQL tests skipped: ${why}` };
}

/**
 * A schema of its own for one test, so tests never see each other's rows:
 * connections made with the returned URL find their tables there (search_path).
 */
export async function freshPostgresSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: scoped.toString(),
    async drop() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** What `whenPostgres` needs of the test runner: jest's `it`, passed in so this library stays free of its globals. */
export interface TestRegistrar {
  (name: string, fn: () => void): void;
  skip(name: string, fn: () => void): void;
}

/**
 * Defines the PostgreSQL variant of a suite with the server's URL when there
 * is one; otherwise one test that fails under CI (named `failName`), or one
 * skipped test saying why.
 */
export function whenPostgres(test: TestRegistrar, failName: string, define: (url: string) => void, env: NodeJS.ProcessEnv = process.env): void {
  const server = postgresForTests(env);
  if ('fail' in server) {
    test(failName, () => {
      throw new Error(server.fail);
    });
  } else if ('skip' in server) {
    test.skip(server.skip, () => undefined);
  } else {
    define(server.url);
  }
}
