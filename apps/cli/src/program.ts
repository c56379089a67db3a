import { Command, CommanderError } from 'commander';
import { registerClassifyCommand } from './commands/classify';
import { CliError, EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';

/**
 * The `logclass` command line. Each subcommand lives in commands/<name>.ts
 * and registers itself here; add train, evaluate... the same way.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command('logclass')
    .description('Classify log lines with the logclass cascade (regex rules, embedding model, LLM).')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  registerClassifyCommand(program, io);
  program.addHelpText(
    'after',
    '\nExit status: 0 ok, 1 usage error, 2 input error (unreadable file, the gateway refused it), 3 gateway unreachable/busy/failed.',
  );
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
    return EXIT.GATEWAY;
  }
}
