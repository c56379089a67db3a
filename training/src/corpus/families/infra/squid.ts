import { formatTime, randomMoment, type Filler } from '../../fillers';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { epochSeconds, internetHost, oneOf, pad, publicIp, sticky } from './shared';
import { client } from './web';
import TEMPLATES_SQUID_ACCESS from './templates/squid-access.json';
import TEMPLATES_SQUID from './templates/squid.json';

/**
 * Squid: access.log in its native format (every line one request with its
 * result code and HTTP status: HTTP Status) and cache.log (`2024/01/02
 * 03:04:05 kid1| ...`). A dead parent or a down ICAP service is Critical
 * Error; a failed connection or TLS negotiation is Error; running out of
 * file descriptors or helpers is Resource Usage; start, reconfigure and
 * shutdown are System Notification.
 */

const stamp: Filler = (r) => `${epochSeconds(randomMoment(r))}.${pad(r.int(0, 999), 3)}`;
const elapsed: Filler = (r) => String(r.weighted<number>([[r.int(0, 200), 5], [r.int(201, 5000), 2], [r.int(5001, 600000), 1]])).padStart(6, ' ');
const result = oneOf(['TCP_MISS/200', 'TCP_MISS/200', 'TCP_HIT/200', 'TCP_MEM_HIT/200', 'TCP_REFRESH_UNMODIFIED/304', 'TCP_MISS/304', 'TCP_MISS/404', 'TCP_MISS/301', 'TCP_MISS/503', 'TCP_REFRESH_MODIFIED/200', 'TCP_MISS_ABORTED/000', 'TCP_INM_HIT/304', 'TCP_MISS/502']);
const mime = oneOf(['text/html', 'application/json', 'image/png', 'image/jpeg', 'application/javascript', 'text/css', 'application/octet-stream', '-', 'application/x-www-form-urlencoded']);
const url: Filler = (r) => `http${r.chance(0.2) ? 's' : ''}://${internetHost(r)}${r.pick(['/', '/index.html', '/favicon.ico', '/api/v1/updates', '/ubuntu/dists/jammy/InRelease', '/simple/requests/', '/generate_204', '/pki/crl/DigiCertGlobalRootCA.crl', '/msdownload/update/v3/static/trustedr/en/authrootstl.cab'])}`;
const peerUser = oneOf(['-', '-', '-', '-', 'alice', 'bob@CORP.LOCAL', 'svc-proxy']);

export const SQUID_ACCESS = defineFamily({
  family: 'squid-access',
  description: 'Squid access.log (native format)',
  sources: ['squid', 'access.log'],
  formats: [],
  bareShare: 1,
  fillers: { stamp, elapsed, result, mime, url, client, peerUser, host: internetHost, origin: publicIp },
  templates: familyTemplates(TEMPLATES_SQUID_ACCESS),
});

const cacheLine: LineFormat = (m, { rng }) => {
  const t = randomMoment(rng);
  const kid = rng.chance(0.8) ? ` kid${rng.int(1, 4)}` : '';
  return `${t.year}/${pad(t.month, 2)}/${pad(t.day, 2)} ${formatTime(t)}${kid}| ${m}`;
};
const helperCount = sticky((r) => String(r.pick([5, 10, 16, 20, 32])));
const parent = oneOf(['proxy2', 'parent1.corp.local', '10.0.5.12', 'upstream-proxy']);

export const SQUID = defineFamily({
  family: 'squid',
  description: 'Squid cache.log messages',
  sources: ['squid', 'cache.log'],
  formats: [cacheLine],
  bareShare: 0.15,
  fillers: { helpers: helperCount.first, helpersAgain: helperCount.again, dnsName: oneOf(['intranet.corp', 'wpad.corp.local', 'update.example.invalid', 'cdn.acme.io', 'login.contoso.com']), parent, client, ver: (r) => `${r.pick([4, 5, 6])}.${r.int(1, 13)}`, kb: (r) => String(r.pick([262144, 1024000, 512000, 2048000, r.int(1000, 9999999)])), fd: (r) => String(r.int(8, 65535)), n: (r) => String(r.int(1, 999999)), host: internetHost },
  templates: familyTemplates(TEMPLATES_SQUID),
});
