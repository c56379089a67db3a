import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../src/program';

// `npm run logclass` always runs at the workspace root, where the CLI's default
// paths (models/hashing-lr, data/corrections.csv) are; Jest starts in apps/cli.
process.chdir(join(__dirname, '..', '..', '..'));

/** Runs the real CLI in-process (no environment variables), capturing what it prints. */
export function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWithEnv({}, ...argv);
}

/** As cli(), with these environment variables. */
export function cliWithEnv(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runWith({ env }, argv);
}

/** As cliWithEnv(), with `stdin` as standard input. */
export function cliWithEnvAndInput(env: NodeJS.ProcessEnv, stdin: Readable, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runWith({ env, stdin }, argv);
}

/** As cli(), with `stdin` as standard input (what `classify -` reads). */
export function cliWithInput(stdin: string | Readable, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runWith({ env: {}, stdin: typeof stdin === 'string' ? Readable.from([Buffer.from(stdin)]) : stdin }, argv);
}

async function runWith({ env, stdin }: { env: NodeJS.ProcessEnv; stdin?: Readable }, argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runCli(argv, { stdout, stderr, env, stdin });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}
