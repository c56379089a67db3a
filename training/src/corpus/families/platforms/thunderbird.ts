import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { MONTHS, epochSeconds, moment, pad } from './headers';
import TEMPLATES_THUNDERBIRD from './templates/thunderbird.json';

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
  templates: familyTemplates(TEMPLATES_THUNDERBIRD),
});
