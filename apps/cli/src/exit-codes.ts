/** What the CLI's exit status means; scripts branch on these (listed in `logclass --help`). */
export const EXIT = {
  OK: 0,
  /** Bad command line: unknown option, missing argument... */
  USAGE: 1,
  /** The input is at fault: unreadable or malformed file, unknown label, or the gateway refused it (4xx). */
  INPUT: 2,
  /** The classifier failed: gateway unreachable, busy (429) or failing (5xx), or classification broke off. */
  CLASSIFIER: 3,
  /** A model could not be trained, loaded or promoted (promote leaves the current version in service). */
  MODEL: 4,
} as const;

/** The same statuses as a --help paragraph. */
export const EXIT_HELP = [
  'Exit status:',
  '  0  success',
  '  1  usage error (unknown option, missing argument)',
  '  2  input error (unreadable or malformed CSV, unknown label, the gateway refused the input)',
  '  3  classifier error (gateway unreachable, busy or failing; classification broke off midway)',
  '  4  model error (training failed, a model does not load, promotion refused)',
].join('\n');

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user should read: printed as one line, then the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
