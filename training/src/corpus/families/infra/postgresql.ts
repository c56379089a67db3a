import { FILLERS, formatDate, formatTime, randomMoment, syslogTimestamp, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { oneOf, pad, peerIp } from './shared';

/**
 * PostgreSQL's server log with its usual log_line_prefix values ('%m [%p] ',
 * Debian's '%m [%p] %q%u@%d ', RDS's '%t:%r:%u@%d:[%p]:') and through
 * syslog. The severity word is the level (LOG, ERROR, FATAL, PANIC); DETAIL
 * lines name it as their component. A failed password, a missing pg_hba
 * entry or an unknown role is Security Alert; a query that failed is Error;
 * a PANIC, a crashed backend or corrupt page is Critical Error; connection
 * slots exhausted is Resource Usage; a login is User Action; checkpoints,
 * vacuum, startup and slow-statement logs are System Notification.
 */

function severity(level: FamilyLevel, component?: string): string {
  if (component) return component;
  switch (level) {
    case 'ERROR':
      return 'ERROR';
    case 'FATAL':
      return 'FATAL';
    case 'CRITICAL':
      return 'PANIC';
    case 'WARN':
      return 'WARNING';
    case 'NOTICE':
      return 'NOTICE';
    default:
      return 'LOG';
  }
}

const role = oneOf(['postgres', 'app', 'api_user', 'readonly', 'replicator', 'django', 'rails', 'metabase', 'grafana', 'airflow']);
const dbname = oneOf(['postgres', 'orders', 'app_production', 'billing', 'analytics', 'template1', 'keycloak', 'gitlabhq_production']);
const stamp = (rng: Parameters<Filler>[0], millis: boolean): string => {
  const t = randomMoment(rng);
  return `${formatDate(t)} ${formatTime(t)}${millis ? `.${pad(t.millis, 3)}` : ''} UTC`;
};
const pgLine: LineFormat = (m, { level, component, rng }) => `${stamp(rng, true)} [${rng.int(30, 4194304)}] ${severity(level, component)}:  ${m}`;
const debianLine: LineFormat = (m, { level, component, rng }) => {
  const who = rng.chance(0.7) ? `${role(rng)}@${dbname(rng)} ` : '';
  return `${stamp(rng, true)} [${rng.int(30, 4194304)}] ${who}${severity(level, component)}:  ${m}`;
};
const rdsLine: LineFormat = (m, { level, component, rng }) =>
  `${stamp(rng, false)}:${peerIp(rng)}(${rng.int(1024, 65535)}):${role(rng)}@${dbname(rng)}:[${rng.int(30, 4194304)}]:${severity(level, component)}:  ${m}`;
const syslogLine: LineFormat = (m, { level, component, rng }) =>
  `${syslogTimestamp(randomMoment(rng))} ${FILLERS.host(rng)} postgres[${rng.int(30, 4194304)}]: [${rng.int(1, 99)}-1] ${severity(level, component)}:  ${m}`;

const relation = oneOf(['orders', 'users', 'line_items', 'events_2024_01', 'sessions', 'audit_log', 'accounts', 'payments']);
const constraint = oneOf(['users_email_key', 'orders_pkey', 'accounts_username_key', 'line_items_order_id_sku_key', 'idx_sessions_token', 'payments_idempotency_key_key']);
const sql = oneOf([
  'SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 50',
  'UPDATE accounts SET balance = balance - $1 WHERE id = $2',
  'SELECT count(*) FROM events WHERE created_at > now() - interval \'1 day\'',
  'INSERT INTO audit_log (actor, action, payload) VALUES ($1, $2, $3)',
  'DELETE FROM sessions WHERE expires_at < now()',
  'SELECT u.id, u.email FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.org_id = 42',
  'COPY public.line_items (id, order_id, sku, qty) TO stdout;',
  'VACUUM (VERBOSE, ANALYZE) public.events',
]);
const lsn: Filler = (r) => `${r.int(0, 9).toString(16).toUpperCase()}/${r.hex(r.int(1, 8)).toUpperCase()}`;
const hbaLine = oneOf(['host all all 0.0.0.0/0 md5', 'host all all all scram-sha-256', 'hostssl all all ::/0 scram-sha-256', 'host all all 10.0.0.0/8 md5']);

export const POSTGRESQL = defineFamily({
  family: 'postgresql',
  description: 'PostgreSQL server log (checkpoints, connections, auth failures, query errors, replication)',
  sources: ['postgresql', 'postgres', 'rds'],
  formats: [pgLine, pgLine, debianLine, rdsLine, syslogLine],
  bareShare: 0.15,
  fillers: { role, dbname, relation, constraint, sql, lsn, hbaLine, peer: peerIp, cport: (r) => String(r.int(1024, 65535)), secs: (r) => (r.next() * 300).toFixed(3), ms: (r) => (r.next() * r.pick([100, 2000, 60000])).toFixed(3), buffers: (r) => String(r.int(1, 99999)), pct: (r) => (r.next() * 30).toFixed(1), kB: (r) => String(r.int(1, 9999999)), sess: (r) => `${r.int(0, 9)}:${pad(r.int(0, 59), 2)}:${pad(r.int(0, 59), 2)}.${pad(r.int(0, 999), 3)}`, bpid: (r) => String(r.int(30, 4194304)), xid: (r) => String(r.int(1000, 999999999)), ver: (r) => `${r.pick([12, 13, 14, 15, 16])}.${r.int(1, 12)}` },
  templates: [
    { label: 'System Notification', level: 'INFO', weight: 3, pattern: 'checkpoint starting: {time|wal|immediate force wait|shutdown immediate}' },
    { label: 'System Notification', level: 'INFO', weight: 3, pattern: 'checkpoint complete: wrote {buffers} buffers ({pct}%); 0 WAL file(s) added, {int:0:9} removed, {int:0:30} recycled; write={secs} s, sync={secs} s, total={secs} s; sync files={int:0:300}, longest={secs} s, average={secs} s; distance={kB} kB, estimate={kB} kB{|; lsn={lsn}, redo lsn={lsn}}' },
    { label: 'System Notification', level: 'INFO', weight: 2, pattern: 'automatic vacuum of table "{dbname}.public.{relation}": index scans: {0|1}' },
    { label: 'System Notification', level: 'INFO', pattern: 'automatic analyze of table "{dbname}.public.{relation}" system usage: CPU: user: {float:0:3:2} s, system: {float:0:1:2} s, elapsed: {float:0:9:2} s' },
    { label: 'System Notification', level: 'INFO', weight: 3, pattern: 'connection received: host={peer} port={cport}' },
    { label: 'User Action', level: 'INFO', weight: 3, pattern: 'connection authorized: user={role} database={dbname}{| application_name={psql|pgAdmin 4 - DB:orders|PostgreSQL JDBC Driver}| SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)}' },
    { label: 'User Action', level: 'INFO', weight: 2, pattern: 'disconnection: session time: {sess} user={role} database={dbname} host={peer} port={cport}' },
    { label: 'Security Alert', level: 'FATAL', weight: 3, pattern: 'password authentication failed for user "{role}"' },
    { label: 'Security Alert', level: null, component: 'DETAIL', pattern: '{Connection matched pg_hba.conf line {int:80:120}: "{hbaLine}"|Role "{role}" does not exist.|User "{role}" has no password assigned.}' },
    { label: 'Security Alert', level: 'FATAL', pattern: 'no pg_hba.conf entry for host "{peer}", user "{role}", database "{dbname}", {SSL off|no encryption|SSL encryption}' },
    { label: 'Security Alert', level: 'FATAL', pattern: 'role "{admin|root|sa|{role}}" does not exist' },
    { label: 'Security Alert', level: 'ERROR', pattern: 'permission denied for {table|relation|schema} {relation}' },
    { label: 'Error', level: 'FATAL', pattern: 'database "{dbname}_old" does not exist' },
    { label: 'Error', level: 'FATAL', weight: 2, pattern: 'the database system is {starting up|shutting down|in recovery mode|not yet accepting connections}' },
    { label: 'Error', level: 'ERROR', weight: 3, pattern: 'duplicate key value violates unique constraint "{constraint}"' },
    { label: 'Error', level: null, component: 'DETAIL', pattern: 'Key ({email|id|username|order_id, sku})=({int:1:999999}) already exists.' },
    { label: 'Error', level: 'ERROR', weight: 2, pattern: 'deadlock detected' },
    { label: 'Error', level: null, component: 'DETAIL', pattern: 'Process {bpid} waits for ShareLock on transaction {xid}; blocked by process {bpid}.' },
    { label: 'Error', level: 'ERROR', weight: 2, pattern: 'canceling statement due to {statement timeout|lock timeout|user request|conflict with recovery}' },
    { label: 'Error', level: 'ERROR', pattern: '{relation "{relation}_archive" does not exist at character {int:15:200}|syntax error at or near "{FROM|WHERE|)|select}" at character {int:1:300}|column "{created|userid|stauts}" does not exist at character {int:1:300}}' },
    { label: 'Error', level: 'ERROR', pattern: 'could not serialize access due to {concurrent update|read/write dependencies among transactions}' },
    { label: 'Error', level: 'INFO', pattern: '{could not receive data from client: Connection reset by peer|unexpected EOF on client connection with an open transaction|could not send data to client: Broken pipe}' },
    { label: 'System Notification', level: 'FATAL', pattern: 'terminating connection due to administrator command' },
    { label: 'System Notification', level: 'INFO', weight: 2, pattern: '{database system is ready to accept connections|database system is ready to accept read-only connections|database system is shut down|received fast shutdown request|received smart shutdown request|aborting any active transactions|shutting down|redo done at {lsn}}' },
    { label: 'System Notification', level: 'INFO', pattern: 'listening on {IPv4 address "0.0.0.0"|IPv6 address "::"|Unix socket "/var/run/postgresql/.s.PGSQL.5432"}, port 5432' },
    { label: 'System Notification', level: 'INFO', pattern: 'starting PostgreSQL {ver} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit' },
    { label: 'System Notification', level: 'INFO', pattern: 'background worker "logical replication launcher" (PID {bpid}) exited with exit code 1' },
    { label: 'System Notification', level: 'INFO', weight: 2, pattern: 'started streaming WAL from primary at {lsn} on timeline {int:1:9}' },
    { label: 'Error', level: 'FATAL', pattern: 'could not receive data from WAL stream: {server closed the connection unexpectedly|ERROR:  requested WAL segment 0000000100000{int:1:9}A0000{int:10:99} has already been removed}' },
    { label: 'Error', level: 'FATAL', pattern: 'could not connect to the primary server: connection to server at "{peer}", port 5432 failed: {Connection refused|Connection timed out}' },
    { label: 'System Notification', level: 'INFO', weight: 2, pattern: 'duration: {ms} ms  {statement|execute <unnamed>|execute S_1}: {sql}' },
    { label: 'Resource Usage', level: 'INFO', pattern: 'temporary file: path "base/pgsql_tmp/pgsql_tmp{bpid}.{int:0:9}", size {int:8192:2147483647}' },
    { label: 'Resource Usage', level: 'INFO', pattern: 'checkpoints are occurring too frequently ({int:2:29} seconds apart)' },
    { label: 'Resource Usage', level: 'FATAL', weight: 2, pattern: '{remaining connection slots are reserved for non-replication superuser connections|sorry, too many clients already|remaining connection slots are reserved for roles with the SUPERUSER attribute}' },
    { label: 'Critical Error', level: 'CRITICAL', pattern: 'could not write to file "pg_wal/xlogtemp.{bpid}": No space left on device' },
    { label: 'Critical Error', level: 'INFO', pattern: 'server process (PID {bpid}) was terminated by signal {9: Killed|11: Segmentation fault|6: Aborted}' },
    { label: 'Critical Error', level: 'INFO', pattern: '{terminating any other active server processes|all server processes terminated; reinitializing|database system was not properly shut down; automatic recovery in progress}' },
    { label: 'Critical Error', level: 'ERROR', pattern: 'invalid page in block {int:0:999999} of relation base/{int:13000:99999}/{int:13000:99999}' },
  ],
});
