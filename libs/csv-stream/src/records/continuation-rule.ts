import { invalidArgument } from '@logclass/classifier';
import { findBacktrackingRisk } from '@logclass/safe-regex';

/**
 * Which lines of a plain log continue the record above them instead of
 * starting a new one: indented lines (stack frames, wrapped text), and the
 * unindented lines Java-style traces print: `Caused by: ...`,
 * `Suppressed: ...`, `at com.example.Foo(Foo.java:1)`, `... 12 more`,
 * `... 12 common frames omitted`.
 */
export const DEFAULT_CONTINUATION = String.raw`^(?:[ \t]|Caused by: |Suppressed: |at |\.\.\. \d+ (?:more|common frames omitted))`;

/** Only this much of each line is tested: lines are attacker-controlled, and the rule is about how a line starts. */
const TESTED_CHARS = 256;

/** A compiled continuation rule; `undefined` means every line is a record of its own. */
export interface ContinuationRule {
  source: string;
  continues(line: string): boolean;
}

/**
 * The rule from a user's pattern (a JavaScript regular expression tested
 * against the start of each line): absent = DEFAULT_CONTINUATION, empty =
 * no joining. Patterns that could backtrack catastrophically are refused,
 * as for the regex tier's rules.
 */
export function continuationRule(pattern: string | undefined): ContinuationRule | undefined {
  const source = pattern ?? DEFAULT_CONTINUATION;
  if (source === '') return undefined;
  const risk = findBacktrackingRisk(source);
  if (risk) throw invalidArgument(`continuation pattern refused (${risk}): it could take exponential time on a crafted line`);
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (err) {
    throw invalidArgument(`continuation pattern is not a valid regular expression: ${(err as Error).message}`);
  }
  return { source, continues: (line) => regex.test(line.length > TESTED_CHARS ? line.slice(0, TESTED_CHARS) : line) };
}
