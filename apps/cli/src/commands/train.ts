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
        `it is not served until \`logclass promote <n>\`. Operators' corrections are read from two places: the corrections\n` +
        `file (${DEFAULT_CORRECTIONS_FILE}, filled by \`logclass feedback\`, and by POST /feedback and the review unless the\n` +
        'gateway has a PostgreSQL store) when present: a corrected template replaces the corpus rows of that template and\n' +
        'counts --correction-weight times, in training only; and the template-label store (the LLM tier\'s LLM_STORE*, or\n' +
        "--store-file / --store-url), with its operators' decisions (every POST /feedback and review correction when the\n" +
        'gateway has the store) and confirmed LLM answers (--confirmed-label-weight rows each); the file wins where both have\n' +
        'a template. Unconfirmed LLM answers only with --store-labels all (--llm-label-weight each; an answer to a line that\n' +
        'looked like instructions never). Those templates the new model would leave under its threshold (or label\n' +
        'otherwise) and whose rows all agree go into its template memory: the embedding tier decides them by exact match\n' +
        '(--no-template-memory: not). The report says how many of the store\'s templates, and rows, the new version would\n' +
        'take over from the LLM tier once promoted.\n' +
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
