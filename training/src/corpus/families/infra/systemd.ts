import { FILLERS, randomMoment, type Filler } from '../../fillers';
import { defineFamily } from '../log-family';
import { epochSeconds, humanSize, iface, oneOf, pad, processName, programJournal, programSyslog, publicIp, together } from './shared';

/**
 * systemd (PID 1), journald, timesyncd and the small daemons of a Linux
 * host's syslog: logrotate, dhclient, NetworkManager, chronyd, ntpd,
 * avahi-daemon, rsyslogd. The component is the program. A unit that fails,
 * exits with an error or is killed is Critical Error (a service that exits
 * or cannot start); a restart being scheduled is System Notification; CPU,
 * memory and journal sizes are Resource Usage.
 */

const UNITS: readonly (readonly [string, string])[] = [
  ['nginx.service', 'A high performance web server and a reverse proxy server'],
  ['postgresql@15-main.service', 'PostgreSQL Cluster 15-main'],
  ['docker.service', 'Docker Application Container Engine'],
  ['containerd.service', 'containerd container runtime'],
  ['kubelet.service', 'kubelet: The Kubernetes Node Agent'],
  ['ssh.service', 'OpenBSD Secure Shell server'],
  ['apt-daily.service', 'Daily apt download activities'],
  ['apt-daily-upgrade.service', 'Daily apt upgrade and clean activities'],
  ['logrotate.service', 'Rotate log files'],
  ['man-db.service', 'Daily man-db regeneration'],
  ['systemd-tmpfiles-clean.service', 'Cleanup of Temporary Directories'],
  ['fstrim.service', 'Discard unused blocks on filesystems from /etc/fstab'],
  ['redis-server.service', 'Advanced key-value store'],
  ['mysql.service', 'MySQL Community Server'],
  ['php8.1-fpm.service', 'The PHP 8.1 FastCGI Process Manager'],
  ['node_exporter.service', 'Prometheus Node Exporter'],
  ['gunicorn.service', 'gunicorn daemon'],
  ['app-worker@3.service', 'Background worker 3'],
  ['certbot.service', 'Certbot'],
  ['motd-news.service', 'Message of the Day'],
  ['snapd.service', 'Snap Daemon'],
  ['haproxy.service', 'HAProxy Load Balancer'],
  ['elasticsearch.service', 'Elasticsearch'],
  ['cron.service', 'Regular background program processing daemon'],
];
const unit: Filler = (r) => r.pick(UNITS)[0];
/** How systemd names a unit in Started/Stopped lines: its description, or since v250 `name - description`. */
const unitDesc: Filler = (r) => {
  const [name, description] = r.pick(UNITS);
  return r.chance(0.5) ? description : `${name} - ${description}`;
};
const target = oneOf(['Multi-User System', 'Network is Online', 'Timers', 'Sockets', 'Basic System', 'Graphical Interface', 'Local File Systems', 'multi-user.target - Multi-User System', 'network-online.target - Network is Online', 'timers.target - Timer Units', 'getty.target - Login Prompts', 'Shutdown']);
const socketDesc = oneOf(['D-Bus System Message Bus Socket', 'Docker Socket for the API', 'OpenBSD Secure Shell server socket', 'Journal Socket (/dev/log)', 'snapd.socket - Socket activation for snappy daemon', 'dm-event.socket - Device-mapper event daemon FIFOs']);
const cpuTime: Filler = (r) => r.weighted<string>([[`${(r.next() * 10).toFixed(3)}s`, 3], [`${r.int(1, 59)}min ${(r.next() * 60).toFixed(3)}s`, 2], [`${r.int(1, 23)}h ${r.int(1, 59)}min ${(r.next() * 60).toFixed(3)}s`, 1], [`${r.int(1, 999)}ms`, 2]]);
const exitStatus = oneOf(['1/FAILURE', '1/FAILURE', '2/INVALIDARGUMENT', '203/EXEC', '127/n/a', '217/USER', '226/NAMESPACE', '143/n/a', '255/EXCEPTION']);
const journalDir: Filler = (r) => `/${r.pick(['run', 'var'])}/log/journal/${r.hex(32)}`;
const human = (mb: number): string => (mb >= 1024 ? `${(mb / 1024).toFixed(1)}G` : `${mb.toFixed(1)}M`);
/** A journal's use, its cap and what is left under the cap. */
const journalUse = together(['jUsed', 'jMax', 'jFree'], (r) => {
  const max = r.pick([78.4, 194.1, 392.7, 800, 1563.6, 4096]);
  const used = max * r.next();
  return { jUsed: human(used), jMax: human(max), jFree: human(max - used) };
});
/** Boot time in the kernel and in userspace, and their sum. */
const bootTimes = together(['tKernel', 'tUser', 'tTotal'], (r) => {
  const k = 1 + r.next() * 8;
  const u = 2 + r.next() * 90;
  return { tKernel: `${k.toFixed(3)}s`, tUser: `${u.toFixed(3)}s`, tTotal: `${(k + u).toFixed(3)}s` };
});
const hashFill = together(['fill', 'fillUsed', 'fillMax'], (r) => {
  const max = r.pick([11377, 23301, 46603, 93206]);
  const used = Math.floor(max * (0.75 + r.next() * 0.2));
  return { fill: ((100 * used) / max).toFixed(1), fillUsed: String(used), fillMax: String(max) };
});
const ntpServer = oneOf(['ntp.ubuntu.com', '0.debian.pool.ntp.org', 'time.cloudflare.com', '2.pool.ntp.org', 'time.google.com', '169.254.169.123', 'time.aws.com', '0.centos.pool.ntp.org']);
const nmStamp: Filler = (r) => `${epochSeconds(randomMoment(r))}.${pad(r.int(0, 9999), 4)}`;
const nmState = oneOf(['prepare -> config', 'config -> ip-config', 'ip-config -> ip-check', 'ip-check -> secondaries', 'secondaries -> activated', 'activated -> deactivating', 'disconnected -> prepare']);
const logFile = oneOf(['/var/log/nginx/access.log', '/var/log/app/*.log', '/var/log/mysql/error.log', '/var/log/php8.1-fpm.log', '/var/log/syslog', '/srv/app/shared/log/production.log']);

