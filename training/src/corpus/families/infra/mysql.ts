import { formatDate, formatTime, randomMoment, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { oneOf, pad, peerIp } from './shared';

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
  templates: [
    { label: 'System Notification', level: 'NOTICE', weight: 2, pattern: "[MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '{ver}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL." },
    { label: 'System Notification', level: 'NOTICE', pattern: '[MY-010116] [Server] /usr/sbin/mysqld (mysqld {ver}) starting as process {pid}' },
    { label: 'System Notification', level: 'NOTICE', pattern: '[MY-013576] [InnoDB] InnoDB initialization has started.' },
    { label: 'System Notification', level: 'NOTICE', pattern: '[MY-013577] [InnoDB] InnoDB initialization has ended.' },
    { label: 'System Notification', level: 'NOTICE', pattern: "[MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock" },
    { label: 'System Notification', level: 'NOTICE', pattern: '[MY-013172] [Server] Received SHUTDOWN from user {<via user signal>|root}. Shutting down mysqld (Version: {ver}).' },
    { label: 'System Notification', level: 'NOTICE', pattern: '[MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld {ver})  MySQL Community Server - GPL.' },
    { label: 'System Notification', level: 'NOTICE', pattern: '[MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.' },
    { label: 'System Notification', level: 'WARN', pattern: '[MY-010068] [Server] CA certificate ca.pem is self signed.' },
    { label: 'System Notification', level: 'WARN', pattern: "[MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory." },
    { label: 'Error', level: 'WARN', weight: 3, pattern: "[MY-010914] [Server] Aborted connection {conn} to db: '{schema}' user: '{dbUser}' host: '{ip}' ({abortReason})." },
    { label: 'Security Alert', level: 'INFO', weight: 3, pattern: "[MY-010926] [Server] Access denied for user '{dbUser}'@'{dbHost}' (using password: {YES|NO})" },
    { label: 'Error', level: 'WARN', pattern: "[MY-010055] [Server] IP address '{ip}' could not be resolved: {Name or service not known|Temporary failure in name resolution}" },
    { label: 'Error', level: 'INFO', weight: 2, pattern: '[MY-012468] [InnoDB] Transactions deadlock detected, dumping detailed information. (lock0lock.cc:{int:6000:7000})' },
    { label: 'Error', level: 'ERROR', pattern: "[MY-010584] [Repl] Replica SQL for channel '': Worker 1 failed executing transaction 'ANONYMOUS' at source log {binlog}, end_log_pos {n}; Could not execute Write_rows event on table {schema}.users; Duplicate entry '{n}' for key 'users.PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY; the event's source log {binlog}, end_log_pos {n}, Error_code: MY-001062" },
    { label: 'Error', level: 'ERROR', pattern: "[MY-010557] [Repl] Error reading packet from server for channel '': Lost connection to MySQL server during query (server_errno=2013)" },
    { label: 'System Notification', level: 'NOTICE', pattern: "[MY-010562] [Repl] Replica I/O thread for channel '': connected to source 'repl@{ip}:3306',replication started in log '{binlog}' at position {n}" },
    { label: 'Error', level: 'ERROR', pattern: '[MY-012592] [InnoDB] Operating system error number 28 in a file operation.' },
    { label: 'Error', level: 'ERROR', pattern: '[MY-012639] [InnoDB] Write to file ./ibtmp1 failed at offset {n}, {1048576|65536} bytes should have been written, only 0 were written. Operating system error number 28. Check that your OS and file system support files of this size. Check also that the disk is not full or a disk quota exceeded.' },
    { label: 'Critical Error', level: 'ERROR', pattern: '[MY-011906] [InnoDB] Database page corruption on disk or a failed file read of page [page id: space={int:0:9999}, page number={n}]. You may have to recover from a backup.' },
    { label: 'Critical Error', level: 'ERROR', pattern: '[MY-012574] [InnoDB] Unable to lock ./ibdata1 error: 11' },
    { label: 'Error', level: 'ERROR', pattern: "[MY-000067] [Server] unknown variable '{query_cache_size=0|innodb_file_format=Barracuda|expire_logs_days=7}'." },
    { label: 'Critical Error', level: 'ERROR', weight: 2, pattern: '[MY-010119] [Server] Aborting' },
    { label: 'Critical Error', level: 'ERROR', pattern: '[MY-010946] [Server] Failed to start mysqld daemon. Check mysqld error log.' },
    { label: 'Resource Usage', level: 'WARN', pattern: '[MY-010140] [Server] Could not increase number of max_open_files to more than {1024|5000|10000} (request: {int:10000:70000})' },
    { label: 'Resource Usage', level: 'WARN', pattern: '[MY-010141] [Server] Changed limits: max_connections: {151|214|800} (requested {int:1000:5000})' },
    { label: 'Deprecation Warning', level: 'WARN', weight: 2, pattern: "[MY-013360] [Server] Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'" },
    { label: 'Deprecation Warning', level: 'WARN', pattern: "[MY-011068] [Server] The syntax '{expire-logs-days' is deprecated and will be removed in a future release. Please use binlog_expire_logs_seconds|--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0|log_slave_updates' is deprecated and will be removed in a future release. Please use log_replica_updates} instead." },
  ],
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
  templates: [
    { label: 'System Notification', level: 'INFO', weight: 2, pattern: '{/usr/sbin/mariadbd|/usr/sbin/mysqld}: ready for connections.' },
    { label: 'System Notification', level: 'INFO', pattern: '{InnoDB: Buffer pool(s) load completed at {date} {int:10:23}:{int:10:59}:{int:10:59}|InnoDB: Initializing buffer pool, total size = {128|512|1024}.000MiB, chunk size = {2|8|16}.000MiB|InnoDB: Completed initialization of buffer pool|Server socket created on IP: \'0.0.0.0\'.|InnoDB: Shutdown completed; log sequence number {int:100000:99999999}; transaction id {int:1000:999999}}' },
    { label: 'Error', level: 'WARN', weight: 3, pattern: "Aborted connection {conn} to db: '{schema}' user: '{dbUser}' host: '{ip}' ({abortReason})" },
    { label: 'Security Alert', level: 'WARN', weight: 2, pattern: "Access denied for user '{dbUser}'@'{dbHost}' (using password: {YES|NO})" },
    { label: 'Resource Usage', level: 'WARN', pattern: "Aborted connection {conn} to db: 'unconnected' user: 'unauthenticated' host: '{ip}' (Too many connections)" },
    { label: 'Critical Error', level: 'ERROR', pattern: '{mariadbd: Got error \'{126|145}\' when reading table \'./{schema}/wp_options\'|InnoDB: Database page corruption on disk or a failed read of file \'./{schema}/users.ibd\' page [page id: space={int:1:999}, page number={int:1:99999}]. You may have to recover from a backup.}' },
    { label: 'Error', level: 'ERROR', pattern: "mariadbd: Table './{schema}/sessions' is marked as crashed and should be repaired" },
    { label: 'Deprecation Warning', level: 'WARN', pattern: "'{innodb-large-prefix|innodb-file-format|--log-slow-queries}' was removed. It does nothing now and exists only for compatibility with old my.cnf files." },
  ],
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
  templates: [
    { label: 'System Notification', level: null, weight: 2, pattern: '# Time: {iso}' },
    { label: 'System Notification', level: null, weight: 2, pattern: '# User@Host: {slowUser} @ {localhost []| [{ip}]|{host} [{ip}]}  Id: {int:1:9999999}' },
    { label: 'System Notification', level: null, weight: 2, pattern: '# Query_time: {qt}  Lock_time: {lt} Rows_sent: {int:0:5000}  Rows_examined: {n}' },
    { label: 'System Notification', level: null, pattern: 'SET timestamp={int:1672531200:1798761600};' },
    { label: 'System Notification', level: null, pattern: 'use {app|wordpress|shop|zabbix|nextcloud};' },
    { label: 'System Notification', level: null, pattern: '# Thread_id: {int:1:9999999}  Schema: {app|wordpress|shop|zabbix}  QC_hit: No' },
    { label: 'System Notification', level: null, pattern: '# Rows_affected: {int:0:5000}  Bytes_sent: {int:50:9999999}' },
    { label: 'System Notification', level: null, weight: 2, pattern: '{SELECT option_name, option_value FROM wp_options WHERE autoload = \'yes\'|SELECT * FROM history_uint WHERE itemid={int:10000:99999} AND clock>{int:1672531200:1798761600}|UPDATE sessions SET last_seen = NOW() WHERE id = {int:1:999999}|SELECT COUNT(*) FROM orders WHERE status = \'pending\' AND created_at < NOW() - INTERVAL 1 DAY|DELETE FROM oc_filecache WHERE storage = {int:1:99}};' },
  ],
});
