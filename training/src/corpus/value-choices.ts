/**
 * Which `{a|b|c}` alternatives of a corpus pattern are a *value* picked from
 * a list (a variable of the template, like `{map|groupBy|reduceByKey}` or
 * `{NODE_LOCAL|ANY}`) rather than wording that makes another event
 * (`{started|stopped}`, `{in|out}`). The true template of a line records the
 * wording choices only, as log-parsing ground truths do: a part that differs
 * between occurrences of one event is a variable, whatever its shape.
 *
 * The rule: every alternative is one non-empty token (no space, no nested
 * slot) and none is a state or outcome word below. Anything else (phrases,
 * an empty alternative, nested slots) is wording. The list is the ground
 * truth's own, kept apart from the miner's meaning words so that tuning the
 * miner never moves its yardstick.
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
  'debug', 'info', 'notice', 'warn', 'warning', 'crit', 'critical', 'alert', 'fatal', 'severe', 'true', 'false', 'yes', 'no',
]);

const ONE_TOKEN = /^[^\s{}|]+$/;

export function isValueChoice(alternatives: readonly string[]): boolean {
  return alternatives.every((a) => ONE_TOKEN.test(a) && !STATE_WORDS.has(a.toLowerCase().replace(/[^a-z]/g, '')));
}
