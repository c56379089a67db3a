import { FILLERS, formatDate, formatTime, randomMoment, syslogTimestamp, type Filler, type Moment } from '../../fillers';
import type { Prng } from '../../prng';
import { FIRST_NAMES, LAST_NAMES } from '../../vocabulary';
import type { LineFormat } from '../log-family';

/** Slots and line headers several infrastructure families share (Unix accounts, remote peers, syslog tags). */

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export const oneOf =
  (items: readonly string[]): Filler =>
  (r) =>
    r.pick(items);

/** Day of the week of a moment (the headers that print one must agree with their date). */
export const weekday = (m: Moment): string => WEEKDAYS[new Date(Date.UTC(m.year, m.month - 1, m.day)).getUTCDay()];

export const epochSeconds = (m: Moment): number => Math.floor(Date.UTC(m.year, m.month - 1, m.day, m.hour, m.minute, m.second) / 1000);

/** `Tue Jan  2 03:04:05 2024`, C's ctime (OpenVPN, Apache 2.2, dmesg -T). */
export const ctime = (m: Moment): string => `${weekday(m)} ${MONTHS[m.month - 1]} ${String(m.day).padStart(2, ' ')} ${formatTime(m)} ${m.year}`;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const base64 = (r: Prng, n: number): string => Array.from({ length: n }, () => B64[r.int(0, 63)]).join('');

/** Login names on real Unix hosts: people, cloud image defaults, service accounts. */
export const unixUser: Filler = (r) =>
  r.weighted<string>([
    [r.pick(FIRST_NAMES), 4],
    [`${r.pick(FIRST_NAMES)[0]}${r.pick(LAST_NAMES)}`, 2],
    [r.pick(['root', 'ubuntu', 'ec2-user', 'deploy', 'admin', 'ansible', 'jenkins', 'git', 'centos', 'debian', 'opc', 'azureuser', 'backup', 'postgres', 'www-data']), 4],
    [`${r.pick(FIRST_NAMES)}${r.int(1, 99)}`, 1],
  ]);

/** Names a brute-force bot tries. */
export const guessedUser: Filler = (r) =>
  r.weighted<string>([
    [r.pick(['admin', 'test', 'user', 'oracle', 'guest', 'ubnt', 'support', 'pi', 'ftpuser', 'postgres', 'hadoop', 'git', 'minecraft', 'steam', 'tomcat', 'nagios', 'mysql', 'test1', 'user1', 'ubuntu', 'administrator', 'dev', 'deploy', 'es', 'elastic', 'sol', 'solana', 'debian', 'vagrant', 'teamspeak', 'zabbix', 'odoo', 'default']), 6],
    [r.pick(FIRST_NAMES), 2],
    [`${r.pick(['admin', 'user', 'test', 'server'])}${r.int(1, 2024)}`, 1],
    [String(r.pick(['123', '1234', '0', 'a', 'support1'])), 1],
  ]);

