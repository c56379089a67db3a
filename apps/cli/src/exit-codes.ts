/** What the CLI's exit status means; scripts branch on these. */
export const EXIT = {
  OK: 0,
  /** Bad command line: unknown option, missing argument... */
  USAGE: 1,
  /** The input is at fault: unreadable file, or the gateway refused it (4xx). */
  INPUT: 2,
  /** The gateway is unreachable, busy (429), failed (5xx) or broke off its answer. */
  GATEWAY: 3,
} as const;

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
