import { randomMoment, type Filler } from '../../fillers';
import { journal, syslog } from '../formats';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { MONTHS, oneOf, pad } from './shared';
import { client, proto, target } from './web';
import TEMPLATES_HAPROXY from './templates/haproxy.json';

/**
 * HAProxy: HTTP and TCP traffic logs (through syslog), and its admin
 * messages (through syslog, or on stderr/the journal as `[WARNING]  (8) :
 * ...`). An HTTP log line is HTTP Status whatever the code; a TCP session
 * line is System Notification. A server marked DOWN by its health check is a
 * cluster member declared dead (Critical Error), as is a backend with no
 * server left; a failed health check that did not yet take the server down
 * is Error; UP, started and stopped are System Notification; fd limits are
 * Resource Usage.
 */

function stderrLevel(level: FamilyLevel): string {
  return level === 'ALERT' || level === 'CRITICAL' || level === 'FATAL' ? 'ALERT' : level === 'WARN' ? 'WARNING' : 'NOTICE';
}

/** Master-worker stderr, as the journal shows it; traffic logs never go there, so they keep their syslog form. */
const stderr: LineFormat = (m, context) => {
  if (context.level === null) return syslog('haproxy')(m, context);
  return journal('haproxy')(`[${stderrLevel(context.level)}]  (${context.rng.int(1, 64)}) : ${m}`, context);
};

const acceptDate: Filler = (r) => {
  const t = randomMoment(r);
  return `${pad(t.day, 2)}/${MONTHS[t.month - 1]}/${t.year}:${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.millis, 3)}`;
};
const frontend = oneOf(['http-in', 'https-in', 'fe_web', 'fe_https', 'public', 'main', 'stats', 'ft_api']);
const httpBackend = oneOf(['webservers', 'be_app', 'be_api', 'static', 'app', 'bk_web', 'api_servers']);
const tcpFrontend = oneOf(['mysql-in', 'pg_front', 'redis_front', 'ft_smtp', 'ldap-in', 'tcp-443']);
const tcpBackend = oneOf(['mysql', 'pg_primary', 'redis', 'bk_smtp', 'ldap', 'tls_passthrough']);
const server: Filler = (r) => r.pick([`web${r.int(1, 12)}`, `app${r.int(1, 8)}`, `srv${r.int(1, 4)}`, `api-${r.int(1, 6)}`, `db${r.int(1, 3)}`, `node${pad(r.int(1, 20), 2)}`]);
const timers: Filler = (r) => {
  const tr = r.weighted<number>([[r.int(0, 50), 5], [r.int(51, 3000), 2], [-1, 1]]);
  const tc = r.weighted<number>([[r.int(0, 3), 6], [-1, 1]]);
  const parts = [r.int(0, 20), r.weighted<number>([[0, 8], [r.int(1, 3000), 1]]), tc, tr];
  const total = parts.reduce((a, b) => a + Math.max(b, 0), 0) + r.int(0, 30);
  return `${parts.join('/')}/${total}`;
};
const tcpTimers: Filler = (r) => `${r.int(0, 5)}/${r.weighted<number>([[0, 8], [r.int(1, 500), 1]])}/${r.int(1, 3600000)}`;
const flags = oneOf(['----', '----', '----', '--NI', '--VN', 'SC--', 'CD--', 'sH--', 'SH--', 'cD--', 'CR--', 'PR--', 'LR--', '--NN', 'SD--']);
const tcpFlags = oneOf(['--', '--', 'cD', 'CD', 'SD', 'sD', 'SC']);
const conns: Filler = (r) => {
  const act = r.int(1, 4000);
  const fe = r.int(1, act);
  const be = r.int(0, fe);
  return `${act}/${fe}/${be}/${r.int(0, Math.max(be, 1))}/${r.weighted<number>([[0, 9], [r.int(1, 3), 1]])}`;
};
const queues: Filler = (r) => `${r.weighted<number>([[0, 9], [r.int(1, 200), 1]])}/${r.weighted<number>([[0, 9], [r.int(1, 50), 1]])}`;
const reason = oneOf([
  'Layer4 connection problem, info: "Connection refused"',
  'Layer4 timeout',
  'Layer7 wrong status, code: 503, info: "Service Unavailable"',
  'Layer7 wrong status, code: 500, info: "Internal Server Error"',
  'Layer7 timeout',
  'Layer6 invalid response, info: "SSL handshake failure"',
  'Layer4 connection problem, info: "No route to host"',
]);

export const HAPROXY = defineFamily({
  family: 'haproxy',
  description: 'HAProxy HTTP/TCP traffic logs and server health/admin messages',
  sources: ['haproxy'],
  formats: [syslog('haproxy'), syslog('haproxy'), journal('haproxy'), stderr],
  bareShare: 0.3,
  fillers: { client, acceptDate, frontend, httpBackend, tcpFrontend, tcpBackend, server, timers, tcpTimers, flags, tcpFlags, conns, queues, reason, target, proto, cport: (r) => String(r.int(1024, 65535)), ms: (r) => String(r.int(0, 3000)) },
  templates: familyTemplates(TEMPLATES_HAPROXY),
});
