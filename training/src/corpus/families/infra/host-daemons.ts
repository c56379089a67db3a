import { formatDate, formatTime, randomMoment, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { ctime, iface, internetHost, mac, oneOf, pad, peerIp, programJournal, programSyslog, publicIp, sticky, unixUser } from './shared';

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
  templates: [
    { label: 'Security Alert', level: 'INFO', weight: 4, component: 'fail2ban.filter', pattern: '[{jail}] Found {ip} - {when}' },
    { label: 'Security Alert', level: 'NOTICE', weight: 3, component: 'fail2ban.actions', pattern: '[{jail}] Ban {ip}' },
    { label: 'Security Alert', level: 'NOTICE', component: 'fail2ban.actions', pattern: '[{jail}] Restore Ban {ip}' },
    { label: 'Security Alert', level: 'NOTICE', component: 'fail2ban.actions', pattern: '[{jail}] {ip} already banned' },
    { label: 'System Notification', level: 'NOTICE', weight: 2, component: 'fail2ban.actions', pattern: '[{jail}] Unban {ip}' },
    { label: 'System Notification', level: 'INFO', component: 'fail2ban.server', pattern: '{Starting Fail2ban v{ver}|Shutdown in progress...|Exiting Fail2ban|Connected to fail2ban persistent database \'/var/lib/fail2ban/fail2ban.sqlite3\'}' },
    { label: 'System Notification', level: 'NOTICE', component: 'fail2ban.jail', pattern: "Jail '{jail}' {started|stopped}" },
    { label: 'System Notification', level: 'INFO', component: 'fail2ban.filter', pattern: '[{jail}] Added logfile: \'/var/log/{auth.log|nginx/error.log|mail.log|secure}\' (pos = {n}, hash = {hex32})' },
    { label: 'System Notification', level: 'INFO', component: 'fail2ban.filter', pattern: '[{jail}] {maxRetry: {3|5|6}|findtime: {600|3600}|banTime: {600|3600|86400}|encoding: UTF-8}' },
    { label: 'Error', level: 'ERROR', component: 'fail2ban.actions', pattern: "Failed to execute ban jail '{jail}' action '{iptables-multiport|nftables-multiport|ufw}' info '{lb}...{rb}': Error banning {ip}" },
    { label: 'Error', level: 'ERROR', component: 'fail2ban.utils', pattern: '7f{hex8} -- returned {1|4}' },
  ],
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
  templates: [
    { label: 'System Notification', level: null, weight: 3, pattern: '({vrrp}) Entering {MASTER|BACKUP} STATE' },
    { label: 'System Notification', level: null, pattern: 'VRRP_Instance({vrrp}) Transition to MASTER STATE' },
    { label: 'Critical Error', level: null, weight: 2, pattern: '({vrrp}) Entering FAULT STATE' },
    { label: 'Error', level: null, weight: 2, pattern: 'Script `{checkScript}` now returning {1|2|127}' },
    { label: 'Error', level: null, pattern: 'VRRP_Script({checkScript}) {failed (exited with status 1)|timed out}' },
    { label: 'System Notification', level: null, pattern: 'VRRP_Script({checkScript}) succeeded' },
    { label: 'System Notification', level: null, weight: 2, pattern: '({vrrp}) Received advert from {peer} with lower priority {prio}, ours {prio}, forcing new election' },
    { label: 'System Notification', level: null, weight: 2, pattern: '({vrrp}) Sending/queueing gratuitous ARPs on {iface} for {vip}' },
    { label: 'System Notification', level: null, pattern: 'Sending gratuitous ARP on {iface} for {vip}' },
    { label: 'System Notification', level: null, component: 'Keepalived', pattern: '{Starting Keepalived v{ver} (01/01,2024)|Stopping|Stopped Keepalived v{ver} (01/01,2024)|Startup complete}' },
    { label: 'System Notification', level: null, pattern: 'Netlink reflector reports IP {vip} {added|removed}' },
    { label: 'Error', level: null, pattern: '({vrrp}) ip address associated with VRID {int:1:255} not present in MASTER advert : {vip}' },
    { label: 'Error', level: null, pattern: 'bogus VRRP packet received on {iface} !!!' },
    { label: 'Security Alert', level: null, pattern: '({vrrp}) {received an invalid passwd!|Received packet failed authentication check}' },
  ],
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
  templates: [
    { label: 'System Notification', level: null, weight: 4, pattern: 'client {clientAddr} ({q1}): query: {q1again} IN {qtype} +{|E(0)}{|K}{|D}{|C} ({ip})' },
    { label: 'Security Alert', level: null, weight: 2, pattern: "client {clientAddr} ({q1}): query (cache) '{q1again}/{qtype}/IN' denied" },
    { label: 'Security Alert', level: null, pattern: "client {clientAddr} ({z1}): zone transfer '{z1again}/AXFR/IN' denied" },
    { label: 'Security Alert', level: null, pattern: "client {clientAddr}: update '{zone}/IN' denied" },
    { label: 'System Notification', level: null, pattern: "client {clientAddr} ({zone}): transfer of '{zone}/IN': AXFR{|-style IXFR} {started|ended}{| (serial {serial})}" },
    { label: 'System Notification', level: null, weight: 2, pattern: 'zone {zone}/IN: loaded serial {serial}{|, signed}' },
    { label: 'System Notification', level: null, pattern: 'zone {zone}/IN: sending notifies (serial {serial})' },
    { label: 'System Notification', level: null, pattern: '{all zones loaded|running|resolver priming query complete|reloading configuration succeeded|scheduled loading new zones|shutting down|stopping command channel on 127.0.0.1#953}' },
    { label: 'System Notification', level: null, pattern: "received control channel command '{reload|flush|stats|reconfig}'" },
    { label: 'Error', level: null, weight: 2, pattern: "lame server resolving '{qname}' (in '{zone}'?): {server}#53" },
    { label: 'Error', level: null, weight: 2, pattern: "network unreachable resolving '{./DNSKEY/IN|./NS/IN|{qname}/A/IN}': {rootV6}#53" },
    { label: 'Error', level: null, pattern: "managed-keys-zone: Unable to fetch DNSKEY set '.': timed out" },
    { label: 'Error', level: null, pattern: 'DNS format error from {server}#53 resolving {qname}/{qtype} for client 127.0.0.1#{int:1024:65535}: {reply has no answer|Name {zone} (SOA) not subdomain of zone {zone} -- invalid response}' },
    { label: 'Error', level: null, pattern: 'zone {zone}/IN: refresh: retry limit for primary {server}#53 exceeded (source 0.0.0.0#0)' },
    { label: 'Error', level: null, pattern: 'zone {zone}/IN: loading from master file {zone}.db failed: {file not found|unexpected end of input|not at top of zone}' },
  ],
});

