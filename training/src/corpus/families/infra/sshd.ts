import { FILLERS, type Filler } from '../../fillers';
import { journal, syslog } from '../formats';
import { defineFamily } from '../log-family';
import { base64, ephemeralPort, guessedUser, oneOf, peerIp, publicIp, tty, unixUser } from './shared';

/**
 * OpenSSH's sshd as auth.log / secure / the journal show it. sshd prints no
 * level. Failed or invalid logins, break-in warnings and scanner probes are
 * Security Alert; a successful login or logout is User Action; the rest of
 * the connection life cycle is System Notification.
 */

const sshKey: Filler = (r) => `${r.pick(['RSA', 'RSA', 'ED25519', 'ED25519', 'ECDSA'])} SHA256:${base64(r, 43)}`;
/** What reverse DNS says about a scanner (`181-12-34-56.static.example.net [181.12.34.56]`). */
const rdnsName = (r: Parameters<Filler>[0], ip: string): string => {
  const dashed = ip.replace(/\./g, '-');
  return r.pick([
    `${dashed}.static.${r.pick(['telecom.net.ar', 'vodafone.in', 'ip.veloxzone.com.br', 'hinet.net', 'static.ertelecom.ru'])}`,
    `ip-${dashed}.${r.pick(['ip.secureserver.net', 'a.example-isp.com'])}`,
    `${r.pick(['mail', 'host', 'srv', 'vps'])}${r.int(1, 999)}.${r.pick(['ovh.net', 'contaboserver.net', 'your-server.de', 'hostwindsdns.com'])}`,
  ]);
};
const rdns: Filler = (r) => {
  const ip = publicIp(r);
  return `${rdnsName(r, ip)} [${ip}]`;
};
/** The name a scanner's address claims, which does not resolve back to it. */
const claimedName: Filler = (r) => rdnsName(r, publicIp(r));
const badBanner = oneOf(['GET / HTTP/1.1', '\\026\\003\\001', 'MGLNDD_0.0.0.0_22', 'HELP', '\\003', 'SSH-1.5-NmapNSE_1.0', '\\200\\003\\001', 'OPTIONS / RTSP/1.0']);
const kexOffer = oneOf([
  'diffie-hellman-group1-sha1,diffie-hellman-group14-sha1',
  'diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1',
  'ssh-rsa,ssh-dss',
  'aes128-cbc,3des-cbc,aes256-cbc',
  'diffie-hellman-group-exchange-sha1',
]);

