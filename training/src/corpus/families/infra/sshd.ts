import { FILLERS, type Filler } from '../../fillers';
import { journal, syslog } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';
import { base64, ephemeralPort, guessedUser, oneOf, peerIp, publicIp, tty, unixUser } from './shared';
import TEMPLATES_SSHD from './templates/sshd.json';

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
  templates: familyTemplates(TEMPLATES_SSHD),
});
