import { FILLERS, randomMoment, type Filler } from '../../fillers';
import { defineFamily, familyTemplates } from '../log-family';
import { epochSeconds, humanSize, iface, oneOf, pad, processName, programJournal, programSyslog, publicIp, together } from './shared';
import TEMPLATES_SYSTEMD from './templates/systemd.json';

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
  templates: familyTemplates(TEMPLATES_SYSTEMD),
});
