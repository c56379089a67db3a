import { Command, CommanderError } from 'commander';
import { registerBootstrapCommand } from './commands/bootstrap';
import { registerClassifyCommand } from './commands/classify';
import { registerEvaluateCommand } from './commands/evaluate';
import { registerFeedbackCommand } from './commands/feedback';
import { registerPromoteCommand } from './commands/promote';
import { registerTrainCommand } from './commands/train';
import { CliError, EXIT, EXIT_HELP, type ExitCode } from './exit-codes';
import type { CliIo } from './io';

const WORKFLOW = [
  '',
  'Operator workflow:',
  '  $ logclass classify logs.csv --in-process -o labelled.csv      # or through the gateway (default)',
  '  $ logclass feedback "Security Alert" "Multiple bad logins for admin"   # or POST /feedback on the gateway',
  '  $ logclass train                                               # new version, compared with the one in service',
  '  $ logclass promote v1                                          # the embedding service switches without a restart',
  '',
].join('\n');

/** The `logclass` command line. Each subcommand lives in commands/<name>.ts and registers itself here. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('logclass')
    .description('Classify log lines with the logclass cascade (regex rules, embedding model, LLM), and improve the model.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  registerClassifyCommand(program, io);
  registerFeedbackCommand(program, io);
  registerTrainCommand(program, io);
  registerEvaluateCommand(program, io);
  registerPromoteCommand(program, io);
  registerBootstrapCommand(program, io);
  // Subcommands are built with new Command() in their own files: they must fail the same way as the program.
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  program.addHelpText('after', `${WORKFLOW}\n${EXIT_HELP}\n`);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit status instead of exiting. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; a bare `logclass` shows help but is still a usage error.
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (err instanceof CliError) {
      io.stderr.write(`logclass: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr.write(`logclass: unexpected error: ${(err as Error).message}\n`);
    return EXIT.CLASSIFIER;
  }
}
