import { ProblemsError } from '@logclass/service-config';

/** A rule ready to run: validated, compiled once at start-up. */
export interface CompiledRule {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly regex: RegExp;
  /** Lower-cased source names the rule is limited to; undefined = every source. */
  readonly sources: ReadonlySet<string> | undefined;
  /** A cheap necessary condition for a match; undefined = always run the regex. */
  readonly prefilter?: RulePrefilter;
}

/** The text a rule matches contains one of these strings (see required-literals.ts). */
export interface RulePrefilter {
  readonly anyOf: readonly string[];
  /** The strings are lower-case and must be looked for in the lower-cased text (the rule has the `i` flag). */
  readonly caseFolded: boolean;
}

/** The rules of one file, in file order (the first match wins), with the file's identity. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  /** Where the rules came from (a path, or a name given by the caller). */
  readonly origin: string;
  /** Hex SHA-256 of the file text: the model identity Describe reports. */
  readonly sha256: string;
}

/** A rules file that cannot be used; the message names the file and every offending rule. */
export class RuleFileError extends ProblemsError {
  override readonly name = 'RuleFileError';
  constructor(readonly origin: string, problems: readonly string[]) {
    super(`invalid regex rules ${origin}`, problems);
  }
}
