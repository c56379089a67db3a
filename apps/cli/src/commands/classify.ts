import { createReadStream, createWriteStream } from 'node:fs';
import { access, rename, rm } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { parseExtraColumns } from '@logclass/csv-stream';
import { CliError, EXIT } from '../exit-codes';
import { networkReason, postToGateway } from '../gateway-client';
import type { CliIo } from '../io';

export interface ClassifyArgs {
  input: string;
  output?: string;
  gateway: string;
  columns?: string;
}

export const DEFAULT_GATEWAY = 'http://127.0.0.1:8080';

export function registerClassifyCommand(program: Command, io: CliIo): void {
  program
    .command('classify')
    .summary('classify a CSV of logs through the gateway')
    .description(
      'Streams <in.csv> (columns source and log_message, others kept) to the gateway and writes the same rows with a ' +
        'target_label column. Files of any size are streamed both ways; an answer that breaks off midway is never written to -o.',
    )
    .argument('<in.csv>', 'CSV file with a header row naming source and log_message')
    .option('-o, --output <out.csv>', 'where to write the result (default: standard output)')
    .option('-g, --gateway <url>', 'gateway REST address (env LOGCLASS_GATEWAY)', io.env.LOGCLASS_GATEWAY ?? DEFAULT_GATEWAY)
    .option('-c, --columns <list>', 'extra columns after target_label: tier,confidence,reason,template')
    .addHelpText(
      'after',
      '\nExamples:\n  $ logclass classify logs.csv -o labelled.csv\n  $ logclass classify logs.csv --columns tier,reason --gateway http://gateway:8080 > labelled.csv',
    )
    .action(async (input: string, opts: Omit<ClassifyArgs, 'input'>) => {
      await classifyFile({ input, ...opts }, io);
    });
}

/** Streams the file to POST /classify and the answer to the output. */
export async function classifyFile(args: ClassifyArgs, io: CliIo): Promise<void> {
  const url = classifyUrl(args);
  await access(args.input, fsConstants.R_OK).catch((err: NodeJS.ErrnoException) => {
    throw new CliError(EXIT.INPUT, `cannot read ${args.input}: ${err.code ?? err.message}`);
  });
  const res = await postToGateway(url, createReadStream(args.input), 'text/csv');
  const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  if (args.output) await writeAtomically(body, args.output);
  else await copyTo(body, io.stdout);
}

function classifyUrl(args: ClassifyArgs): URL {
  let url: URL;
  try {
    url = new URL('/classify', args.gateway);
  } catch {
    throw new CliError(EXIT.USAGE, `--gateway "${args.gateway}" is not a URL (e.g. ${DEFAULT_GATEWAY})`);
  }
  if (args.columns !== undefined) {
    try {
      url.searchParams.set('columns', parseExtraColumns(args.columns).join(','));
    } catch (err) {
      throw new CliError(EXIT.USAGE, `--columns: ${(err as Error).message}`);
    }
  }
  return url;
}

const CUT_OFF =
  'the gateway broke off its answer midway (a problem found deep in the file, such as a malformed row, or a lost connection)';

/** Writes next to the target and renames at the end: a broken transfer never leaves a short file that looks complete. */
async function writeAtomically(body: Readable, path: string): Promise<void> {
  const partial = `${path}.partial`;
  try {
    await pipeline(body, createWriteStream(partial));
  } catch (err) {
    await rm(partial, { force: true });
    throw new CliError(EXIT.GATEWAY, `${CUT_OFF}; ${path} was not written (${networkReason(err)})`);
  }
  await rename(partial, path);
}

async function copyTo(body: Readable, out: Writable): Promise<void> {
  try {
    await pipeline(body, out, { end: false });
  } catch (err) {
    throw new CliError(EXIT.GATEWAY, `${CUT_OFF}; the output above is incomplete (${networkReason(err)})`);
  }
}