export const DNSMASQ = defineFamily({
  family: 'dnsmasq',
  description: 'dnsmasq DNS forwarder and DHCP server',
  sources: ['dnsmasq'],
  formats: [programSyslog('dnsmasq'), programSyslog('dnsmasq'), programJournal('dnsmasq')],
  fillers: { qname, qtype, mac, iface, lan: (r) => `192.168.${r.int(0, 10)}.${r.int(2, 254)}`, answer: publicIp, upstream: oneOf(['1.1.1.1', '8.8.8.8', '9.9.9.9', '192.168.1.1', '10.0.0.2', '127.0.0.53']), client: oneOf(['laptop-alice', 'android-6f2a9c1b', 'printer', 'iPhone', 'raspberrypi', 'DESKTOP-8K2L1QF', '*']), ver: oneOf(['2.86', '2.89', '2.90', '2.80']) },
  templates: [
    { label: 'System Notification', level: null, weight: 4, pattern: 'query[{qtype}] {qname} from {lan}' },
    { label: 'System Notification', level: null, weight: 3, pattern: 'forwarded {qname} to {upstream}' },
    { label: 'System Notification', level: null, weight: 3, pattern: '{reply|cached} {qname} is {answer|<CNAME>|NXDOMAIN|NODATA-IPv6}' },
    { label: 'System Notification', level: null, weight: 2, component: 'dnsmasq-dhcp', pattern: 'DHCP{ACK|REQUEST|OFFER}({iface}) {lan} {mac} {client}' },
    { label: 'System Notification', level: null, component: 'dnsmasq-dhcp', pattern: 'DHCPDISCOVER({iface}) {mac}' },
    { label: 'System Notification', level: null, pattern: '{started, version {ver} cachesize {150|1000|10000}|using nameserver {upstream}#53|read /etc/hosts - {int:2:40} names|exiting on receipt of SIGTERM}' },
    { label: 'Resource Usage', level: null, weight: 2, pattern: 'Maximum number of concurrent DNS queries reached (max: {150|300|1000})' },
    { label: 'Error', level: null, pattern: '{no servers found in /etc/resolv.conf, will retry|failed to access /etc/dnsmasq.d/{local.conf|hosts}: No such file or directory}' },
    { label: 'Error', level: null, component: 'dnsmasq-dhcp', pattern: 'DHCPNAK({iface}) {lan} {mac} {wrong network|address in use|lease not found}' },
  ],
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
  templates: [
    { label: 'System Notification', level: null, weight: 3, pattern: 'CONNECT: Client "{ip}"' },
    { label: 'User Action', level: null, weight: 3, pattern: '[{user}] OK LOGIN: Client "{ip}"' },
    { label: 'Security Alert', level: null, weight: 3, pattern: '[{user|anonymous|admin|root}] FAIL LOGIN: Client "{ip}"' },
    { label: 'User Action', level: null, weight: 3, pattern: '[{user}] OK {UPLOAD|DOWNLOAD}: Client "{ip}", "{ftpFile}", {size} bytes, {rate}' },
    { label: 'Error', level: null, pattern: '[{user}] FAIL {UPLOAD|DOWNLOAD}: Client "{ip}", "{ftpFile}", {size} bytes, {rate}' },
    { label: 'User Action', level: null, pattern: '[{user}] OK {MKDIR|DELETE|RENAME}: Client "{ip}", "{ftpFile}"' },
    { label: 'Security Alert', level: null, pattern: '[{user}] FAIL {DELETE|MKDIR}: Client "{ip}", "/etc/{passwd|shadow}"' },
  ],
});
