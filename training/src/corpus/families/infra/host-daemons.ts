import { formatDate, formatTime, randomMoment, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { ctime, iface, internetHost, mac, oneOf, pad, peerIp, programJournal, programSyslog, publicIp, sticky, unixUser } from './shared';
import TEMPLATES_FAIL2BAN from './templates/fail2ban.json';
import TEMPLATES_KEEPALIVED from './templates/keepalived.json';
import TEMPLATES_NAMED from './templates/named.json';
import TEMPLATES_DNSMASQ from './templates/dnsmasq.json';
import TEMPLATES_VSFTPD from './templates/vsftpd.json';

/**
 * Small daemons of a Linux server that guard, fail over or serve names:
 * fail2ban (its own log file), keepalived (VRRP), BIND's named and dnsmasq,
 * and vsftpd (its own log file). Bans and refused queries or logins are
 * Security Alert; VRRP state changes, queries and transfers are routine; a
 * VRRP instance in FAULT is Critical Error; a failed check or lookup is
 * Error; query limits are Resource Usage.
 */

const fail2banLevel = (level: FamilyLevel): string => (level === 'WARN' ? 'WARNING' : level === 'ERROR' ? 'ERROR' : level === 'NOTICE' ? 'NOTICE' : 'INFO');
/** `2024-01-02 03:04:05,678 fail2ban.actions        [1234]: NOTICE  [sshd] Ban 1.2.3.4`: the logger padded to 24, the level to 8. */
const fail2banLine: LineFormat = (m, { level, component, rng }) => {
  const t = randomMoment(rng);
  return `${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)} ${(component ?? 'fail2ban.actions').padEnd(24, ' ')} [${rng.int(300, 9999)}]: ${fail2banLevel(level).padEnd(8, ' ')}${m}`;
};
const jail = oneOf(['sshd', 'sshd', 'nginx-http-auth', 'postfix-sasl', 'dovecot', 'recidive', 'apache-auth', 'nginx-limit-req', 'vsftpd']);

export const FAIL2BAN = defineFamily({
  family: 'fail2ban',
  description: 'fail2ban.log: jails finding, banning and unbanning addresses',
  sources: ['fail2ban'],
  formats: [fail2banLine],
  bareShare: 0.1,
  fillers: { jail, ip: publicIp, ver: oneOf(['0.11.2', '1.0.2', '0.10.6', '1.1.0']), n: (r) => String(r.int(1, 500)), when: (r) => `${formatDate(randomMoment(r))} ${formatTime(randomMoment(r))}` },
  templates: familyTemplates(TEMPLATES_FAIL2BAN),
});

const vrrp = oneOf(['VI_1', 'VI_1', 'VI_2', 'vrrp_internal', 'VIP_WEB', 'VI_DB']);
const vip: Filler = (r) => `10.${r.int(0, 20)}.${r.int(0, 255)}.${r.pick([10, 100, 200, 250])}`;
const checkScript = oneOf(['chk_haproxy', 'chk_nginx', 'check_apiserver', 'chk_postgres', 'track_mysql']);

export const KEEPALIVED = defineFamily({
  family: 'keepalived',
  description: 'keepalived VRRP and health-check messages in syslog',
  sources: ['keepalived'],
  formats: [programSyslog('Keepalived_vrrp'), programSyslog('Keepalived_vrrp'), programJournal('Keepalived_vrrp')],
  fillers: { vrrp, vip, checkScript, iface, peer: peerIp, prio: (r) => String(r.pick([90, 100, 101, 110, 150, 200])), ver: oneOf(['2.2.4', '2.2.8', '2.0.10', '1.3.5']) },
  templates: familyTemplates(TEMPLATES_KEEPALIVED),
});

const zone = oneOf(['example.com', 'acme.io', 'corp.local', '10.in-addr.arpa', 'internal.example.net', 'contoso.com']);
const qname: Filler = (r) => r.pick([`${r.pick(['www', 'mail', 'api', 'vpn', 'db01', '_ldap._tcp'])}.${zone(r)}`, internetHost(r), `${r.hex(8)}.${r.pick(['cloudfront.net', 'akamaiedge.net'])}`, 'sl', 'isc.org', '.']);
const qtype = oneOf(['A', 'A', 'AAAA', 'MX', 'TXT', 'ANY', 'SRV', 'PTR', 'NS', 'DNSKEY']);
const clientAddr: Filler = (r) => `@0x7f${r.hex(10)} ${peerIp(r)}#${r.int(1024, 65535)}`;
const sameQname = sticky(qname);
const sameZone = sticky(zone);
const serial: Filler = (r) => `${r.int(2023, 2026)}${pad(r.int(1, 12), 2)}${pad(r.int(1, 28), 2)}${pad(r.int(0, 99), 2)}`;

export const NAMED = defineFamily({
  family: 'named',
  description: 'ISC BIND named: queries, zones, transfers and resolver errors',
  sources: ['named', 'bind'],
  formats: [programSyslog('named'), programSyslog('named'), programJournal('named')],
  fillers: { q1: sameQname.first, q1again: sameQname.again, z1: sameZone.first, z1again: sameZone.again, zone, qname, qtype, clientAddr, serial, ip: peerIp, server: publicIp, rootV6: oneOf(['2001:500:2::c', '2001:7fe::53', '2001:500:9f::42', '2001:dc3::35']) },
  templates: familyTemplates(TEMPLATES_NAMED),
});

export const DNSMASQ = defineFamily({
  family: 'dnsmasq',
  description: 'dnsmasq DNS forwarder and DHCP server',
  sources: ['dnsmasq'],
  formats: [programSyslog('dnsmasq'), programSyslog('dnsmasq'), programJournal('dnsmasq')],
  fillers: { qname, qtype, mac, iface, lan: (r) => `192.168.${r.int(0, 10)}.${r.int(2, 254)}`, answer: publicIp, upstream: oneOf(['1.1.1.1', '8.8.8.8', '9.9.9.9', '192.168.1.1', '10.0.0.2', '127.0.0.53']), client: oneOf(['laptop-alice', 'android-6f2a9c1b', 'printer', 'iPhone', 'raspberrypi', 'DESKTOP-8K2L1QF', '*']), ver: oneOf(['2.86', '2.89', '2.90', '2.80']) },
  templates: familyTemplates(TEMPLATES_DNSMASQ),
});

/** vsftpd.log (`Tue Jan  2 03:04:05 2024 [pid 1234] [alice] OK LOGIN: Client "1.2.3.4"`). */
const vsftpdLine: LineFormat = (m, { rng }) => `${ctime(randomMoment(rng))} [pid ${rng.int(100, 65000)}] ${m}`;
const ftpFile: Filler = (r) => `/${r.pick(['home', 'srv/ftp', 'var/ftp/pub'])}/${r.pick(['upload', 'incoming', 'backup', 'reports'])}/${r.pick(['export', 'backup', 'invoice', 'site', 'dump'])}_${r.int(1, 9999)}.${r.pick(['zip', 'csv', 'tar.gz', 'sql', 'pdf'])}`;

export const VSFTPD = defineFamily({
  family: 'vsftpd',
  description: 'vsftpd.log: FTP logins and transfers',
  sources: ['vsftpd', 'ftp'],
  formats: [vsftpdLine],
  bareShare: 0.1,
  fillers: { user: unixUser, ip: peerIp, ftpFile, size: (r) => String(r.int(0, 999999999)), rate: (r) => `${(r.next() * 99999).toFixed(2)}Kbyte/sec` },
  templates: familyTemplates(TEMPLATES_VSFTPD),
});