export const SSHD = defineFamily({
  family: 'sshd',
  description: 'OpenSSH server (sshd) authentication and connection messages',
  sources: ['sshd', 'auth.log', 'secure'],
  formats: [syslog('sshd'), syslog('sshd'), journal('sshd')],
  fillers: { user: unixUser, baduser: guessedUser, rip: peerIp, rport: ephemeralPort, sshKey, rdns, claimedName, badBanner, kexOffer, tty, localIp: FILLERS.ip },
  templates: [
    { label: 'User Action', level: null, weight: 3, pattern: 'Accepted password for {user} from {rip} port {rport} ssh2' },
    { label: 'User Action', level: null, weight: 4, pattern: 'Accepted publickey for {user} from {rip} port {rport} ssh2: {sshKey}' },
    { label: 'User Action', level: null, pattern: 'Accepted keyboard-interactive/pam for {user} from {rip} port {rport} ssh2' },
    { label: 'Security Alert', level: null, weight: 3, pattern: 'Failed password for {user} from {rip} port {rport} ssh2' },
    { label: 'Security Alert', level: null, weight: 3, pattern: 'Failed password for invalid user {baduser} from {rip} port {rport} ssh2' },
    { label: 'Security Alert', level: null, pattern: 'Failed publickey for {user} from {rip} port {rport} ssh2: {sshKey}' },
    { label: 'Security Alert', level: null, pattern: 'Failed none for invalid user {baduser} from {rip} port {rport} ssh2' },
    { label: 'Security Alert', level: null, weight: 3, pattern: 'Invalid user {baduser} from {rip}{ port {rport}|}' },
    { label: 'Security Alert', level: null, pattern: 'input_userauth_request: invalid user {baduser} [preauth]' },
    { label: 'System Notification', level: null, weight: 3, pattern: 'Connection closed by {rip} port {rport} [preauth]' },
    { label: 'Security Alert', level: null, weight: 2, pattern: 'Connection closed by invalid user {baduser} {rip} port {rport} [preauth]' },
    { label: 'Security Alert', level: null, weight: 2, pattern: 'Connection closed by authenticating user {user} {rip} port {rport} [preauth]' },
    { label: 'System Notification', level: null, weight: 3, pattern: 'Received disconnect from {rip} port {rport}:11: {Bye Bye|Normal Shutdown, Thank you for playing|Client disconnecting normally} [preauth]' },
    { label: 'System Notification', level: null, weight: 2, pattern: 'Received disconnect from {rip} port {rport}:11: disconnected by user' },
    { label: 'System Notification', level: null, weight: 2, pattern: 'Disconnected from {rip} port {rport} [preauth]' },
    { label: 'User Action', level: null, weight: 2, pattern: 'Disconnected from user {user} {rip} port {rport}' },
    { label: 'Security Alert', level: null, weight: 2, pattern: 'Disconnected from invalid user {baduser} {rip} port {rport} [preauth]' },
    { label: 'Security Alert', level: null, pattern: 'Disconnected from authenticating user {user} {rip} port {rport} [preauth]' },
    { label: 'Security Alert', level: null, weight: 2, pattern: 'reverse mapping checking getaddrinfo for {rdns} failed - POSSIBLE BREAK-IN ATTEMPT!' },
    { label: 'Security Alert', level: null, pattern: 'Address {rip} maps to {claimedName}, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!' },
    { label: 'Security Alert', level: null, weight: 2, pattern: 'error: maximum authentication attempts exceeded for {invalid user {baduser}|{user}} from {rip} port {rport} ssh2 [preauth]' },
    { label: 'Security Alert', level: null, pattern: 'Disconnecting {authenticating|invalid} user {user} {rip} port {rport}: Too many authentication failures [preauth]' },
    { label: 'Security Alert', level: null, pattern: 'Disconnecting: Too many authentication failures for {user} [preauth]' },
    { label: 'Security Alert', level: null, weight: 2, pattern: 'PAM {int:2:5} more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost={rip}  user={user}' },
    { label: 'Security Alert', level: null, weight: 2, pattern: 'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={rip}{  user={user}|}' },
    { label: 'Security Alert', level: null, pattern: 'pam_unix(sshd:auth): check pass; user unknown' },
    { label: 'Security Alert', level: null, pattern: 'User {user} from {rip} not allowed because {not listed in AllowUsers|none of user\'s groups are listed in AllowGroups|listed in DenyUsers}' },
    { label: 'Security Alert', level: null, pattern: 'ROOT LOGIN REFUSED FROM {rip} port {rport}' },
    { label: 'User Action', level: null, weight: 3, pattern: 'pam_unix(sshd:session): session opened for user {user}{(uid={int:1000:1012})|} by (uid=0)' },
    { label: 'User Action', level: null, weight: 3, pattern: 'pam_unix(sshd:session): session closed for user {user}' },
    { label: 'Security Alert', level: null, weight: 2, pattern: 'Did not receive identification string from {rip}{ port {rport}|}' },
    { label: 'Security Alert', level: null, pattern: "Bad protocol version identification '{badBanner}' from {rip} port {rport}" },
    { label: 'Security Alert', level: null, pattern: 'banner exchange: Connection from {rip} port {rport}: invalid format' },
    { label: 'Error', level: null, pattern: 'error: kex_exchange_identification: {Connection closed by remote host|read: Connection reset by peer}' },
    { label: 'Error', level: null, pattern: 'Unable to negotiate with {rip} port {rport}: no matching {key exchange method|host key type|cipher} found. Their offer: {kexOffer} [preauth]' },
    { label: 'Error', level: null, pattern: 'fatal: Timeout before authentication for {rip} port {rport}' },
    { label: 'Error', level: null, pattern: 'fatal: Read from socket failed: Connection reset by peer [preauth]' },
    { label: 'Error', level: null, pattern: 'Timeout, client not responding from user {user} {rip} port {rport}' },
    { label: 'Error', level: null, pattern: 'error: connect_to {localIp} port {int:1024:9999}: failed.' },
    { label: 'Critical Error', level: null, pattern: 'fatal: Cannot bind any address.' },
    { label: 'System Notification', level: null, pattern: 'Server listening on {0.0.0.0|::} port {22|2222}.' },
    { label: 'System Notification', level: null, pattern: 'Received signal 15; terminating.' },
    { label: 'System Notification', level: null, pattern: 'Received SIGHUP; restarting.' },
    { label: 'System Notification', level: null, pattern: 'Postponed publickey for {user} from {rip} port {rport} ssh2 [preauth]' },
    { label: 'System Notification', level: null, weight: 2, pattern: 'Connection from {rip} port {rport} on {localIp} port 22{ rdomain ""|}' },
    { label: 'User Action', level: null, pattern: 'Starting session: {shell on {tty}|command|subsystem \'sftp\'} for {user} from {rip} port {rport} id {int:0:3}' },
    { label: 'User Action', level: null, pattern: 'subsystem request for sftp by user {user}' },
    { label: 'User Action', level: null, pattern: 'Close session: user {user} from {rip} port {rport} id {int:0:3}' },
  ],
});
