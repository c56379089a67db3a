import { isConstant } from './constant-values';
import { isMessageCode } from './message-code';
import { isWildcard, WILDCARD } from './tokens';

/** `<TS>`, `[<TS>]`, `(<NUM>)`, `<IP>:`, `£<NUM>`: a placeholder and punctuation, no word. */
const BARE_VALUE = /^[^A-Za-z0-9<]{0,3}<[A-Z]+>[^A-Za-z0-9<]{0,3}$/;
export const isBareValue = (token: string): boolean => BARE_VALUE.test(token);

/** Marks of a template position, worked out once per template text instead of once per compared line. */
export const WORDING = 1;
export const MAY_ACCEPT = 2;
/** Wording shaped like a value (isValueShaped): a line's value-shaped token there is a slot, not a difference. */
export const VALUE_SHAPED = 4;
/** An HTTP status or a failure's exit code, keyed or not (`200`, `status=503`, `137`): a line's status there is a slot (StatusPairTest), not a difference. */
export const STATUS_SHAPED = 8;
/** A closed-set constant (constant-values.ts): a line's other constant there is a slot, not a difference. */
export const CONSTANT_SHAPED = 16;

/**
 * What the similarity score needs to know of a template's tokens, computed
 * when the template is made or changes: per position whether it is wording
 * (neither a bare wildcard nor a bare placeholder: an equal token there
 * counts), whether that wording is shaped like a value, a status or a constant, and whether it is a wildcard that may accept other tokens, and how
 * many wording positions it has (the most a line can equal).
 */
export interface TemplateShape {
  readonly marks: Uint8Array;
  readonly wording: number;
}

export function shapeOf(tokens: readonly string[]): TemplateShape {
  const marks = new Uint8Array(tokens.length);
  let wording = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let mark = 0;
    if (!isWildcard(t) && !isBareValue(t)) {
      mark |= WORDING;
      wording++;
    }
    if (t.includes('<*>')) mark |= MAY_ACCEPT;
    if ((mark & WORDING) !== 0 && isValueShaped(t)) mark |= VALUE_SHAPED;
    if (STATUS.test(t) || STATUS_WILDCARD.test(t) || FAILURE_CODE.test(t)) mark |= STATUS_SHAPED;
    if ((mark & WORDING) !== 0 && isConstant(t)) mark |= CONSTANT_SHAPED;
    marks[i] = mark;
  }
  return { marks, wording };
}

/**
 * A token whose form says it is a value the masker did not name: a dotted,
 * slashed, glued or signed word (`org.example.mail`, `dump.48319`,
 * `PROCESS_LOCAL`, `x-`, `worker-36.spark`), with a digit or one of
 * `. _ / : @ ~ + -` inside or at its end. Wording is plain words. Two such
 * tokens at one position of otherwise equal lines are one slot at once,
 * and do not count against the lines' similarity: real templates take
 * values like these at the first line that differs, often only a few times.
 */
