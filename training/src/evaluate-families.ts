// `npm run evaluate:families`: hold out whole program families, fold by fold,
// and report how the embedding tier does on programs it never saw a line of
// (per family, overall, the worst family, by similarity to the nearest
// training template), with the template-held-out numbers as a secondary line.
import { Command } from 'commander';
import { addEvaluateFamiliesOptions, FAMILY_REPORT_JSON, FAMILY_REPORT_TXT, runEvaluateFamilies, type EvaluateFamiliesOptions } from './commands/evaluate-families-command';

const program = addEvaluateFamiliesOptions(
  new Command().name('evaluate:families').description('Family-held-out evaluation of the embedding + logistic-regression tier on a labelled CSV with a family column.'),
).parse();

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const command = args.length > 0 ? `npm run evaluate:families -- ${args.join(' ')}` : 'npm run evaluate:families';
  const opts = program.opts<EvaluateFamiliesOptions>();
  const { text } = await runEvaluateFamilies(opts, (line) => console.log(line), command);
  console.log(`\n${text}`);
  console.log(`wrote ${opts.out}/${FAMILY_REPORT_TXT} and ${FAMILY_REPORT_JSON}`);
}

main().catch((err: unknown) => {
  console.error(`evaluate:families: ${(err as Error).message}`);
  process.exit(1);
});
