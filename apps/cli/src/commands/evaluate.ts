import { Command } from 'commander';
import { addEvaluateOptions, runEvaluate, type EvaluateCommandOptions } from '@logclass/training';
import { CliError, EXIT } from '../exit-codes';
import type { CliIo } from '../io';

export function registerEvaluateCommand(program: Command, io: CliIo): void {
  const command = new Command('evaluate')
    .summary('measure the model and the cascade on a labelled CSV')
    .description(
      'Classifies a labelled CSV (source,log_message,target_label) with the embedding tier alone and with the cascade\n' +
        '(regex -> embedding -> the LLM\'s place, not called) in this process, and prints accuracy, macro-F1, per-label\n' +
        'precision/recall/F1, the confusion matrix and the most confident mistakes. --report also draws evaluation.svg.',
    );
  addEvaluateOptions(command)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ logclass evaluate --data my-labelled.csv',
        '  $ logclass evaluate --data my-labelled.csv --model models/hashing-lr --report out/evaluation.txt  # + out/evaluation.svg',
        '  $ logclass evaluate --data my-labelled.csv --no-cascade --json out.json',
      ].join('\n'),
    )
    .action(async (opts: EvaluateCommandOptions) => {
      let outcome;
      try {
        outcome = await runEvaluate(opts);
      } catch (err) {
        throw new CliError(EXIT.INPUT, `evaluate: ${(err as Error).message}`);
      }
      io.stdout.write(`${outcome.report}\n`);
      if (outcome.svgPath) io.stderr.write(`wrote ${opts.report} and ${outcome.svgPath}\n`);
    });
  program.addCommand(command);
}