/** An address on the internet (the peers that scan and log in to exposed hosts). */
export const publicIp: Filler = (r) => {
  let first = r.int(1, 223);
  while ([10, 127, 172, 192].includes(first)) first = r.int(1, 223);
  return `${first}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
};

/** A remote peer: either side of the firewall. */
export const peerIp: Filler = (r) => (r.chance(0.55) ? publicIp(r) : FILLERS.ip(r));

export const ephemeralPort: Filler = (r) => String(r.weighted<number>([[r.int(32768, 60999), 4], [r.int(1024, 65535), 2]]));

export const tty: Filler = (r) => `pts/${r.weighted<number>([[r.int(0, 3), 4], [r.int(4, 24), 1]])}`;

export const loginUid: Filler = (r) => String(r.weighted<number>([[r.int(1000, 1012), 5], [r.int(1013, 60000), 1]]));

/** What runs on servers, as `comm` (15 characters at most) shows it. */
export const processName: Filler = (r) =>
  r.pick(['java', 'python3', 'node', 'mysqld', 'postgres', 'nginx', 'php-fpm8.1', 'dockerd', 'containerd', 'beam.smp', 'mongod', 'redis-server', 'ruby', 'gunicorn', 'celery', 'chrome', 'kubelet', 'prometheus', 'elasticsearch', 'httpd', 'apache2', 'dotnet', 'Xorg', 'firefox', 'clickhouse-serv', 'influxd', 'rsyslogd', 'snapd', 'memcached']);

/** A Linux interface name of any naming scheme. */
export const iface: Filler = (r) => r.pick(['eth0', 'eth1', 'ens3', 'ens5', 'ens160', 'enp0s3', 'enp3s0', 'eno1', 'eno2', 'enp0s31f6', 'wlp2s0', 'bond0']);

export const mac: Filler = (r) => Array.from({ length: 6 }, () => r.hex(2)).join(':');

/** `1.2M`, `512.0K`, `3.9G`: systemd's and coreutils' human sizes. */
export const humanSize: Filler = (r) =>
  r.weighted<string>([
    [`${(r.next() * 999).toFixed(1)}M`, 3],
    [`${(r.next() * 9.9 + 0.1).toFixed(1)}G`, 2],
    [`${(r.next() * 999).toFixed(1)}K`, 1],
    [`${r.int(0, 999)}B`, 1],
  ]);

/** Hosts programs on a desktop or a server talk to. */
export const internetHost: Filler = (r) =>
  r.weighted<string>([
    [r.pick(['www.google.com', 'clients4.google.com', 'update.googleapis.com', 'api.github.com', 'github.com', 'outlook.office365.com', 'login.microsoftonline.com', 'teams.microsoft.com', 'slack.com', 'files.slack.com', 'www.youtube.com', 'i.ytimg.com', 'dl.dropboxusercontent.com', 'registry.npmjs.org', 'pypi.org', 'files.pythonhosted.org', 'archive.ubuntu.com', 'cdn.jsdelivr.net', 'fonts.gstatic.com', 'www.bing.com', 'settings-win.data.microsoft.com', 'spclient.wg.spotify.com', 'api.segment.io', 'sentry.io', 'aws.amazon.com', 's3.amazonaws.com', 'ocsp.digicert.com', 'ctldl.windowsupdate.com', 'mobile.events.data.microsoft.com']), 6],
    [`${r.hex(8)}.cloudfront.net`, 1],
    [`edge-${r.int(1, 99)}.${r.pick(['fra', 'ams', 'lhr', 'iad'])}${r.int(1, 9)}.fbcdn.net`, 1],
    [publicIp(r), 2],
  ]);

/** sudo indents its command lines (`sudo:    alice : TTY=pts/0 ; ...`), not its PAM lines. */
const indent = (program: string, m: string): string => (program === 'sudo' && !m.startsWith('pam_') ? `   ${m}` : m);

/** Programs whose syslog tag carries no pid (sudo writes `sudo:`, the kernel `kernel:`). */
const NO_PID = new Set(['sudo', 'kernel']);

/**
 * A syslog line whose program tag is the template's component: families that
 * gather several programs (sudo, su, systemd-logind...) say per message which
 * program wrote it, so the tag always matches the message.
 */
export const programSyslog =
  (fallback: string): LineFormat =>
  (m, { component, rng }) => {
    const program = component ?? fallback;
    const tag = NO_PID.has(program) ? program : `${program}[${program === 'systemd' ? 1 : FILLERS.pid(rng)}]`;
    return `${syslogTimestamp(randomMoment(rng))} ${FILLERS.host(rng)} ${tag}: ${indent(program, m)}`;
  };

/** The same as journald's `short-iso` output, where every program's tag carries its pid. */
export const programJournal =
  (fallback: string): LineFormat =>
  (m, { component, rng }) => {
    const program = component ?? fallback;
    const t = randomMoment(rng);
    const pid = program === 'systemd' ? '1' : program === 'kernel' ? '' : FILLERS.pid(rng);
    return `${formatDate(t)}T${formatTime(t)}+0000 ${FILLERS.host(rng)} ${program}${pid ? `[${pid}]` : ''}: ${indent(program, m)}`;
  };

/** Write `«` and `»` for literal braces in templates full of them (JSON lines); the template language needs `{lb}`/`{rb}`. */
export const braces = (pattern: string): string => pattern.replace(/«/g, '{lb}').replace(/»/g, '{rb}');

/**
 * A slot whose value a later slot of the same line repeats (`name=deploy, ...
 * home=/home/deploy`): `first` draws and remembers, `again` repeats it. Slots
 * expand left to right, so `again` always follows its `first` in a line.
 */
export function sticky(filler: Filler): { first: Filler; again: Filler } {
  let last = '';
  return {
    first: (r) => (last = filler(r)),
    again: () => last,
  };
}

/**
 * Slots of one line that must agree (a total and its parts, a size and its
 * limit): the first key's slot draws all values, the other keys' slots read
 * them. The first key must come first in the pattern.
 */
export function together<K extends string>(keys: readonly [K, ...K[]], draw: (r: Prng) => Record<K, string>): Record<K, Filler> {
  let values = {} as Record<K, string>;
  const fillers = {} as Record<K, Filler>;
  keys.forEach((key, index) => {
    fillers[key] = index === 0 ? (r) => (values = draw(r))[key] : () => values[key];
  });
  return fillers;
}
