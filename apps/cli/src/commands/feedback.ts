import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { correctionsFile, DEFAULT_CORRECTIONS_FILE } from '@logclass/corrections';
import { correctionsFromJson } from '@logclass/gateway-server';
import { loadTaxonomy } from '@logclass/taxonomy';
import { CliError, EXIT } from '../exit-codes';
import type { CliIo } from '../io';

interface FeedbackArgs {
  source: string;
  file?: string;
  corrections: string;
  taxonomy?: string;
}

export function registerFeedbackCommand(program: Command, io: CliIo): void {
  program
    .command('feedback')
    .summary('record label corrections for the next `logclass train`')
    .description(
      'Appends corrected rows (source,log_message,target_label,corrected_at) to the corrections file, which\n' +
        '`logclass train` includes. Labels are checked against the taxonomy (case and spacing do not matter).\n' +
        'Give one correction as arguments, or many with --file (a CSV with log_message and target_label or label,\n' +
        'and optionally source; e.g. a classified CSV whose labels you fixed). The gateway\'s POST /feedback appends\n' +
        'to the same file format (GATEWAY_FEEDBACK_FILE).',
    )
    .argument('[label]', 'the right label for the message')
    .argument('[message]', 'the log message')
    .option('-s, --source <name>', 'source of the message', '')
    .option('-f, --file <csv>', 'corrections as a CSV instead of arguments')
    .option('--corrections <csv>', 'corrections file to append to (env GATEWAY_FEEDBACK_FILE)', io.env.GATEWAY_FEEDBACK_FILE ?? DEFAULT_CORRECTIONS_FILE)
    .option('--taxonomy <json>', 'label file (default: the nine built-in labels)')
    .addHelpText(
      'after',
      ['', 'Examples:', '  $ logclass feedback "Security Alert" "Multiple bad logins for user admin" --source ModernHR', '  $ logclass feedback --file fixed-labels.csv'].join('\n'),
    )
    .action(async (label: string | undefined, message: string | undefined, opts: FeedbackArgs) => {
      if (!opts.file && (label === undefined || message === undefined)) throw new CliError(EXIT.USAGE, 'give <label> <message>, or --file <csv>');
      const items = opts.file ? await itemsFromCsv(opts.file) : [{ source: opts.source, log_message: message, label }];
      let corrections;
      try {
        corrections = correctionsFromJson(items, loadTaxonomy(opts.taxonomy), { count: Number.MAX_SAFE_INTEGER, setting: '' });
      } catch (err) {
        throw new CliError(EXIT.INPUT, (err as Error).message.replace(/^body/, opts.file ? 'row' : 'correction'));
      }
      await correctionsFile(opts.corrections).append(corrections);
      io.stdout.write(`appended ${corrections.length} correction${corrections.length === 1 ? '' : 's'} to ${opts.corrections}\n`);
    });
}

async function itemsFromCsv(path: string): Promise<Record<string, string>[]> {
  let rows: Record<string, string>[];
  try {
    rows = parse(await readFile(path), { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, bom: true });
  } catch (err) {
    throw new CliError(EXIT.INPUT, `cannot read ${path} as CSV: ${(err as Error).message}`);
  }
  // row[0] is the first data row: numbered from 0 like the gateway's body[i].
  return rows.map((r) => ({ source: r.source ?? '', log_message: r.log_message, label: r.target_label ?? r.label }));
}
