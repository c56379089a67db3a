import type { Command } from 'commander';
import { describeVersions, drawModelPicture, promoteVersion } from '@logclass/training';
import { CliError, EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { DEFAULT_MODEL } from './classify';

export function registerPromoteCommand(program: Command, io: CliIo): void {
  program
    .command('promote')
    .summary('put a trained model version in service (or list versions)')
    .description(
      'Checks that the version loads, then points <model>/current at it (an atomic file replace). A running embedding\n' +
        'service polls that pointer (and reloads on SIGHUP): it loads the new version next to the old one, checks it,\n' +
        'and swaps; batches in flight finish on the old model, and a model that fails its checks is refused while the\n' +
        'old one keeps serving. "base" is the model in the folder itself (as shipped). Without a version: list them.',
    )
    .argument('[version]', 'v<n> or base')
    .option('--model <dir>', 'model folder', DEFAULT_MODEL)
    .option('--models-path <dir>', 'where transformers models live', 'models')
    .addHelpText('after', ['', 'Examples:', '  $ logclass promote                 # list versions, * = in service', '  $ logclass promote v2', '  $ logclass promote base           # back to the shipped model'].join('\n'))
    .action(async (version: string | undefined, opts: { model: string; modelsPath: string }) => {
      if (!version) {
        io.stdout.write(`${describeVersions(opts.model)}\n`);
        return;
      }
      let outcome;
      try {
        outcome = await promoteVersion(opts.model, version, opts.modelsPath);
      } catch (err) {
        throw new CliError(EXIT.MODEL, `promote: ${(err as Error).message}`);
      }
      if (outcome.comparison) io.stdout.write(`${outcome.comparison}\n`);
      io.stdout.write(`promoted ${opts.model} ${outcome.promoted} (was ${outcome.previous}); running embedding services switch within seconds\n`);
    });

  program
    .command('picture')
    .summary('draw <model>/evaluation.svg from its evaluation.json (no retraining)')
    .argument('[model-dir]', 'model (or version) folder', DEFAULT_MODEL)
    .action((dir: string) => {
      try {
        io.stdout.write(`wrote ${drawModelPicture(dir)}\n`);
      } catch (err) {
        throw new CliError(EXIT.INPUT, `picture: ${(err as Error).message}`);
      }
    });
}
