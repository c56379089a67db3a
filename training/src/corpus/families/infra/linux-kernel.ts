import { FILLERS, randomMoment, syslogTimestamp, type Filler } from '../../fillers';
import { journal } from '../formats';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { ctime, epochSeconds, ephemeralPort, iface, loginUid, mac, oneOf, pad, processName, publicIp, together } from './shared';
import TEMPLATES_LINUX_KERNEL from './templates/linux-kernel.json';

/**
 * The Linux kernel ring buffer (dmesg, kern.log, the journal's `kernel:`).
 * The kernel prints no level. A crash, OOM kill, hardware machine check,
 * uncorrectable memory error, disk I/O error or filesystem corruption is
 * Critical Error; a corrected memory error or a SATA link reset is Error;
 * a firewall drop of unsolicited traffic and a MAC denial are Security
 * Alert; table-full and throttling lines are Resource Usage; device,
 * link and mount chatter is System Notification.
 */

/** Seconds since boot, as the ring buffer stamps them: `[ 1234.567890]`. */
const uptime = (r: { int(a: number, b: number): number }): string => `${r.int(0, 2_500_000)}.${pad(r.int(0, 999999), 6)}`.padStart(12, ' ');

const dmesg: LineFormat = (m, { rng }) => `[${uptime(rng)}] ${m}`;
const dmesgHuman: LineFormat = (m, { rng }) => `[${ctime(randomMoment(rng))}] ${m}`;
const kernLog: LineFormat = (m, { rng }) => `${syslogTimestamp(randomMoment(rng))} ${FILLERS.host(rng)} kernel: [${uptime(rng)}] ${m}`;
const kernSyslog: LineFormat = (m, { rng }) => `${syslogTimestamp(randomMoment(rng))} ${FILLERS.host(rng)} kernel: ${m}`;
const kernJournal: LineFormat = journal('kernel', false);

const kb: Filler = (r) => String(r.weighted<number>([[r.int(1000, 99999), 1], [r.int(100000, 9999999), 3], [r.int(10000000, 40000000), 1]]));
/** A killed process's sizes: resident memory within its virtual size. */
const oomSizes = together(['vm', 'rss'], (r) => {
  const vm = r.weighted<number>([[r.int(100000, 9999999), 3], [r.int(10000000, 60000000), 1]]);
  return { vm: String(vm), rss: String(Math.floor(vm * (0.2 + r.next() * 0.75))) };
});
/** perf's sample-rate throttle: the interrupt took longer than the limit, and the new rate follows from it. */
const perf = together(['perfTook', 'perfLimit', 'perfRate'], (r) => {
  const limit = r.int(2500, 7800);
  const took = limit + r.int(1, 2500);
  return { perfTook: String(took), perfLimit: String(limit), perfRate: String(Math.floor(200000000 / (took * 1.25) / 1000) * 1000 || 1000) };
});
const smallKb: Filler = (r) => String(r.weighted<number>([[0, 2], [r.int(4, 999), 2], [r.int(1000, 99999), 1]]));
const cpu: Filler = (r) => String(r.int(0, 63));
const userAddr: Filler = (r) => `7f${r.hex(10)}`;
const lib: Filler = (r) => r.pick(['libc-2.31.so', 'libc.so.6', 'libc-2.28.so', 'libjvm.so', 'libpthread-2.31.so', 'libstdc++.so.6.0.30', 'ld-2.31.so', 'libcrypto.so.3', 'node', 'python3.10', 'libmozjs-102.so', 'libglib-2.0.so.0.7200.4']);
const mapping: Filler = (r) => `${lib(r)}[${r.pick(['7f', '55', '56'])}${r.hex(7)}000+${r.hex(r.int(4, 6))}]`;
const segAddr: Filler = (r) => r.weighted<string>([['0', 3], [(r.int(1, 0xfff)).toString(16), 2], [`7f${r.hex(10)}`, 1], [`55${r.hex(10)}`, 1]]);
const sp: Filler = (r) => `7ff${r.hex(9)}`;
const mceStatus: Filler = (r) => `${r.pick(['be', 'fe', 'bd', '9c', 'cc', 'b2'])}${r.hex(14)}`;
const memory: Filler = (r) => {
  const total = r.pick([2, 4, 8, 16, 32, 64, 128, 256]) * 1024 * 1024 - r.int(1000, 400000);
  return `${total - r.int(200000, 600000)}K/${total}K`;
};
const sdDisk: Filler = (r) => r.pick(['sda', 'sdb', 'sdc', 'sdd', 'sde']);
const disk: Filler = (r) => r.pick(['sda', 'sdb', 'sdc', 'sdd', 'nvme0n1', 'nvme1n1', 'vda', 'xvda', 'dm-0', 'dm-2']);
const part: Filler = (r) => r.pick(['sda1', 'sda2', 'sdb1', 'sdc1', 'nvme0n1p2', 'nvme1n1p1', 'vda1', 'xvda1', 'dm-0', 'md0']);
const sector: Filler = (r) => String(r.weighted<number>([[r.int(1000, 999999), 1], [r.int(1000000, 1999999999), 4], [r.int(2000000000, 7814037167), 1]]));
const ata: Filler = (r) => String(r.int(1, 8));
const scsi: Filler = (r) => `${r.int(0, 6)}:0:${r.int(0, 1)}:0`;
const unit: Filler = (r) => r.pick(['systemd-tmpfiles-clean', 'apt-daily', 'logrotate', 'man-db', 'fstrim', 'nginx', 'docker', 'sshd', 'NetworkManager-dispatcher', 'user-runtime-dir@1000', 'motd-news', 'snapd']);
const audit: Filler = (r) => `${epochSeconds(randomMoment(r))}.${pad(r.int(0, 999), 3)}:${r.int(2, 99999)}`;
const memcg: Filler = (r) =>
  r.pick([
    `/system.slice/${unit(r)}.service`,
    `/kubepods/burstable/pod${FILLERS.uuid(r)}/${r.hex(64)}`,
    `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${FILLERS.uuid(r).replace(/-/g, '_')}.slice`,
    `/docker/${r.hex(64)}`,
    `/user.slice/user-${loginUid(r)}.slice/session-${r.int(1, 999)}.scope`,
  ]);
