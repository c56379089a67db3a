// `npm run train`: train the embedding tier's logistic regression on labelled
// logs, choose its abstain threshold on held-out templates, evaluate on other
// held-out templates, and write the model artifact plus evaluation.txt/json/svg.
// The same command is `logclass train` (which adds versions and corrections by default).
import { Command } from 'commander';
import { addTrainOptions, runTrain, type TrainCommandOptions } from './commands/train-command';

const program = addTrainOptions(
  new Command().name('train').description('Train the embedding + logistic-regression tier on a labelled CSV (source,log_message,target_label[,template_id]).'),
).parse();

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const command = args.length > 0 ? `npm run train -- ${args.join(' ')}` : 'npm run train';
  const outcome = await runTrain(program.opts<TrainCommandOptions>(), 'folder', (line) => console.log(line), command);
  console.log(`\n${outcome.report}`);
  console.log(`wrote ${outcome.outDir}/ (model.json, weights.f32, evaluation.txt, evaluation.json, evaluation.svg)`);
}

main().catch((err: unknown) => {
  console.error(`train: ${(err as Error).message}`);
  process.exit(1);
});
