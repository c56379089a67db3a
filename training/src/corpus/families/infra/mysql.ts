import { formatDate, formatTime, randomMoment, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { oneOf, pad, peerIp } from './shared';
import TEMPLATES_MYSQL from './templates/mysql.json';
import TEMPLATES_MARIADB from './templates/mariadb.json';
import TEMPLATES_MYSQL_SLOW from './templates/mysql-slow.json';

/**
 * MySQL 8.0's error log (`2024-01-02T03:04:05.678901Z 0 [System] [MY-010931]
 * [Server] ...`), MariaDB's (`2024-01-02  3:04:05 0 [Note] ...`) and the
 * slow query log. Denied logins are Security Alert; an aborted connection,
 * a failed replica event or a write error is Error; page corruption, a
 * server that aborts or cannot start is Critical Error; too many
 * connections is Resource Usage; deprecated options are Deprecation
 * Warning; startup, shutdown and slow-log entries are System Notification.
 */

function mysqlLevel(level: FamilyLevel): string {
  if (level === 'NOTICE') return 'System';
  if (level === 'WARN') return 'Warning';
  if (level === 'ERROR' || level === 'FATAL' || level === 'CRITICAL') return 'ERROR';
  return 'Note';
}

const thread = (r: Parameters<Filler>[0]): number => (r.chance(0.6) ? 0 : r.int(1, 999999));
const mysql8: LineFormat = (m, { level, rng }) => {
  const t = randomMoment(rng);
  return `${formatDate(t)}T${formatTime(t)}.${pad(rng.int(0, 999999), 6)}Z ${thread(rng)} [${mysqlLevel(level)}] ${m}`;
};

const dbUser = oneOf(['root', 'app', 'wordpress', 'zabbix', 'backup', 'repl', 'grafana', 'nextcloud', 'magento', 'debian-sys-maint', 'admin']);
const dbHost: Filler = (r) => r.weighted<string>([['localhost', 3], [peerIp(r), 4], [`${r.int(10, 10)}.${r.int(0, 255)}.${r.int(0, 255)}.%`, 1]]);
const schema = oneOf(['app', 'wordpress', 'zabbix', 'shop', 'nextcloud', 'unconnected', 'mysql', 'orders']);
const ver = oneOf(['8.0.35', '8.0.36', '8.0.39', '8.4.2', '8.0.28', '8.0.40']);
const binlog: Filler = (r) => `${r.pick(['mysql-bin', 'binlog', 'mysql-bin-changelog'])}.${pad(r.int(1, 999999), 6)}`;
const abortReason = oneOf(['Got an error reading communication packets', 'Got timeout reading communication packets', 'Got an error writing communication packets', 'This connection closed normally without authentication']);

export const MYSQL = defineFamily({
  family: 'mysql',
  description: 'MySQL 8.0 error log (MY- codes, subsystems)',
  sources: ['mysql', 'mysqld'],
  formats: [mysql8],
  bareShare: 0.1,
  fillers: { dbUser, dbHost, schema, ver, binlog, abortReason, conn: (r) => String(r.int(8, 9999999)), ip: peerIp, n: (r) => String(r.int(1, 99999)) },
  templates: familyTemplates(TEMPLATES_MYSQL),
});

const mariaLine: LineFormat = (m, { level, rng }) => {
  const t = randomMoment(rng);
  const lvl = level === 'WARN' ? 'Warning' : level === 'ERROR' || level === 'FATAL' || level === 'CRITICAL' ? 'ERROR' : 'Note';
  return `${formatDate(t)} ${String(t.hour).padStart(2, ' ')}:${pad(t.minute, 2)}:${pad(t.second, 2)} ${thread(rng)} [${lvl}] ${m}`;
};

export const MARIADB = defineFamily({
  family: 'mariadb',
  description: 'MariaDB server error log',
  sources: ['mariadb', 'mysqld'],
  formats: [mariaLine],
  bareShare: 0.15,
  fillers: { dbUser, dbHost, schema, abortReason, conn: (r) => String(r.int(8, 9999999)), ip: peerIp, mver: (r) => `10.${r.pick([5, 6, 11])}.${r.int(10, 25)}-MariaDB` },
  templates: familyTemplates(TEMPLATES_MARIADB),
});

const slowUser: Filler = (r) => {
  const u = dbUser(r);
  return `${u}[${u}]`;
};

export const MYSQL_SLOW = defineFamily({
  family: 'mysql-slow',
  description: 'MySQL/MariaDB slow query log lines',
  sources: ['mysql-slow', 'mysqld'],
  formats: [],
  bareShare: 1,
  fillers: { slowUser, ip: peerIp, qt: (r) => (r.next() * r.pick([3, 30, 300])).toFixed(6), lt: (r) => (r.next() * 0.01).toFixed(6), n: (r) => String(r.int(0, 99999999)), iso: (r) => { const t = randomMoment(r); return `${formatDate(t)}T${formatTime(t)}.${pad(r.int(0, 999999), 6)}Z`; } },
  templates: familyTemplates(TEMPLATES_MYSQL_SLOW),
});
