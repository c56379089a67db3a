import { FILLERS, formatDate, formatTime, randomMoment, syslogTimestamp, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { oneOf, pad, peerIp } from './shared';
import TEMPLATES_POSTGRESQL from './templates/postgresql.json';

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
  templates: familyTemplates(TEMPLATES_POSTGRESQL),
});
