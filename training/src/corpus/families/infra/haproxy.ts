import { randomMoment, type Filler } from '../../fillers';
import { journal, syslog } from '../formats';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { MONTHS, oneOf, pad } from './shared';
import { client, proto, target } from './web';

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
  templates: [
    { label: 'HTTP Status', level: null, weight: 4, pattern: '{client}:{cport} [{acceptDate}] {frontend}{~|} {httpBackend}/{server} {timers} {status} {bytes} - - {flags} {conns} {queues} "{method} {target} {proto}"' },
    { label: 'HTTP Status', level: null, weight: 2, pattern: '{client}:{cport} [{acceptDate}] {frontend}~ {httpBackend}/{server} {timers} {status} {bytes} - - {flags} {conns} {queues} {lb}{ip}|{userAgent}{rb} "{method} {target} {proto}"' },
    { label: 'HTTP Status', level: null, pattern: '{client}:{cport} [{acceptDate}] {frontend} {httpBackend}/<NOSRV> {int:0:20}/-1/-1/-1/{int:0:30} 503 {217|221|0} - - SC{--|NN} {conns} 0/0 "{method} {target} {proto}"' },
    { label: 'HTTP Status', level: null, pattern: '{client}:{cport} [{acceptDate}] {frontend} {frontend}/<NOSRV> -1/-1/-1/-1/{int:0:10000} {400|408} {0|187} - - {CR--|cR--} {conns} 0/0 "<BADREQ>"' },
    { label: 'HTTP Status', level: null, pattern: '{client}:{cport} [{acceptDate}] {frontend}~ {frontend}/<NOSRV> 0/-1/-1/-1/0 {403|429} {192|0} - - {PR--|--NI} {conns} 0/0 "{method} {target} {proto}"' },
    { label: 'System Notification', level: null, weight: 3, pattern: '{client}:{cport} [{acceptDate}] {tcpFrontend} {tcpBackend}/{server} {tcpTimers} {bytes} {tcpFlags} {conns} {queues}' },
    { label: 'System Notification', level: null, pattern: 'Connect from {client}:{cport} to {ip}:{80|443|3306|5432} ({frontend}/{HTTP|TCP})' },
    { label: 'Error', level: null, pattern: '{client}:{cport} [{acceptDate}] {frontend}/{1|2}: SSL handshake failure' },
    { label: 'Critical Error', level: 'WARN', weight: 2, pattern: 'Server {httpBackend}/{server} is DOWN, reason: {reason}, check duration: {ms}ms. {int:1:5} active and {0|1} backup servers left. {int:0:40} sessions active, {int:0:10} requeued, 0 remaining in queue.' },
    { label: 'Critical Error', level: 'ALERT', weight: 2, pattern: 'Server {httpBackend}/{server} is DOWN, reason: {reason}, check duration: {ms}ms. 0 active and 0 backup servers left. {int:0:40} sessions active, {int:0:10} requeued, {int:0:300} remaining in queue.' },
    { label: 'Critical Error', level: 'ALERT', weight: 2, pattern: '{backend|proxy} {httpBackend} has no server available!' },
    { label: 'System Notification', level: 'WARN', weight: 2, pattern: 'Server {httpBackend}/{server} is UP, reason: {Layer4 check passed|Layer7 check passed, code: 200, info: "OK"|Layer6 check passed}, check duration: {ms}ms. {int:1:6} active and {0|1} backup servers online. 0 sessions requeued, 0 total in queue.' },
    { label: 'Error', level: 'WARN', pattern: 'Health check for server {httpBackend}/{server} failed, reason: {reason}, check duration: {ms}ms, status: {1|2}/{2|3} UP.' },
    { label: 'System Notification', level: 'WARN', pattern: 'Health check for server {httpBackend}/{server} succeeded, reason: {Layer4 check passed|Layer7 check passed, code: 200, info: "OK"}, check duration: {ms}ms, status: {1|2}/{2|3} DOWN.' },
    { label: 'System Notification', level: 'WARN', pattern: 'Server {httpBackend}/{server} is going DOWN for maintenance. {int:0:5} active and 0 backup servers left. {int:0:40} sessions active, 0 requeued, 0 remaining in queue.' },
    { label: 'System Notification', level: 'NOTICE', pattern: 'Proxy {frontend} started.' },
    { label: 'System Notification', level: 'WARN', pattern: '{Stopping frontend|Stopping backend|Stopping proxy} {frontend} in {0|2000} ms.' },
    { label: 'System Notification', level: 'WARN', pattern: 'Proxy {httpBackend} stopped (cumulated conns: FE: {int:0:9999}, BE: {int:0:9999999}).' },
    { label: 'System Notification', level: 'NOTICE', pattern: '{Loading success.|haproxy version is 2.{4|6|8}.{int:1:25}-{hex8}|Reexecuting Master process|Exiting Master process...}' },
    { label: 'System Notification', level: 'NOTICE', pattern: 'New worker ({int:7:99999}) forked' },
    { label: 'System Notification', level: 'WARN', pattern: 'Former worker ({int:7:99999}) exited with code 0 (Exit)' },
    { label: 'Critical Error', level: 'ALERT', pattern: 'Starting frontend {frontend}: cannot bind socket (Address already in use) [0.0.0.0:{80|443}]' },
    { label: 'Error', level: 'ALERT', pattern: "config : parsing [/etc/haproxy/haproxy.cfg:{int:10:300}] : unknown keyword '{optoin|timout|serer}' in '{backend|frontend|defaults}' section" },
    { label: 'Resource Usage', level: 'WARN', pattern: "[haproxy.main()] FD limit ({1024|4096}) too low for maxconn={int:2000:100000}/maxsock={int:4000:200000}. Please raise 'ulimit-n' to {int:4000:200000} or more to avoid any trouble." },
    { label: 'Resource Usage', level: 'ALERT', pattern: "Proxy {frontend} reached process FD limit (maxsock={int:1024:100000}). Please check 'ulimit-n' and restart." },
    { label: 'Resource Usage', level: 'WARN', pattern: 'Proxy {frontend} reached the configured maximum connection limit. Please check the global \'maxconn\' value.' },
  ],
});
