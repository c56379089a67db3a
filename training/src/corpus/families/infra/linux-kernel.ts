import { FILLERS, randomMoment, syslogTimestamp, type Filler } from '../../fillers';
import { journal } from '../formats';
import { defineFamily, type LineFormat } from '../log-family';
import { ctime, epochSeconds, ephemeralPort, iface, loginUid, mac, oneOf, pad, processName, publicIp, together } from './shared';

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

export const LINUX_KERNEL = defineFamily({
  family: 'linux-kernel',
  description: 'Linux kernel ring buffer messages (dmesg, kern.log, journal)',
  sources: ['kernel', 'dmesg', 'kern.log'],
  formats: [dmesg, dmesgHuman, kernLog, kernLog, kernSyslog, kernJournal],
  bareShare: 0.2,
  fillers: { ...oomSizes, ...perf, pgt: (r) => String(r.int(60, 90000)), sp, mceStatus, memory, sdDisk, kb, smallKb, cpu, proc: processName, userAddr, mapping, segAddr, disk, part, sector, ata, scsi, unit, audit, memcg, aaProfile, deniedFile, seType, seTarget, usbId, pci, iface, mac, srcIp: publicIp, sport: ephemeralPort, hostileDport, uid: loginUid, h4: (r) => r.hex(4), h8: (r) => r.hex(8), h16: (r) => r.hex(16) },
  templates: [
    { label: 'Critical Error', level: null, pattern: 'Out of memory: Kill process {pid} ({proc}) score {int:100:999} or sacrifice child' },
    { label: 'Critical Error', level: null, pattern: 'Killed process {pid} ({proc}) total-vm:{vm}kB, anon-rss:{rss}kB, file-rss:{smallKb}kB{, shmem-rss:{smallKb}kB|}' },
    { label: 'Critical Error', level: null, weight: 2, pattern: 'Out of memory: Killed process {pid} ({proc}) total-vm:{vm}kB, anon-rss:{rss}kB, file-rss:{smallKb}kB, shmem-rss:{smallKb}kB, UID:{uid} pgtables:{pgt}kB oom_score_adj:{0|1000|-997|999}' },
    { label: 'Critical Error', level: null, pattern: 'Memory cgroup out of memory: Killed process {pid} ({proc}) total-vm:{vm}kB, anon-rss:{rss}kB, file-rss:{smallKb}kB, shmem-rss:{smallKb}kB, UID:{uid} pgtables:{pgt}kB oom_score_adj:{0|-997|999}' },
    { label: 'Critical Error', level: null, pattern: '{proc} invoked oom-killer: gfp_mask=0x{100cca(GFP_HIGHUSER_MOVABLE)|cc0(GFP_KERNEL)|1100cca(GFP_HIGHUSER_MOVABLE)|14200ca(GFP_HIGHUSER_MOVABLE)}, order=0, oom_score_adj={0|-999|1000}' },
    { label: 'Critical Error', level: null, pattern: 'oom-kill:constraint={CONSTRAINT_NONE|CONSTRAINT_MEMCG},nodemask=(null),cpuset={/|{unit}.service},mems_allowed=0{-1|},{global_oom|oom_memcg={memcg}},task_memcg={memcg},task={proc},pid={pid},uid={uid}' },
    { label: 'Critical Error', level: null, pattern: 'oom_reaper: reaped process {pid} ({proc}), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB' },
    { label: 'Critical Error', level: null, weight: 2, pattern: '{proc}[{pid}]: segfault at {segAddr} ip 0000{userAddr} sp 0000{sp} error {4|6|14|15} in {mapping}{ likely on CPU {cpu} (core {cpu}, socket 0)|}' },
    { label: 'Critical Error', level: null, pattern: 'traps: {proc}[{pid}] general protection fault ip:{userAddr} sp:{sp} error:0 in {mapping}' },
    { label: 'Critical Error', level: null, pattern: 'general protection fault, probably for non-canonical address 0x{h16}: 0000 [#1] {SMP NOPTI|PREEMPT SMP PTI}' },
    { label: 'Critical Error', level: null, pattern: 'Kernel panic - not syncing: {Fatal exception|Fatal exception in interrupt|VFS: Unable to mount root fs on unknown-block(0,0)|Attempted to kill init! exitcode=0x0000000b|System is deadlocked on memory|Hard LOCKUP|softlockup: hung tasks|hung_task: blocked tasks}' },
    { label: 'Critical Error', level: null, pattern: 'BUG: {unable to handle kernel NULL pointer dereference at 000000000000{h4}|kernel NULL pointer dereference, address: 000000000000{h4}|unable to handle page fault for address: ffff{h4}{h8}}' },
    { label: 'Critical Error', level: null, pattern: 'Oops: {0000|0002|0010} [#{1|2}] {SMP PTI|PREEMPT SMP NOPTI|SMP NOPTI}' },
    { label: 'Critical Error', level: null, weight: 2, pattern: 'watchdog: BUG: soft lockup - CPU#{cpu} stuck for {int:22:83}s! [{proc}:{pid}]' },
    { label: 'Critical Error', level: null, pattern: 'INFO: task {{proc}|kworker/{cpu}:{int:0:3}|jbd2/{part}-8}:{pid} blocked for more than {120|241|362|483} seconds.' },
    { label: 'Critical Error', level: null, pattern: 'rcu: INFO: {rcu_sched self-detected stall on CPU|rcu_preempt detected stalls on CPUs/tasks:|rcu_sched detected stalls on CPUs/tasks:}' },
    { label: 'Critical Error', level: null, pattern: 'mce: [Hardware Error]: Machine check events logged' },
    { label: 'Critical Error', level: null, pattern: 'mce: [Hardware Error]: CPU {cpu}: Machine Check{ Exception|}: {0|5} Bank {int:0:22}: {mceStatus}' },
    { label: 'Error', level: null, weight: 2, pattern: 'EDAC MC{0|1}: {1|2|5} CE memory read error on CPU_SrcID#{0|1}_Ha#0_Chan#{int:0:3}_DIMM#{0|1} (channel:{int:0:3} slot:{0|1} page:0x{h4}{h4} offset:0x0 grain:32 syndrome:0x0 - area:DRAM err_code:0001:009{int:0:3} socket:{0|1} ha:0 channel_mask:{1|2|4|8} rank:{int:0:3})' },
    { label: 'Critical Error', level: null, pattern: 'EDAC MC{0|1}: 1 UE memory read error on CPU_SrcID#{0|1}_Ha#0_Chan#{int:0:3}_DIMM#{0|1} (channel:{int:0:3} slot:{0|1} page:0x{h4}{h4} offset:0x0 grain:32 - area:DRAM err_code:0001:009{int:0:3} socket:{0|1} ha:0 channel_mask:{1|2|4|8} rank:{int:0:3})' },
    { label: 'Critical Error', level: null, weight: 2, pattern: '{blk_update_request|print_req_error}: I/O error, dev {disk}, sector {sector}' },
    { label: 'Critical Error', level: null, pattern: 'I/O error, dev {disk}, sector {sector} op 0x{0:(READ)|1:(WRITE)} flags 0x{0|800|4800} phys_seg {int:1:32} prio class {0|2}' },
    { label: 'Critical Error', level: null, pattern: 'Buffer I/O error on dev {part}, logical block {sector}, {lost async page write|async page read}' },
    { label: 'Critical Error', level: null, pattern: 'EXT4-fs error (device {part}): {ext4_find_entry:1455|ext4_lookup:1851|htree_dirblock_to_tree:1080|__ext4_get_inode_loc:4571}: inode #{int:2:9999999}: comm {proc}: {reading directory lblock 0|checksum invalid|unable to read itable block}' },
    { label: 'Critical Error', level: null, pattern: 'EXT4-fs ({part}): Remounting filesystem read-only' },
    { label: 'Critical Error', level: null, pattern: 'Aborting journal on device {part}-8.' },
    { label: 'Critical Error', level: null, pattern: 'XFS ({part}): {Metadata corruption detected at xfs_dinode_verify+0x{h4}/0x{h4} [xfs], inode 0x{h8} dinode|Corruption of in-memory data detected.  Shutting down filesystem|log I/O error -5}' },
    { label: 'Critical Error', level: null, pattern: 'md/raid{1|10|}:md{0|1|127}: Disk failure on {sdb1|sdc1|sda2|nvme1n1p1|sdd1}, disabling device.' },
    { label: 'Critical Error', level: null, pattern: 'sd {scsi}: [{sdDisk}] tag#{int:0:31} FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_SENSE{ cmd_age={int:0:30}s|}' },
    { label: 'Critical Error', level: null, pattern: 'ata{ata}.00: error: {lb} UNC {rb}' },
    { label: 'Error', level: null, pattern: 'ata{ata}.00: exception Emask 0x0 SAct 0x{h4} SErr 0x0 action 0x{0|6} frozen' },
    { label: 'Error', level: null, pattern: 'ata{ata}.00: failed command: {READ FPDMA QUEUED|WRITE FPDMA QUEUED|READ DMA EXT|FLUSH CACHE EXT}' },
    { label: 'Error', level: null, pattern: 'ata{ata}: {hard resetting link|SATA link down (SStatus 0 SControl 300)|link is slow to respond, please be patient (ready=0)}' },
    { label: 'Error', level: null, pattern: 'nvme nvme{0|1}: I/O {int:1:1023} QID {int:1:32} timeout, {aborting|reset controller}' },
    { label: 'Resource Usage', level: null, weight: 2, pattern: 'nf_conntrack: {nf_conntrack: |}table full, dropping packet' },
    { label: 'Security Alert', level: null, pattern: 'TCP: request_sock_TCP: Possible SYN flooding on port {80|443|22|8080}. Sending cookies.  Check SNMP counters.' },
    { label: 'Security Alert', level: null, weight: 3, pattern: '[UFW BLOCK] IN={iface} OUT= MAC={mac}:{mac}:08:00 SRC={srcIp} DST={ip} LEN={40|44|52|60} TOS=0x{00|08|28} PREC=0x00 TTL={int:37:247} ID={int:1:65535}{ DF|} PROTO=TCP SPT={sport} DPT={hostileDport} WINDOW={1024|65535|29200|14600} RES=0x00 SYN URGP=0' },
    { label: 'Security Alert', level: null, weight: 2, pattern: '{IPTables-Dropped: |iptables denied: |DROP-IN }IN={iface} OUT= MAC={mac}:{mac}:08:00 SRC={srcIp} DST={ip} LEN={int:28:1500} TOS=0x00 PREC=0x00 TTL={int:37:247} ID={int:1:65535} PROTO=UDP SPT={sport} DPT={53|123|161|1900|5060|11211} LEN={int:8:1480}' },
    { label: 'System Notification', level: null, pattern: '[UFW ALLOW] IN={iface} OUT= MAC={mac}:{mac}:08:00 SRC={ip} DST={ip} LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID={int:1:65535} DF PROTO=TCP SPT={sport} DPT={443|22|80} WINDOW={64240|65535} RES=0x00 SYN URGP=0' },
    { label: 'Security Alert', level: null, weight: 2, pattern: 'audit: type=1400 audit({audit}): apparmor="DENIED" operation="{open|exec|file_mmap|capable|connect}" {class="file" |}profile="{aaProfile}" name="{deniedFile}" pid={pid} comm="{proc}" requested_mask="{r|w|rw|x}" denied_mask="{r|w|x}" fsuid={0|1000} ouid={0|1000}' },
    { label: 'Security Alert', level: null, pattern: 'audit: type=1400 audit({audit}): avc:  denied  {lb} {read|write|getattr|open|name_connect} {rb} for  pid={pid} comm="{proc}" name="{deniedFile}" dev="{part}" ino={int:100:9999999} scontext=system_u:system_r:{seType}:s0 tcontext=unconfined_u:object_r:{seTarget}:s0 tclass={file|dir|tcp_socket} permissive=0' },
    { label: 'System Notification', level: null, pattern: 'audit: type=1400 audit({audit}): apparmor="STATUS" operation="profile_{load|replace}" profile="unconfined" name="{aaProfile}" pid={pid} comm="apparmor_parser"' },
    { label: 'System Notification', level: null, weight: 2, pattern: 'audit: type={1130|1131} audit({audit}): pid=1 uid=0 auid=4294967295 ses=4294967295 {subj=kernel |subj=system_u:system_r:init_t:s0 |}msg=\'unit={unit} comm="systemd" exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? res=success\'' },
    { label: 'Resource Usage', level: null, pattern: 'Memory: {memory} available ({int:9000:22000}K kernel code, {int:1500:4000}K rwdata, {int:3000:12000}K rodata, {int:1500:5000}K init, {int:1000:6000}K bss, {int:180000:900000}K reserved, 0K cma-reserved)' },
    { label: 'Resource Usage', level: null, pattern: 'CPU{cpu}: {Core|Package} temperature above threshold, cpu clock throttled (total events = {int:1:99999})' },
    { label: 'System Notification', level: null, pattern: 'CPU{cpu}: {Core|Package} temperature/speed normal' },
    { label: 'Resource Usage', level: null, pattern: 'perf: interrupt took too long ({perfTook} > {perfLimit}), lowering kernel.perf_event_max_sample_rate to {perfRate}' },
    { label: 'Resource Usage', level: null, pattern: 'TCP: out of memory -- consider tuning tcp_mem' },
    { label: 'Resource Usage', level: null, pattern: 'VFS: file-max limit {65536|1048576|{int:10000:9999999}} reached' },
    { label: 'System Notification', level: null, weight: 2, pattern: 'usb {usbId}: new {high|full|super}-speed USB device number {int:2:127} using {xhci_hcd|ehci-pci}' },
    { label: 'System Notification', level: null, pattern: 'usb {usbId}: New USB device found, idVendor={h4}, idProduct={h4}, bcdDevice={int:0:9}.{int:0:9}{int:0:9}' },
    { label: 'System Notification', level: null, pattern: 'usb {usbId}: USB disconnect, device number {int:2:127}' },
    { label: 'System Notification', level: null, weight: 2, pattern: '{e1000e|igb} {pci} {iface}: NIC Link is Up {1000|100} Mbps Full Duplex, Flow Control: {None|Rx/Tx|Rx}' },
    { label: 'System Notification', level: null, pattern: '{e1000e|igb|ixgbe} {pci} {iface}: NIC Link is Down' },
    { label: 'System Notification', level: null, weight: 2, pattern: 'IPv6: {ADDRCONF(NETDEV_UP): {iface}: link is not ready|ADDRCONF(NETDEV_CHANGE): {iface}: link becomes ready}' },
    { label: 'System Notification', level: null, pattern: '{igb|e1000e|ixgbe|virtio_net|r8169} {pci} {iface}: renamed from eth{0|1}' },
    { label: 'System Notification', level: null, weight: 2, pattern: 'EXT4-fs ({part}): mounted filesystem {with ordered data mode. Opts: (null)|with ordered data mode. Quota mode: none.|{uuid} r/w with ordered data mode. Quota mode: none.}' },
    { label: 'System Notification', level: null, weight: 2, pattern: '{docker0|br-{h4}{h8}|cni0}: port {int:1:12}(veth{h4}{h4}) entered {blocking|forwarding|disabled} state' },
    { label: 'System Notification', level: null, pattern: 'device veth{h4}{h4} {entered|left} promiscuous mode' },
    { label: 'System Notification', level: null, pattern: 'Linux version {5.15.0|6.5.0|6.8.0}-{int:20:120}-generic (buildd@{lcy02|bos03}-amd64-0{int:10:99}) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #{int:20:130}-Ubuntu SMP {PREEMPT_DYNAMIC |}{Mon|Tue|Wed|Thu|Fri} {Jan|Mar|Jun|Oct} {int:1:28} {int:10:23}:{int:10:59}:{int:10:59} UTC {2023|2024}' },
  ],
});
