// `npm run evaluate -- --data <labelled.csv> [--model models/hashing-lr]`:
// how well the embedding tier, and the deployed cascade run in this process,
// classify a labelled CSV (source,log_message,target_label). Also `logclass evaluate`.
import { Command } from 'commander';
import { addEvaluateOptions, runEvaluate, type EvaluateCommandOptions } from './commands/evaluate-command';

const program = addEvaluateOptions(
  new Command().name('evaluate').description('Evaluate the embedding tier and the regex -> embedding -> llm cascade on a labelled CSV (source,log_message,target_label).'),
).parse();

runEvaluate(program.opts<EvaluateCommandOptions>())
  .then(({ report }) => console.log(report))
  .catch((err: unknown) => {
    console.error(`evaluate: ${(err as Error).message}`);
    process.exit(1);
  });
