/**
 * `logclass classify -` on a plain log against the CSV path, side by side in
 * one run on the same messages: the CLI as `npm run logclass` runs it, with
 * --in-process (no servers) (a) on a CSV file and (b) on the
 * same messages as plain lines piped to its stdin (one record per line; no
 * line of this stream is a continuation). Wall time and records per second;
 * every output record counted.
 *
 *   npx tsx --tsconfig tsconfig.base.json bench/cli-lines.ts [lines]
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { CsvRecordCounter } from './lib/csv-upload';
import { generateCsv, ROOT } from './lib/generate-csv';
import { printTable } from './lib/report';

const LINES = Number(process.argv[2] ?? 1_000_000);
/** What `npm run logclass` runs. */
const CLI = [join(ROOT, 'node_modules/.bin/tsx'), '--tsconfig', 'tsconfig.base.json', 'apps/cli/src/main.ts'];

/** The CSV's messages, one a line (messages holding a newline are skipped: they would be two records). */
async function plainLog(csvPath: string): Promise<{ path: string; lines: number }> {
  const path = csvPath.replace(/\.csv$/, '.log');
  let lines = 0;
  const out = createWriteStream(path);
  for await (const record of createReadStream(csvPath).pipe(parse({ columns: true })) as AsyncIterable<{ log_message: string }>) {
    if (record.log_message.includes('\n') || /^[\t ]|^(Caused by|at |\.\.\. \d+)/.test(record.log_message)) continue;
    if (!out.write(`${record.log_message}\n`)) await once(out, 'drain');
    lines++;
  }
  out.end();
  await once(out, 'finish');
  return { path, lines };
}

interface Run {
  records: number;
  seconds: number;
}

/** Runs the CLI with `args`, `stdinPath` piped to its stdin when given, counting CSV records on its stdout. */
async function runCli(args: string[], stdinPath?: string): Promise<Run> {
  const started = process.hrtime.bigint();
  const child = spawn(CLI[0], [...CLI.slice(1), ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, GROQ_API_KEY: '', LLM_STORE: 'none' } });
  if (stdinPath) createReadStream(stdinPath).pipe(child.stdin);
  else child.stdin.end();
  const counter = new CsvRecordCounter();
  child.stdout.on('data', (chunk: Buffer) => counter.push(chunk));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`logclass ${args.join(' ')} exited with ${code}`);
  return { records: counter.records - 1, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function main(): Promise<void> {
  const csv = await generateCsv(LINES, 42);
  const log = await plainLog(csv);
  const csvRun = await runCli(['classify', csv, '--in-process', '--quiet']);
  const linesRun = await runCli(['classify', '-', '--input-format', 'lines', '--source', 'app', '--in-process', '--quiet'], log.path);
  if (csvRun.records !== LINES) throw new Error(`CSV: ${LINES} rows in, ${csvRun.records} out`);
  if (linesRun.records !== log.lines) throw new Error(`lines: ${log.lines} in, ${linesRun.records} out`);
  printTable(`logclass classify --in-process, CSV file against the same messages as plain lines on stdin`, [
    { input: `CSV file (${LINES.toLocaleString('en')} rows)`, seconds: csvRun.seconds.toFixed(1), 'records/s': Math.round(csvRun.records / csvRun.seconds), 'x CSV': '1.00' },
    {
      input: `plain lines on stdin (${log.lines.toLocaleString('en')})`,
      seconds: linesRun.seconds.toFixed(1),
      'records/s': Math.round(linesRun.records / linesRun.seconds),
      'x CSV': (linesRun.records / linesRun.seconds / (csvRun.records / csvRun.seconds)).toFixed(2),
    },
  ]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
