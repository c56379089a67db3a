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
