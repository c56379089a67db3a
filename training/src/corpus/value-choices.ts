/**
 * Which `{a|b|c}` alternatives of a corpus pattern are a *value* picked from
 * a list (a variable of the template, like `{map|groupBy|reduceByKey}` or
 * `{NODE_LOCAL|ANY}`) rather than wording that makes another event
 * (`{started|stopped}`, `{in|out}`). The true template of a line records the
 * wording choices only, as log-parsing ground truths do: a part that differs
 * between occurrences of one event is a variable, whatever its shape.
 *
 * The rule, after the annotation guidelines published ground truths follow
 * (numbers, booleans and null are variables; so is a state the code prints
 * from an enum, `Transitioned from NEW to SCHEDULED`):
 * - one token per alternative (no space): a value unless one without a
 *   slot is a state or outcome word below written as prose (`failed`); a
 *   constant in capitals (`RUNNING`, `KILL_WAIT`) is an enum's value even
 *   when its word is a state, but not a level. A token built around a slot
 *   is a value (`{docker0|cni0|br-{hex}}`, `{kworker/{int}:{int}|jbd2/{disk}}`):
 *   one of its forms is a variable, so the choice is a name, not wording;
 * - several tokens per alternative, the same count in each, no nested
 *   slot: a value when every position where they differ is a value by the
 *   rule above (`{NEW to SCHEDULED|SCHEDULED to RUNNING}`,
 *   `{a.b is deprecated. Instead, use c.d|...}`);
 * - a choice of request methods alone (`{GET|POST|DELETE}`) is wording:
 *   the method names the operation, and published ground truths keep it
 *   (`<*> "POST <*>" status: <*> len: <*>`), as they do not keep an enum's
 *   state;
 * - anything else (phrases of other lengths, an empty alternative, a
 *   phrase of several tokens holding a slot) is wording.
 * The lists are the ground truth's own, kept apart from the miner's rules
 * so that tuning the miner never moves its yardstick.
 */
const STATE_WORDS = new Set([
  // outcomes
  'success', 'successful', 'successfully', 'succeeded', 'failed', 'failure', 'fail', 'error', 'ok', 'accepted', 'rejected',
  'denied', 'allowed', 'granted', 'refused', 'invalid', 'valid', 'blocked', 'completed', 'complete', 'finished', 'done',
  'aborted', 'cancelled', 'canceled', 'crashed', 'killed', 'unreachable', 'timeout', 'expired', 'present', 'absent',
  'found', 'missing', 'healthy', 'unhealthy', 'passed',
  // state changes and directions
  'started', 'starting', 'start', 'stopped', 'stopping', 'stop', 'restarted', 'ended', 'terminated', 'running', 'paused',
  'suspend', 'suspended', 'resume', 'resumed', 'up', 'down', 'in', 'out', 'on', 'off', 'open', 'opened', 'close', 'closed',
  'connected', 'disconnected', 'enabled', 'disabled', 'set', 'cleared', 'added', 'removed', 'created', 'deleted', 'locked',
  'unlocked', 'attached', 'detached', 'mounted', 'unmounted', 'login', 'logout', 'upload', 'download', 'ready',
  'install', 'upgrade', 'appeared', 'disappeared', 'online', 'offline', 'entered', 'left', 'wake', 'sleep',
  'containerstarted', 'containerdied', 'suspenddevice', 'resumedevice',
  // levels and answers
  'debug', 'info', 'notice', 'warn', 'warning', 'crit', 'critical', 'alert', 'fatal', 'severe', 'yes', 'no',
]);

/** Capitals that are not an enum's value: levels (how the line was logged). */
const NOT_ENUM_VALUES = new Set(['TRACE', 'DEBUG', 'INFO', 'NOTICE', 'WARN', 'WARNING', 'ERROR', 'CRIT', 'CRITICAL', 'ALERT', 'FATAL', 'SEVERE']);
const REQUEST_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'CONNECT', 'TRACE']);
const ENUM_VALUE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

const ONE_TOKEN = /^[^\s{}|]+$/;
/** One token that may hold slots: no whitespace anywhere, so that every expansion of it is one token. */
const ONE_TOKEN_WITH_SLOTS = /^[^\s]+$/;
const NO_SLOT = /^[^{}|]+$/;

export function isValueChoice(alternatives: readonly string[]): boolean {
  if (alternatives.every((a) => REQUEST_METHODS.has(a))) return false;
  if (alternatives.every((a) => ONE_TOKEN_WITH_SLOTS.test(a))) return alternatives.every((a) => !ONE_TOKEN.test(a) || isOneTokenValue(a));
  if (!alternatives.every((a) => NO_SLOT.test(a) && a.trim() === a && a.length > 0)) return false;
  const split = alternatives.map((a) => a.split(/\s+/));
  const count = split[0].length;
  if (!split.every((tokens) => tokens.length === count)) return false;
  for (let i = 0; i < count; i++) {
    const column = [...new Set(split.map((tokens) => tokens[i]))];
    if (column.length > 1 && !column.every(isOneTokenValue)) return false;
  }
  return true;
}

function isOneTokenValue(token: string): boolean {
  if (ENUM_VALUE.test(token) && token.length > 1) return !NOT_ENUM_VALUES.has(token);
  return !STATE_WORDS.has(token.toLowerCase().replace(/[^a-z]/g, ''));
}
