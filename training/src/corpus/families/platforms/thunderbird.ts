import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type LineFormat } from '../log-family';
import { MONTHS, epochSeconds, moment, pad } from './headers';

/**
 * Syslog of an HPC cluster's compute and admin nodes (sshd, crond, the
 * kernel, the PBS mom, the InfiniBand subnet manager, ntpd, dhcpd), both as
 * collected centrally (`- <epoch> <date> <node> <syslog line with node/node>`)
 * and as plain syslog. Same book as the single-host families: cron sessions
 * are User Action, a read-only remount or an OOM kill Critical Error.
 */

const clusterNode = (r: Prng): string => r.pick([`dn${r.int(1, 999)}`, `cn${r.int(1, 999)}`, `bn${r.int(1, 600)}`, `an${r.int(1, 900)}`, `tbird-admin${r.int(1, 2)}`, `tbird-sm${r.int(1, 2)}`, `en${r.int(1, 200)}`]);

const program = (component: string | undefined, r: Prng): string => {
  const name = component ?? 'kernel';
  return name === 'kernel' || name.endsWith(':') ? name.replace(/:$/, '') : `${name}[${r.int(100, 32000)}]`;
};

/** Central collection: `- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond(pam_unix)[2915]: message`. */
const collected: LineFormat = (m, { component, rng }) => {
  const t = moment(rng);
  const node = clusterNode(rng);
  return `- ${epochSeconds(t)} ${t.year}.${pad(t.month, 2)}.${pad(t.day, 2)} ${node} ${MONTHS[t.month - 1]} ${t.day} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)} ${node}/${node} ${program(component, rng)}: ${m}`;
};

/** The node's own /var/log/messages. */
const plain: LineFormat = (m, { component, rng }) => {
  const t = moment(rng);
  return `${MONTHS[t.month - 1]} ${String(t.day).padStart(2, ' ')} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)} ${clusterNode(rng)} ${program(component, rng)}: ${m}`;
};

const adminIp: Filler = (r) => `10.100.${r.int(0, 31)}.${r.int(1, 254)}`;
const pbsJob: Filler = (r) => `${r.int(1000, 99999)}.tbird-admin1`;
const guid: Filler = (r) => `${r.int(1, 9)}:${r.hex(11)}`;
const hwaddr: Filler = (r) => Array.from({ length: 6 }, () => r.hex(2)).join(':');
const dev: Filler = (r) => r.pick(['sda5', 'sda1', 'sdb1', 'md0', 'hda3']);

export const thunderbird = defineFamily({
  family: 'thunderbird',
  description: 'Syslog of HPC cluster compute and admin nodes (sshd, crond, kernel, PBS, InfiniBand SM, ntpd, dhcpd)',
  sources: ['hpc-syslog', 'hpc'],
  formats: [collected, collected, plain],
  fillers: { adminIp, pbsJob, guid, hwaddr, dev },
  templates: [
    { label: 'User Action', pattern: 'session opened for user root by (uid=0)', level: null, component: 'crond(pam_unix)', weight: 3 },
    { label: 'User Action', pattern: 'session closed for user root', level: null, component: 'crond(pam_unix)', weight: 3 },
    { label: 'User Action', pattern: 'Accepted publickey for root from {adminIp} port {int:32768:60999} ssh2', level: null, component: 'sshd', weight: 2 },
    { label: 'System Notification', pattern: 'synchronized to {adminIp}, stratum {2|3|4}', level: null, component: 'ntpd', weight: 2 },
    { label: 'System Notification', pattern: 'time reset {+|-}0.{int:100000:999999} s', level: null, component: 'ntpd' },
    { label: 'System Notification', pattern: '[ib_sm_sweep.c:{1455|1482}]: {********************** NEW SWEEP ********************|No topology change|No configuration change required}', level: null, component: 'ib_sm.x', weight: 3 },
    { label: 'System Notification', pattern: '[ib_sm_discovery.c:{int:800:1200}]: Sweep detected topology change, {int:1:40} node(s) {appeared|disappeared}', level: null, component: 'ib_sm.x' },
    { label: 'System Notification', pattern: 'DHCPDISCOVER from {hwaddr} via eth{0|1}', level: null, component: 'dhcpd:' },
    { label: 'System Notification', pattern: 'DHCPACK on {adminIp} to {hwaddr} via eth{0|1}', level: null, component: 'dhcpd:' },
    { label: 'System Notification', pattern: 'START: {rsh|rlogin|tftp} pid={int:100:32000} from={adminIp}', level: null, component: 'xinetd' },
    { label: 'System Notification', pattern: 'syslog-ng version 1.6.{0rc3|5|8} starting', level: null, component: 'syslog-ng' },
    { label: 'System Notification', pattern: 'Job;{pbsJob};Started, pid = {int:100:32000}', level: null, component: 'pbs_mom' },
    { label: 'Error', pattern: 'Connection refused (111) in open_demux, open_demux: connect {adminIp}:{int:32768:60999}', level: null, component: 'pbs_mom', weight: 2 },
    { label: 'Error', pattern: 'Bad file descriptor (9) in tm_request, job {pbsJob} not running', level: null, component: 'pbs_mom' },
    { label: 'Error', pattern: 'error: Bind to port 22 on 0.0.0.0 failed: Address already in use.', level: null, component: 'sshd' },
    { label: 'Error', pattern: 'mptscsih: ioc0: attempting task abort! (sc={hex8})', level: null, component: 'kernel' },
    { label: 'Error', pattern: 'EXT3-fs error (device {dev}): ext3_find_entry: reading directory #{int:2:9000000} offset 0', level: null, component: 'kernel' },
    { label: 'Error', pattern: 'VIPKL(1): [create_mr] MM_bld_hh_mr failed (-253:VAPI_EAGAIN)', level: null, component: 'kernel', weight: 2 },
    { label: 'Error', pattern: 'EDAC k8 MC0: general bus error: participating processor(local node {response|origin}), time-out(no timeout) memory transaction type(generic read), mem or i/o(mem access), cache level(generic)', level: null, component: 'kernel' },
    { label: 'Error', pattern: 'NMI received for unknown reason {2d|21|31} on CPU {0|1}.', level: null, component: 'kernel' },
    { label: 'Critical Error', pattern: 'Remounting filesystem read-only', level: null, component: 'kernel' },
    { label: 'Critical Error', pattern: 'Out of Memory: Killed process {int:100:32000} ({xhpl|namd2|lmp_tbird|a.out|pbs_mom}).', level: null, component: 'kernel' },
    { label: 'Critical Error', pattern: 'scsi{0|1} ({0|1}:0): rejecting I/O to offline device', level: null, component: 'kernel' },
  ],
});
