import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../src/program';

// `npm run logclass` always runs at the workspace root, where the CLI's default
// paths (models/hashing-lr, data/corrections.csv) are; Jest starts in apps/cli.
process.chdir(join(__dirname, '..', '..', '..'));

/** Runs the real CLI in-process (no environment variables), capturing what it prints. */
export function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWithEnv({}, ...argv);
}

/** As cli(), with these environment variables. */
export async function cliWithEnv(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runCli(argv, { stdout, stderr, env });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}
