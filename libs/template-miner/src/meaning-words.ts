import { isHttpMethod } from './http-method';
import { isMessageCode } from './message-code';

/** Levels, as programs spell them. */
const LEVELS = [
  'trace', 'debug', 'info', 'information', 'notice', 'warn', 'warning', 'warnings', 'error', 'errors', 'err', 'crit', 'critical',
  'alert', 'emerg', 'emergency', 'fatal', 'severe', 'panic',
];
const OUTCOMES = [
  'fail', 'fails', 'failed', 'failing', 'failure', 'failures', 'success', 'successful', 'successfully', 'succeeded', 'succeed',
  'complete', 'completed', 'done', 'finished', 'ok', 'okay', 'passed', 'denied', 'deny', 'accepted', 'accept', 'refused',
  'rejected', 'reject', 'invalid', 'valid', 'allowed', 'blocked', 'granted', 'revoked', 'unauthorized', 'forbidden',
  'aborted', 'abort', 'cancelled', 'canceled', 'crashed', 'crash', 'killed', 'kill', 'exception', 'timeout', 'timed', 'expired',
  'unreachable', 'unavailable', 'lost', 'corrupt', 'corrupted', 'missing', 'exceeded', 'degraded', 'healthy', 'unhealthy',
  'recovered', 'restored', 'retry', 'retrying', 'skipped', 'ignored', 'dropped', 'deprecated', 'removed', 'retired', 'obsolete',
];
/** State changes and directions. */
const STATE_CHANGES = [
  'started', 'starting', 'start', 'stopped', 'stopping', 'stop', 'restarted', 'restarting', 'shutdown', 'rebooted', 'reboot',
  'up', 'down', 'in', 'out', 'on', 'off', 'open', 'opened', 'close', 'closed', 'connected', 'disconnected', 'enabled', 'disabled',
  'locked', 'unlocked', 'created', 'deleted', 'added', 'login', 'logout', 'suspended', 'resumed', 'full', 'low', 'high',
  'block', 'ban', 'banned', 'unban', 'unbanned', 'dead', 'alive', 'revived', 'fault', 'faulty', 'available', 'notready', 'ready',
];
const NEGATIONS = ['not', 'no', 'cannot', "can't", 'unable', 'never', 'without'];

/**
 * Words that carry a line's meaning, so a position holding one is never
 * generalised: "Backup completed" and "Backup failed" stay two templates
 * even though they differ in one token. Levels, outcomes, state changes,
 * directions and negations, lower case. Data, not logic: pass another list
 * to the miner (MinerOptions.meaningWords) to change it.
 */
export const DEFAULT_MEANING_WORDS: readonly string[] = [...LEVELS, ...OUTCOMES, ...STATE_CHANGES, ...NEGATIONS];

/**
 * Meaning words that, joined into a hyphenated word, are part of a name
 * (`ledger-close`, `pop3-login`, `dead-letter`, `up-to-date`): a job, a
 * service, a queue. Lines that differ in such a name are one template; an
 * outcome stays an outcome in any word (`auth-failed`, `connection-refused`).
 */
const NAME_PARTS = new Set(STATE_CHANGES);

/**
 * The meaning-word test the miner uses. A token is split at `=`, `:`, `_`
 * and `-` (`level=warn`, `error:timeout`, `FAIL_CONTAINER_CLEANUP`,
 * `auth-failed`); a part counts without quotes, brackets and punctuation, in
 * lower case, but for a state change after `-` (NAME_PARTS). A short number counts whole or as a value
 * after `=` or `:`, not as a piece of a name split at `_` or `-`. So does a
 * message code (isMessageCode), a request's method (isHttpMethod), and a
 * word of a CamelCase token (`NodeNotReady`).
 */
export function meaningWordTest(words: readonly string[]): (token: string) => boolean {
  const set = new Set(words.map((w) => w.toLowerCase()));
  // A short bare number the masker kept is a status or exit code (every other number became a placeholder).
  const isMeaning = (part: string): boolean => set.has(part) || (part.length <= 3 && DIGITS.test(part));
  const isNamedMeaning = (part: string): boolean => set.has(trimToWord(part));
  const isHyphenedMeaning = (part: string): boolean => {
    const word = trimToWord(part);
    return set.has(word) && !NAME_PARTS.has(word);
  };
  // A number is a status or code as a value (`status=404`, `code:1`), not as a piece of a name (`V1R2M0_240_2006`, `worker-3`).
  const isValueOrWord = (value: string): boolean => isMeaning(trimToWord(value)) || value.split('_').some(isNamedMeaning) || value.split('-').some(isHyphenedMeaning);
  const isCamelMeaning = (part: string): boolean => set.has(trimToWord(part).toLowerCase());
  // A state in CamelCase holds its meaning word inside (`NodeNotReady`, `CrashLoopBackOff`, `FailedScheduling`).
  const hasCamelMeaning = (token: string): boolean => CAMEL_CASE.test(token) && token.split(CAMEL_PART).some(isCamelMeaning);
  // Tokens repeat across lines: remember the answers (bounded; cleared when full). The helpers above are made once, not per token not seen yet: a stream of fresh values brings new tokens on every line.
  const known = new Map<string, boolean>();
  return (token) => {
    if (token.length > 64) return false;
    let answer = known.get(token);
    if (answer === undefined) {
      const lower = token.toLowerCase();
      answer = isMessageCode(token) || isHttpMethod(token) || isMeaning(lower) || lower.split(KEY_VALUE_SEPARATOR).some(isValueOrWord) || hasCamelMeaning(token);
      if (known.size >= REMEMBERED_TOKENS) known.clear();
      known.set(token, answer);
    }
    return answer;
  };
}

const REMEMBERED_TOKENS = 100_000;
/** Capitalised words run together, as Kubernetes names its event reasons and states. */
const CAMEL_CASE = /^[A-Z][a-z]+(?:[A-Z][a-z]*)+[.,;:]?$/;
const CAMEL_PART = /(?=[A-Z])/;
const DIGITS = /^\d+$/;
const KEY_VALUE_SEPARATOR = /[=:]/;

/** `"failed,"` -> `failed`, `[error]` -> `error`. */
function trimToWord(part: string): string {
  let start = 0;
  let end = part.length;
  while (start < end && !isWordChar(part.charCodeAt(start))) start++;
  while (end > start && !isWordChar(part.charCodeAt(end - 1))) end--;
  return start === 0 && end === part.length ? part : part.slice(start, end);
}

function isWordChar(code: number): boolean {
  // digits, letters, apostrophe (can't), anything beyond ASCII
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code > 127;
}