export function isValueShaped(token: string): boolean {
  if (isMessageCode(token)) return false;
  let end = token.length;
  while (end > 0 && DELIMITER_OR_CLOSER.has(token.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && OPENER.has(token.charCodeAt(start))) start++;
  if (end - start < 2 || token.charCodeAt(start) === 60) return false; // '<': a placeholder, see isBareValue
  let letters = 0;
  let marked = false;
  for (let i = start; i < end; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if ((c >= 48 && c <= 57) || (i > start && VALUE_MARK.has(c))) marked = true;
    else if (c !== 39) return false; // anything else (`=`, quotes, brackets inside) is structure, not one value
  }
  // A short bare number is a status or exit code the masker kept on purpose.
  return marked && letters > 0;
}

const OPENER = new Set([...'([{"\''].map((c) => c.charCodeAt(0)));
const DELIMITER_OR_CLOSER = new Set([...' ,;)]}"\'.:!?'].map((c) => c.charCodeAt(0)));
const VALUE_MARK = new Set([...'._/:@~+-'].map((c) => c.charCodeAt(0)));

/** Whether two tokens the masker kept as statuses are one slot of a template: two statuses of one class, or two statuses. */
export type StatusPairTest = (a: string, b: string) => boolean;

/**
 * Two HTTP statuses of one class (`200` and `204`, `"404"` and `"403"`,
 * `status=502` and `status=503`): the class says what happened (success, the
 * client's error, the server's), the code within it is a value. The masker
 * keeps statuses so that classes stay apart; a miner told to keep them apart
 * (MinerOptions.statusClassesApart) lets the code within a class vary.
 */
export function isSameStatusClass(a: string, b: string): boolean {
  const x = STATUS.exec(a);
  const y = x && STATUS.exec(b);
  return (!!y && x[1] === y[1] && x[2] === y[2] && x[3] === y[3] && x[4] === y[4]) || isFailureCodePair(a, b, true);
}

/**
 * Two HTTP statuses, keyed, quoted and delimited alike, whatever their
 * classes (`200` and `503`, `status=200` and `status=422`): a status is a
 * value of its template, as log-parsing ground truths count it. So is a
 * status against a wildcard keyed and delimited alike: the wildcard a
 * template made of two statuses takes a third (without this the status, a
 * short number and so a meaning word, kept every new status out of the
 * template and started a sibling).
 */
export function isStatusPair(a: string, b: string): boolean {
  const x = STATUS.exec(a) ?? STATUS_WILDCARD.exec(a);
  const y = x && (STATUS.exec(b) ?? (x[3] === WILDCARD ? null : STATUS_WILDCARD.exec(b)));
  return (!!y && x[1] === y[1] && x[2] === y[2] && x[4] === y[4]) || isFailureCodePair(a, b, false);
}

// key= (a status field of key=value logs), quote, class digit (or a wildcard), tail.
const STATUS = /^([A-Za-z_]*=)?(["']?)([1-5])\d\d(["']?[ ,;]*)$/;
const STATUS_WILDCARD = /^([A-Za-z_]*=)?(["']?)(<\*>)(["']?[ ,;]*)$/;

/**
 * Two exit codes of a failure, keyed, quoted and delimited alike (`exit code
 * 1` / `exit code 137`, `Exit status: 143.` / `Exit status: 1.`), or one
 * against a wildcard so keyed and delimited: which non-zero code a program
 * exited with is a value of its template, as ground truths count digits. The
 * masker keeps exit codes (they are the only short numbers it keeps besides
 * HTTP statuses), so 0, success, against another code stays a difference.
 * The digits cannot tell an exit code from an HTTP status: where statuses of
 * two classes stay apart (`classesApart`, isSameStatusClass), a code shaped
 * like one of them (`255`, `503`) is left to that rule.
 */
function isFailureCodePair(a: string, b: string, classesApart: boolean): boolean {
  const x = FAILURE_CODE.exec(a);
  const y = x && FAILURE_CODE.exec(b);
  if (!y || x[1] !== y[1] || x[2] !== y[2] || x[5] !== y[5]) return false;
  const [xWild, yWild] = [x[3] === WILDCARD, y[3] === WILDCARD];
  if (xWild && yWild) return false;
  if (classesApart && ((!xWild && HTTP_CLASS.test(x[3])) || (!yWild && HTTP_CLASS.test(y[3])))) return false;
  // A wildcard ends with the delimiters alone (generalise keeps no punctuation): the code's `.` or `)` is the wildcard's to take.
  return xWild || yWild || x[4] === y[4];
}

// key=, quote, a non-zero code of up to 3 digits or a wildcard, a closing quote or punctuation, delimiters.
const FAILURE_CODE = /^([A-Za-z_]*=)?(["']?)([1-9]\d{0,2}|<\*>)(["']?[.:)\]]?)([ ,;]*)$/;
const HTTP_CLASS = /^[2-5]\d\d$/;

/**
 * Two fields of other JSON keys at one position (`"errorCode":<QUOTED>,` /
 * `"requestParameters":{`): events of other shapes, whose keys are all that
 * is left of them once the masker has taken their values; a miner that let
 * the key vary pooled audit events of every kind (and label).
 */
export function areOtherFields(a: string, b: string): boolean {
  // Asked of every differing position of a template the line may join: most tokens cannot open with a JSON key, and the first character tells.
  if (!JSON_KEY_OPENERS.has(a.charCodeAt(0))) return false;
  const x = JSON_KEY.exec(a);
  const y = x && JSON_KEY.exec(b);
  return !!y && x[1] !== y[1];
}

/** A JSON key opening a token, after the brackets and comma before it. */
const JSON_KEY_START = '^[{[,]*"([^"]{1,64})":';
const JSON_KEY = new RegExp(JSON_KEY_START);
/** What JSON_KEY_START allows a token to open with. */
const JSON_KEY_OPENERS = new Set([...'{[,"'].map((c) => c.charCodeAt(0)));

/**
 * A JSON key with nothing after it but a space (`{"timestamp": `, `"message": `), whose value is
 * the next token, or with a value the masker took (`"time":<NUM>,`, `{"hostname":<QUOTED>,`):
 * a logger's envelope, no wording of the message.
 */
export const isJsonEnvelopeField = (token: string): boolean => JSON_ENVELOPE_FIELD.test(token);
const JSON_ENVELOPE_FIELD = new RegExp(`${JSON_KEY_START} ?(?:<[A-Z]+>[,}\\]]*)?[ ,;]*$`);
