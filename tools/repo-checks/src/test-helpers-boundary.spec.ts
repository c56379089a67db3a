import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '../../..');
const IMPORT = "import { MarkerTier } from '@logclass/test-support';\nexport const tier = new MarkerTier('regex');\n";

interface LintResult {
  messages: { ruleId: string | null; message: string }[];
}

/**
 * What the lint says of that text at that path in that project (the file need not exist), run as the
 * lint target runs it: the eslint command in the project's folder, with its config (ESM, which Jest's
 * module loader cannot import).
 */
async function restrictedImports(project: string, path: string): Promise<string[]> {
  const eslint = promisify(execFile)(join(ROOT, 'node_modules/.bin/eslint'), ['--format', 'json', '--stdin', '--stdin-filename', path], {
    cwd: join(ROOT, project),
  });
  eslint.child.stdin?.end(IMPORT);
  // eslint exits 1 when it reports an error: the report is on stdout either way.
  const { stdout } = await eslint.catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  const [result] = JSON.parse(stdout) as LintResult[];
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// The rule lives in the root eslint.config.mjs; this checks it says what its comment says.
describe('test helpers only from tests', () => {
  it.each([
    ['libs/gateway-server', 'src/http/new-route.ts'],
    ['apps/gateway', 'src/main.ts'],
    ['training', 'src/pipeline/new-step.ts'],
    ['tools/repo-checks', 'src/new-check.ts'],
  ])('refuses @logclass/test-support in %s: %s', async (project, path) => {
    expect(await restrictedImports(project, path)).toEqual([expect.stringContaining('test helpers are for spec files and test folders only')]);
  });

  it.each([
    ['libs/gateway-server', 'src/http/new-route.spec.ts'],
    ['libs/gateway-server', 'test/new-fixture.ts'],
    ['tests/system', 'src/new-fixture.ts'],
    ['bench', 'new-benchmark.ts'],
  ])('allows it in %s: %s', async (project, path) => {
    expect(await restrictedImports(project, path)).toEqual([]);
  });
});