export const SYSTEMD = defineFamily({
  family: 'systemd',
  description: 'systemd, journald, timesyncd and the host daemons of syslog (logrotate, dhclient, NetworkManager, chronyd, ntpd, avahi, rsyslogd)',
  sources: ['systemd', 'syslog', 'journald'],
  formats: [programSyslog('systemd'), programSyslog('systemd'), programJournal('systemd')],
  fillers: { ...hashFill, ...journalUse, ...bootTimes, unit, unitDesc, target, socketDesc, cpuTime, exitStatus, journalDir, size: humanSize, ntpServer, ntpIp: publicIp, nmStamp, nmState, iface, logFile, proc: processName, ip: FILLERS.ip, xid: (r) => r.hex(8) },
  templates: [
    { label: 'System Notification', level: null, weight: 4, component: 'systemd', pattern: 'Started {unitDesc}.' },
    { label: 'System Notification', level: null, weight: 3, component: 'systemd', pattern: 'Starting {unitDesc}...' },
    { label: 'System Notification', level: null, weight: 2, component: 'systemd', pattern: 'Stopped {unitDesc}.' },
    { label: 'System Notification', level: null, weight: 2, component: 'systemd', pattern: 'Stopping {unitDesc}...' },
    { label: 'System Notification', level: null, weight: 2, component: 'systemd', pattern: 'Reached target {target}.' },
    { label: 'System Notification', level: null, component: 'systemd', pattern: 'Listening on {socketDesc}.' },
    { label: 'System Notification', level: null, component: 'systemd', pattern: '{Reloading.|Reloading {unitDesc}...|Reloaded {unitDesc}.}' },
    { label: 'System Notification', level: null, component: 'systemd', pattern: 'Startup finished in {tKernel} (kernel) + {tUser} (userspace) = {tTotal}.' },
    { label: 'System Notification', level: null, weight: 3, component: 'systemd', pattern: '{unit}: {Deactivated successfully|Succeeded}.' },
    { label: 'System Notification', level: null, weight: 2, component: 'systemd', pattern: '{unit}: Scheduled restart job, restart counter is at {int:1:40}.' },
    { label: 'System Notification', level: null, component: 'systemd', pattern: '{unit}: Killing process {pid} ({proc}) with signal SIGKILL.' },
    { label: 'Resource Usage', level: null, weight: 3, component: 'systemd', pattern: '{unit}: Consumed {cpuTime} CPU time{, {size} memory peak, 0B memory swap peak|, {size} memory peak|}.' },
    { label: 'Critical Error', level: null, weight: 2, component: 'systemd', pattern: 'Failed to start {unitDesc}.' },
    { label: 'Critical Error', level: null, weight: 2, component: 'systemd', pattern: '{unit}: Main process exited, code=exited, status={exitStatus}' },
    { label: 'Critical Error', level: null, component: 'systemd', pattern: '{unit}: Main process exited, code={killed|dumped}, status={9/KILL|6/ABRT|11/SEGV}' },
    { label: 'Critical Error', level: null, weight: 2, component: 'systemd', pattern: "{unit}: Failed with result '{exit-code|signal|timeout|core-dump|oom-kill|start-limit-hit|watchdog}'." },
    { label: 'Critical Error', level: null, component: 'systemd', pattern: '{Unit {unit} entered failed state.|{unit}: Unit entered failed state.}' },
    { label: 'Critical Error', level: null, component: 'systemd', pattern: '{unit}: Start request repeated too quickly.' },
    { label: 'Critical Error', level: null, component: 'systemd', pattern: '{unit}: Watchdog timeout (limit {3min|30s|1min|10s})!' },
    { label: 'Critical Error', level: null, component: 'systemd', pattern: '{unit}: A process of this unit has been killed by the OOM killer.' },
    { label: 'Critical Error', level: null, component: 'systemd', pattern: '{unit}: Control process exited, code=exited, status={exitStatus}' },
    { label: 'Error', level: null, component: 'systemd', pattern: "{unit}: State 'stop-sigterm' timed out. Killing." },
    { label: 'Error', level: null, component: 'systemd', pattern: "/etc/systemd/system/{unit}:{int:3:40}: Unknown key name '{ExecStartPost|Restart_Sec|MemoryLimit|StartLimitInterval}' in section '{Service|Unit}', ignoring." },
    { label: 'Deprecation Warning', level: null, component: 'systemd', pattern: '/{etc|lib}/systemd/system/{unit}:{int:5:30}: Standard output type syslog is obsolete, automatically updating to journal. Please update your unit file, and consider removing the setting altogether.' },
    { label: 'Deprecation Warning', level: null, component: 'systemd', pattern: '/lib/systemd/system/{docker.socket:{int:4:9}: ListenStream= references a path below legacy directory /var/run/, updating /var/run/docker.sock → /run/docker.sock|snapd.socket:{int:4:9}: ListenStream= references a path below legacy directory /var/run/, updating /var/run/snapd.socket → /run/snapd.socket|cups.socket:{int:4:9}: ListenStream= references a path below legacy directory /var/run/, updating /var/run/cups/cups.sock → /run/cups/cups.sock}; please update the unit file accordingly.' },
    { label: 'System Notification', level: null, component: 'systemd-journald', pattern: '{Journal started|Journal stopped|Received SIGTERM from PID 1 (systemd).}' },
    { label: 'Resource Usage', level: null, weight: 2, component: 'systemd-journald', pattern: '{Runtime|System} Journal ({journalDir}) is {jUsed}, max {jMax}, {jFree} free.' },
    { label: 'Resource Usage', level: null, component: 'systemd-journald', pattern: 'Vacuuming done, freed {size} of archived journals from {journalDir}.' },
    { label: 'Resource Usage', level: null, component: 'systemd-journald', pattern: 'Data hash table of {journalDir}/system.journal has a fill level at {fill} ({fillUsed} of {fillMax} items, {int:6000000:99999999} file size, {int:400:900} bytes per hash table item), suggesting rotation.' },
    { label: 'Resource Usage', level: null, component: 'systemd-journald', pattern: 'Suppressed {int:10:99999} messages from {unit}' },
    { label: 'System Notification', level: null, weight: 2, component: 'systemd-timesyncd', pattern: '{Initial synchronization to|Synchronized to} time server {ntpIp}:123 ({ntpServer}).' },
    { label: 'Error', level: null, component: 'systemd-timesyncd', pattern: 'Timed out waiting for reply from {ntpIp}:123 ({ntpServer}).' },
    { label: 'System Notification', level: null, component: 'systemd-timesyncd', pattern: 'Network configuration changed, trying to establish connection.' },
    { label: 'Error', level: null, component: 'logrotate', pattern: 'error: skipping "{logFile}" because parent directory has insecure permissions (It\'s world writable or writable by group which is not "root") Set "su" directive in config file to tell logrotate which user/group should be used for rotation.' },
    { label: 'Error', level: null, component: 'logrotate', pattern: 'error: stat of {logFile} failed: No such file or directory' },
    { label: 'System Notification', level: null, weight: 2, component: 'dhclient', pattern: 'DHCPREQUEST {for|of} {ip} on {iface} to {ip} port 67{ (xid=0x{xid})|}' },
    { label: 'System Notification', level: null, weight: 2, component: 'dhclient', pattern: 'DHCPACK of {ip} from {ip}{ (xid=0x{xid})|}' },
    { label: 'System Notification', level: null, component: 'dhclient', pattern: 'bound to {ip} -- renewal in {int:300:43200} seconds.' },
    { label: 'System Notification', level: null, weight: 2, component: 'NetworkManager', pattern: "<info>  [{nmStamp}] device ({iface}): state change: {nmState} (reason '{none|connection-assumed|user-requested}', sys-iface-state: '{managed|external}')" },
    { label: 'System Notification', level: null, component: 'NetworkManager', pattern: '<info>  [{nmStamp}] {dhcp4 ({iface}): state changed new lease, address={ip}|manager: NetworkManager state is now {CONNECTED_GLOBAL|CONNECTING|CONNECTED_SITE}}' },
    { label: 'Error', level: null, component: 'NetworkManager', pattern: '<warn>  [{nmStamp}] dhcp4 ({iface}): request timed out' },
    { label: 'System Notification', level: null, component: 'chronyd', pattern: '{Selected source {ntpIp} ({ntpServer})|Source {ntpIp} {online|offline}|System clock was stepped by {float:0:5:6} seconds}' },
    { label: 'Error', level: null, component: 'chronyd', pattern: "Can't synchronise: no selectable sources" },
    { label: 'System Notification', level: null, component: 'ntpd', pattern: 'Listen normally on {int:2:9} {iface} {ip}:123' },
    { label: 'System Notification', level: null, component: 'avahi-daemon', pattern: '{Joining mDNS multicast group on interface {iface}.IPv4 with address {ip}.|Registering new address record for {ip} on {iface}.IPv4.|Server startup complete. Host name is {host}.local. Local service cookie is {int:100000000:4294967295}.}' },
    { label: 'System Notification', level: null, component: 'rsyslogd', pattern: '[origin software="rsyslogd" swVersion="8.{2112|2302|2312}.0" x-pid="{pid}" x-info="https://www.rsyslog.com"] {start|rsyslogd was HUPed|exiting on signal 15.}' },
    { label: 'Resource Usage', level: null, component: 'rsyslogd', pattern: 'imjournal: {int:100:99999} messages lost due to rate-limiting ({20000|10000} allowed within {600|300} seconds)' },
  ],
});
