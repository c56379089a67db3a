import { randomMoment, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { MONTHS, oneOf, pad, together } from './shared';

/**
 * Redis and Redis Sentinel: `1234:M 02 Jan 2024 03:04:05.678 * message`
 * (pid, role M/S/C/X, level mark `.` `-` `*` `#`). The component is the
 * role letter (C for the fork that saves, X for Sentinel). Saves, syncs
 * and startup are System Notification; copy-on-write and memory or
 * backlog warnings are Resource Usage; a lost master link or a failed save
 * is Error; a master or replica declared down, a crash or a corrupt file
 * is Critical Error; a completed failover is System Notification.
 */

function mark(level: FamilyLevel): string {
  if (level === 'WARN' || level === 'ERROR' || level === 'CRITICAL' || level === 'FATAL') return '#';
  if (level === 'DEBUG' || level === 'TRACE') return '.';
  return '*';
}

const redisLine: LineFormat = (m, { level, component, rng }) => {
  const t = randomMoment(rng);
  return `${rng.int(1, 65000)}:${component ?? 'M'} ${pad(t.day, 2)} ${MONTHS[t.month - 1]} ${t.year} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.millis, 3)} ${mark(level)} ${m}`;
};

const peer: Filler = (r) => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
const master = oneOf(['mymaster', 'redis-master', 'cache', 'sessions', 'queue']);
const mb: Filler = (r) => String(r.weighted<number>([[r.int(0, 9), 3], [r.int(10, 999), 2], [r.int(1000, 20000), 1]]));
/** Copy-on-write while the fork saves: the current and average sizes within the peak. */
const cow = together(['cowNow', 'cowPeak', 'cowAvg'], (r) => {
  const peak = r.weighted<number>([[r.int(0, 9), 3], [r.int(10, 999), 2], [r.int(1000, 20000), 1]]);
  return { cowNow: String(Math.floor(peak * r.next())), cowPeak: String(peak), cowAvg: String(Math.floor(peak * r.next())) };
});
const ver = oneOf(['7.2.4', '7.0.15', '6.2.14', '7.4.1', '6.0.16', '5.0.7']);

export const REDIS = defineFamily({
  family: 'redis',
  description: 'Redis server and Sentinel log',
  sources: ['redis', 'redis-sentinel'],
  formats: [redisLine],
  bareShare: 0.15,
  fillers: { ...cow, peer, master, mb, ver, secs: (r) => (r.next() * 5).toFixed(3), keys: (r) => String(r.int(0, 9999999)), id: (r) => r.hex(40), epoch: (r) => String(r.int(1, 60)), offset: (r) => String(r.int(1, 99999999999)) },
  templates: [
    { label: 'System Notification', level: 'INFO', weight: 3, pattern: 'Background saving started by pid {pid}' },
    { label: 'System Notification', level: 'INFO', weight: 3, component: 'C', pattern: 'DB saved on disk' },
    { label: 'System Notification', level: 'INFO', weight: 3, pattern: 'Background saving terminated with success' },
    { label: 'System Notification', level: 'INFO', weight: 3, pattern: '{1|10|100|10000} changes in {60|300|3600|900} seconds. Saving...' },
    { label: 'Resource Usage', level: 'INFO', weight: 2, component: 'C', pattern: 'RDB: {mb} MB of memory used by copy-on-write' },
    { label: 'Resource Usage', level: 'INFO', weight: 2, component: 'C', pattern: 'Fork CoW for RDB: current {cowNow} MB, peak {cowPeak} MB, average {cowAvg} MB' },
    { label: 'System Notification', level: 'INFO', weight: 2, pattern: 'Ready to accept connections{| tcp| unix}' },
    { label: 'System Notification', level: 'WARN', pattern: 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo' },
    { label: 'System Notification', level: 'WARN', pattern: 'Redis version={ver}, bits=64, commit=00000000, modified=0, pid={pid}, just started' },
    { label: 'System Notification', level: 'WARN', pattern: 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf' },
    { label: 'System Notification', level: 'INFO', pattern: '{Server initialized|Loading RDB produced by version {ver}|Running mode=standalone, port=6379.|Saving the final RDB snapshot before exiting.|Removing the pid file.|Redis is now ready to exit, bye bye...}' },
    { label: 'System Notification', level: 'INFO', pattern: 'Done loading RDB, keys loaded: {keys}, keys expired: {int:0:9999}.' },
    { label: 'System Notification', level: 'INFO', pattern: 'DB loaded from disk: {secs} seconds' },
    { label: 'Resource Usage', level: 'INFO', pattern: 'RDB memory usage when created {float:0:9000:2} Mb' },
    { label: 'System Notification', level: 'WARN', pattern: 'User requested shutdown...' },
    { label: 'System Notification', level: 'INFO', weight: 2, pattern: 'Replica {peer}:6379 asks for synchronization' },
    { label: 'System Notification', level: 'INFO', pattern: "Full resync requested by replica {peer}:6379" },
    { label: 'System Notification', level: 'INFO', pattern: 'Starting BGSAVE for SYNC with target: {disk|replicas sockets}' },
    { label: 'System Notification', level: 'INFO', pattern: 'Synchronization with replica {peer}:6379 succeeded' },
    { label: 'System Notification', level: 'INFO', component: 'S', pattern: '{Connecting to MASTER {peer}:6379|MASTER <-> REPLICA sync started|Master replied to PING, replication can continue...|MASTER <-> REPLICA sync: Finished with success|MASTER <-> REPLICA sync: Flushing old data|MASTER <-> REPLICA sync: Loading DB in memory}' },
    { label: 'System Notification', level: 'INFO', component: 'S', pattern: 'MASTER <-> REPLICA sync: receiving {int:100:999999999} bytes from master to disk' },
    { label: 'Error', level: 'WARN', weight: 2, component: 'S', pattern: 'Connection with master lost.' },
    { label: 'Error', level: 'WARN', component: 'S', pattern: '{Error condition on socket for SYNC: Connection refused|Timeout connecting to the MASTER...|MASTER timeout: no data nor PING received...}' },
    { label: 'Error', level: 'WARN', pattern: "Can't save in background: fork: Cannot allocate memory" },
    { label: 'Error', level: 'WARN', pattern: '{Background saving error|Write error saving DB on disk: No space left on device|Failed opening the temp RDB file temp-{pid}.rdb (in server root dir /data) for saving: Permission denied}' },
    { label: 'Resource Usage', level: 'WARN', weight: 2, pattern: "WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect." },
    { label: 'Resource Usage', level: 'WARN', pattern: 'WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.' },
    { label: 'Resource Usage', level: 'WARN', pattern: 'Client id={int:1:9999999} addr={peer}:{int:1024:65535} laddr={peer}:6379 fd={int:8:9000} name= age={int:0:99999} idle=0 flags=N db=0 sub=0 psub=0 multi=-1 qbuf=0 qbuf-free=0 obl=0 oll={int:100:9999} omem={int:1000000:999999999} events=rw cmd=psync user=default redir=-1 scheduled to be closed ASAP for overcoming of output buffer limits.' },
    { label: 'Critical Error', level: 'WARN', pattern: "{Short read or OOM loading DB. Unrecoverable error, aborting now.|Bad file format reading the append only file appendonly.aof.{int:1:99}.incr.aof: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>}" },
    { label: 'Critical Error', level: 'WARN', pattern: '{Redis {ver} crashed by signal: 11, si_code: {0|1|2}|=== REDIS BUG REPORT START: Cut & paste starting from here ===}' },
    { label: 'Critical Error', level: 'WARN', weight: 2, component: 'X', pattern: '+sdown {master {master} {peer} 6379|slave {peer}:6379 {peer} 6379 @ {master} {peer} 6379|sentinel {id} {peer} 26379 @ {master} {peer} 6379}' },
    { label: 'Critical Error', level: 'WARN', component: 'X', pattern: '+odown master {master} {peer} 6379 #quorum {2|3}/{2|3}' },
    { label: 'System Notification', level: 'WARN', weight: 2, component: 'X', pattern: '+switch-master {master} {peer} 6379 {peer} 6379' },
    { label: 'System Notification', level: 'WARN', component: 'X', pattern: '{+new-epoch {epoch}|+try-failover master {master} {peer} 6379|+vote-for-leader {id} {epoch}|+elected-leader master {master} {peer} 6379|+failover-state-select-slave master {master} {peer} 6379|+selected-slave slave {peer}:6379 {peer} 6379 @ {master} {peer} 6379|+failover-end master {master} {peer} 6379|-sdown master {master} {peer} 6379|+monitor master {master} {peer} 6379 quorum 2}' },
    { label: 'System Notification', level: 'INFO', component: 'X', pattern: 'Sentinel ID is {id}' },
  ],
});
