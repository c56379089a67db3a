import { Command } from 'commander';
import { addBootstrapOptions, runBootstrap, type BootstrapOptions } from '@logclass/training';
import { CliError, EXIT } from '../exit-codes';
import type { CliIo } from '../io';

export function registerBootstrapCommand(program: Command, io: CliIo): void {
  const command = new Command('bootstrap')
    .summary('label a file with no labelled data: each distinct template asked of the LLM once, then a first model')
    .description(
      [
        'Reads <input> (CSV: source,log_message) once and groups its rows as the LLM',
        'tier does (source and masked template). Each template the template-label store',
        'cannot answer yet is asked of the LLM once, through the LLM tier built from',
        'the LLM_* variables as the service is (LLM_STORE, LLM_MODEL,',
        'LLM_MESSAGES_PER_CALL, LLM_CONCURRENCY, LLM_MAX_TOKENS_PER_MINUTE...), until',
        '--max-calls or --max-tokens is reached, with a progress line on stderr. Every',
        'answer goes into the store as the LLM tier records it, so the tier serves',
        'those templates with no call, and an interrupted run (Ctrl-C, the budget) goes',
        "on where it stopped when run again. Then the file's lines of every labelled",
        'template (--rows-per-template each) are written to --labelled and a first',
        'model is trained on them into --model (a new version beside the one in service',
        'when the folder holds one; serve it with EMBEDDING_MODEL_DIR, or `logclass',
        "promote`). These labels are the LLM's, unconfirmed: an operator reviews them",
        'in the store before trusting them. Prints Groq calls, tokens and coverage',
        '(templates and rows labelled, no label fits, unanswered).',
      ].join('\n'),
    );
  addBootstrapOptions(command)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ GROQ_API_KEY=... logclass bootstrap logs.csv                       # store under data/, models/bootstrap-lr',
        '  $ GROQ_API_KEY=... logclass bootstrap logs.csv --max-calls 100 --no-train',
      ].join('\n'),
    )
    .action(async (input: string, opts: Omit<BootstrapOptions, 'input'>) => {
      const log = (line: string): void => void io.stderr.write(`${line}\n`);
      const controller = new AbortController();
      // The first Ctrl-C finishes the calls in flight (their answers are paid for) and stops; the second one is the default.
      const onSignal = () => {
        log('bootstrap: interrupted: finishing the calls in flight (Ctrl-C again to quit at once)');
        controller.abort();
        process.removeListener('SIGINT', onSignal);
      };
      process.once('SIGINT', onSignal);
      let outcome;
      try {
        outcome = await runBootstrap({ ...opts, input }, log, { env: io.env, signal: controller.signal, command: `logclass bootstrap ${process.argv.slice(3).join(' ')}`.trim() });
      } catch (err) {
        const message = (err as Error).message;
        throw new CliError(/cannot read|ENOENT|column|CSV/i.test(message) ? EXIT.INPUT : EXIT.MODEL, `bootstrap: ${message}`);
      } finally {
        process.removeListener('SIGINT', onSignal);
      }
      const summary = {
        rows: outcome.rows,
        templates: outcome.templates,
        fromStore: outcome.fromStore,
        asked: outcome.asked,
        calls: outcome.calls,
        tokens: outcome.tokens,
        labelled: outcome.labelled,
        noneFits: outcome.noneFits,
        unanswered: outcome.unanswered,
        ...(outcome.stoppedBy ? { stoppedBy: outcome.stoppedBy } : {}),
        ...(outcome.train ? { model: outcome.train.outDir, version: outcome.train.version } : {}),
      };
      if (outcome.train) io.stdout.write(`${outcome.train.report}\n`);
      io.stdout.write(`${JSON.stringify(summary)}\n`);
    });
  program.addCommand(command);
}
