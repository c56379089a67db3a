import { formatDate, formatTime, randomMoment, syslogTimestamp, FILLERS, type Filler } from '../../fillers';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { ctime, ephemeralPort, oneOf, publicIp, sticky, unixUser } from './shared';
import TEMPLATES_OPENVPN from './templates/openvpn.json';

/**
 * OpenVPN server (2.4 ctime stamps, 2.5+ ISO stamps, syslog). A peer that
 * completed its TLS handshake and logged in is User Action; a failed
 * username/password or certificate check is Security Alert; a handshake
 * that failed or a ping timeout is Error; learning routes, cipher choices and
 * restarts are System Notification; deprecated options are Deprecation Warning.
 */

const ctimeLine: LineFormat = (m, { rng }) => `${ctime(randomMoment(rng))} ${m}`;
const isoLine: LineFormat = (m, { rng }) => {
  const t = randomMoment(rng);
  return `${formatDate(t)} ${formatTime(t)} ${m}`;
};
const syslogLine: LineFormat = (m, { rng }) => `${syslogTimestamp(randomMoment(rng))} ${FILLERS.host(rng)} ${rng.pick(['ovpn-server', 'openvpn'])}[${FILLERS.pid(rng)}]: ${m}`;

const cn = sticky(unixUser);
const addr = sticky((r) => `${publicIp(r)}:${ephemeralPort(r)}`);
const legacyCipher = sticky(oneOf(['AES-256-CBC', 'BF-CBC', 'AES-128-CBC']));
const vip: Filler = (r) => `10.8.${r.int(0, 3)}.${r.int(2, 254)}`;
const sid: Filler = (r) => `${r.hex(8)} ${r.hex(8)}`;

export const OPENVPN = defineFamily({
  family: 'openvpn',
  description: 'OpenVPN server log',
  sources: ['openvpn', 'ovpn-server'],
  formats: [ctimeLine, isoLine, syslogLine],
  bareShare: 0.15,
  fillers: { cipher: legacyCipher.first, cipherAgain: legacyCipher.again, cn: cn.first, cnAgain: cn.again, addr: addr.first, addrAgain: addr.again, vip, sid, ver: oneOf(['2.4.12', '2.5.9', '2.6.8', '2.5.5', '2.6.3']) },
  templates: familyTemplates(TEMPLATES_OPENVPN),
});
