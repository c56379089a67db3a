import { isMessageCode } from './message-code';
import { keyPrefix, tokenise, WILDCARD, wildcardAccepts } from './tokens';

/**
 * Values a program prints from a closed set: enum constants (`RUNNING`,
 * `PROCESS_LOCAL`, `KILL_WAIT`, `LOOKING`), booleans and null. Published
 * log-parsing ground truths count them as variables of their template
 * (`Transitioned from <*> to <*>`, `allDrawn= <*>`, `(n.state) <*>`): the
 * template is the statement the code makes, the constant the state it
 * reports. Two such tokens at one position are a slot at once, however few
 * values have been seen (a set of two, `MEMORY`/`DISK`, never reaches
 * variableAfter). A constant whose word is a meaning word (`FAILED`, `OK`)
 * is a state only where a line says it prints one (isStateValueAt:
 * `to FAILED`, `state=KILLED`); elsewhere it is the line's wording
 * (`OK LOGIN:` and `FAIL LOGIN:` are two messages).
 *
 * Labels are never decided by such a template: the tiers' caches and label
 * store are keyed by the deterministic mask (maskTemplate), which keeps
 * every constant, and a tier given the mined template is given it with the
 * line's outcome states back in (TemplateMiner.labelKeyOf).
 */

/**
 * A constant with the punctuation around it, as a key's value or alone
 * (`state=FAILED`, `"isSpeculative":false,`, `(RUNNING),`): capitals,
 * digits and `_`, starting with a capital, at least two characters; or a
 * boolean or null.
 */
const CONSTANT = /^(?:"?[\w.-]{1,64}"?[=:])?[([{"']?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|true|false|True|False|null|NULL)[)\]}"']?[.,;:]?[ ,;]*$/;

/**
 * Capitals that are not a state: a level names how the line was logged, an
 * HTTP method the request it describes and a protocol the channel (`open
 * through proxy <*> HTTPS` / `... SOCKS5`); lines that differ in one wait for
 * variableAfter values like any other word.
 */
const NOT_CONSTANTS = new Set([
  'TRACE', 'DEBUG', 'INFO', 'NOTICE', 'WARN', 'WARNING', 'ERROR', 'ERR', 'CRIT', 'CRITICAL', 'ALERT', 'EMERG', 'FATAL', 'SEVERE', 'PANIC',
  'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'CONNECT',
  'HTTP', 'HTTPS', 'SOCKS', 'SOCKS4', 'SOCKS5', 'TCP', 'UDP', 'TLS', 'SSL', 'SSH', 'FTP', 'SFTP', 'ICMP', 'QUIC', 'GRPC', 'AMQP', 'MQTT',
]);

/** A key of 64, a constant of 64 and their punctuation. */
const MAX_CONSTANT_TOKEN = 160;

/** The constant a token holds (`RUNNING` of `RUNNING,`), or undefined when it holds none. */
function constantOf(token: string): string | undefined {
  // `AH01630:`, `ORA-00942:` name a message: other codes, other messages. A long token is no constant (and the pattern stays cheap on one).
  if (token.length > MAX_CONSTANT_TOKEN || isMessageCode(token)) return undefined;
  const found = CONSTANT.exec(token);
  if (!found || found[1].length < 2 || NOT_CONSTANTS.has(found[1])) return undefined;
  return found[1];
}

/** Whether a token is a closed-set value (see above), with its punctuation. */
export function isConstant(token: string): boolean {
  return constantOf(token) !== undefined;
}

/**
 * Two tokens at one position that are values of one closed set: both
 * constants, keyed, wrapped and delimited alike (`RUNNING ` / `FAILED `,
 * `(true)` / `(false)`, `state=SUCCEEDED` / `state=FAILED`), so that the
 * key and punctuation of the template stay what they are.
 */
export function isConstantPair(a: string, b: string): boolean {
  const x = constantOf(a);
  const y = x === undefined ? undefined : constantOf(b);
  if (x === undefined || y === undefined || x === y) return false;
  const [ax, bx] = [a.lastIndexOf(x), b.lastIndexOf(y)];
  return a.slice(0, ax) === b.slice(0, bx) && a.slice(ax + x.length) === b.slice(bx + y.length);
}

/**
 * A template with a line's own constants back in the wildcards that hold
 * them, those `restores` takes (`Transitioned from <*> to <*>` and `... from
 * RUNNING to FAILED` -> `Transitioned from RUNNING to FAILED`, `state=<*>`
 * -> `state=FAILED`): the key to decide a label by when the template is
 * carried to a tier. A state can change the label (a task that FAILED is an
 * error, one that SUCCEEDED is not), so rows of one template and other
 * states are asked apart. A line that does not align with the template
 * token for token (a variable-length slot took several of its tokens) keeps
 * the template.
 */
export function withLineConstants(template: string, masked: string, restores: (token: string) => boolean = () => true): string {
  if (!template.includes(WILDCARD)) return template;
  const slots = tokenise(template);
  const tokens = tokenise(masked);
  if (slots.length !== tokens.length) return template;
  let restored = false;
  for (let i = 0; i < slots.length; i++) {
    if (!slots[i].includes(WILDCARD) || wildcardAccepts(slots[i], tokens[i]) !== true) continue;
    if (isConstant(tokens[i]) && restores(tokens[i])) {
      slots[i] = tokens[i];
      restored = true;
    }
  }
  return restored ? slots.join('') : template;
}

/** Words after which a line prints a state: `Moved to FAILED`, `Marking task as FAILED`, `state: KILLED`. */
const STATE_CUES = new Set(['from', 'to', 'as', 'is', 'into', 'now', 'became', 'becomes', 'state', 'status', 'state:', 'status:', 'result', 'result:']);

/**
 * Whether the line's token at `at` is a state the line prints, where a
 * template holds another state or a wildcard that takes it: a constant that
 * is a key's value (`state=FAILED`), follows a word that says a state comes
 * next (STATE_CUES, in the template as in the line), or stands past the
 * line's first two tokens and is no heading (`...to FAILED`, `(using
 * password: NO)`). The first two tokens are where a line names its event
 * (`[ftp] OK LOGIN:`, `[UFW BLOCK]`), as does a constant before a colon
 * (`DEAD_PROCESS: 812 console`).
 */
export function isStateValueAt(template: readonly string[], line: readonly string[], at: number): boolean {
  const t = template[at];
  const s = line[at];
  if (!isConstant(s) || !(isConstantPair(t, s) || wildcardAccepts(t, s) === true)) return false;
  if (keyPrefix(s) !== '') return true;
  const before = at > 0 ? template[at - 1].trimEnd().toLowerCase() : '';
  if (before !== '' && before === line[at - 1].trimEnd().toLowerCase() && STATE_CUES.has(before)) return true;
  return at >= 2 && !s.trimEnd().endsWith(':');
}