const aaProfile = oneOf(['/usr/sbin/cupsd', 'snap.firefox.firefox', 'docker-default', '/usr/sbin/mysqld', '/usr/bin/man', '/usr/sbin/tcpdump', 'lsb_release', '/snap/snapd/20671/usr/lib/snapd/snap-confine', 'cri-containerd.apparmor.d']);
const deniedFile = oneOf(['/etc/ssl/openssl.cnf', '/proc/1/environ', '/etc/shadow', '/var/lib/mysql-files/', '/run/systemd/userdb/', '/sys/fs/cgroup/cpu.max', '/home/alice/.ssh/id_rsa', '/usr/share/zoneinfo-icu/', '/proc/sys/kernel/random/boot_id']);
const seType = oneOf(['httpd_t', 'nginx_t', 'mysqld_t', 'container_t', 'sshd_t', 'postfix_smtpd_t', 'named_t']);
const seTarget = oneOf(['user_home_t', 'var_t', 'admin_home_t', 'unlabeled_t', 'default_t', 'shadow_t', 'http_port_t', 'tmp_t']);
const usbId: Filler = (r) => `${r.int(1, 4)}-${r.int(1, 4)}${r.chance(0.3) ? `.${r.int(1, 4)}` : ''}`;
const pci: Filler = (r) => `0000:${pad(r.int(0, 0x3b), 2)}:${pad(r.int(0, 0x1f), 2)}.${r.int(0, 3)}`;
const hostileDport = oneOf(['23', '22', '3389', '445', '1433', '5900', '8080', '2323', '6379', '9200', '81', '8443', '5555', '37215', '52869']);

/** The permission an SELinux denial names (`{ open }` is a permission, not a state word): a value. */
const avcPermission: Filler = (r) => r.pick(['read', 'write', 'getattr', 'open', 'name_connect']);

export const LINUX_KERNEL = defineFamily({
  family: 'linux-kernel',
  description: 'Linux kernel ring buffer messages (dmesg, kern.log, journal)',
  sources: ['kernel', 'dmesg', 'kern.log'],
  formats: [dmesg, dmesgHuman, kernLog, kernLog, kernSyslog, kernJournal],
  bareShare: 0.2,
  fillers: { ...oomSizes, ...perf, pgt: (r) => String(r.int(60, 90000)), sp, mceStatus, memory, sdDisk, kb, smallKb, cpu, proc: processName, userAddr, mapping, segAddr, disk, part, sector, ata, scsi, unit, audit, memcg, aaProfile, deniedFile, seType, seTarget, avcPermission, usbId, pci, iface, mac, srcIp: publicIp, sport: ephemeralPort, hostileDport, uid: loginUid, h4: (r) => r.hex(4), h8: (r) => r.hex(8), h16: (r) => r.hex(16) },
  templates: familyTemplates(TEMPLATES_LINUX_KERNEL),
});
