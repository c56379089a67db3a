import { Command } from 'commander';
import { DEFAULT_CORRECTIONS_FILE } from '@logclass/corrections';
import { addTrainOptions, runTrain, type TrainCommandOptions } from '@logclass/training';
import { CliError, EXIT } from '../exit-codes';
import type { CliIo } from '../io';

export function registerTrainCommand(program: Command, io: CliIo): void {
  const command = new Command('train')
    .summary('train a new version of the embedding model (corpus, corrections, store labels)')
    .description(
      'Trains the embedding + logistic-regression tier (split by template, threshold chosen on validation, tested on\n' +
        'templates never trained on; see training/README.md). With a model folder that already holds a model, the result\n' +
        "is a new version (<model>/versions/v<n>/), compared with the version in service on the same held-out rows;\n" +
        `it is not served until \`logclass promote <n>\`. Operators' corrections (${DEFAULT_CORRECTIONS_FILE}, filled by\n` +
        'POST /feedback and `logclass feedback`) are included when present: a corrected template replaces the corpus rows\n' +
        'of that template and counts --correction-weight times, in training only. The template-label store (the LLM\n' +
        "tier's LLM_STORE*, or --store-file / --store-url) gives its operators' decisions and confirmed LLM answers\n" +
        '(--confirmed-label-weight rows each); unconfirmed LLM answers only with --store-labels all (--llm-label-weight\n' +
        'each; an answer to a line that looked like instructions never). The report says how many of the store\'s\n' +
        'templates, and rows, the new version would take over from the LLM tier once promoted.\n' +
        'Writes model.json, weights.f32, evaluation.txt/.json/.svg (and comparison.json) in the new folder;\n' +
        '--out writes exactly one folder instead (overwriting it). `npm run train` runs this command.',
    );
  addTrainOptions(command)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ logclass train                                   # models/hashing-lr/versions/v<n>, corrections included',
        '  $ logclass train --data my-labelled.csv --model models/my-lr',
        '  $ logclass train --no-corrections --out models/scratch',
        '  $ logclass train --store-labels all --llm-label-weight 5   # unconfirmed LLM answers too',
        '  $ logclass train --out models/hashing-lr           # rebuild the shipped model in place',
      ].join('\n'),
    )
    .action(async (opts: TrainCommandOptions) => {
      const log = (line: string): void => void io.stderr.write(`${line}\n`);
      const command = `logclass train ${process.argv.slice(3).join(' ')}`.trim();
      let outcome;
      try {
        outcome = await runTrain(opts, log, command);
      } catch (err) {
        throw new CliError(EXIT.MODEL, `train: ${(err as Error).message}`);
      }
      io.stdout.write(`${outcome.report}\n`);
      const next = outcome.version && outcome.version !== 'base' ? `; serve it with: logclass promote ${outcome.version} --model ${outcome.root}` : '';
      io.stderr.write(`wrote ${outcome.outDir}/ (model.json, weights.f32, evaluation.txt, evaluation.json, evaluation.svg)${next}\n`);
    });
  program.addCommand(command);
}
