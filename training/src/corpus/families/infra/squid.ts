import { formatTime, randomMoment, type Filler } from '../../fillers';
import { defineFamily, type LineFormat } from '../log-family';
import { epochSeconds, internetHost, oneOf, pad, publicIp, sticky } from './shared';
import { client } from './web';

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
  templates: [
    { label: 'HTTP Status', level: null, weight: 4, pattern: '{stamp} {elapsed} {client} {result} {bytes} {method} {url} {peerUser} {HIER_DIRECT/{origin}|HIER_NONE/-|FIRSTUP_PARENT/{ip}} {mime}' },
    { label: 'HTTP Status', level: null, weight: 3, pattern: '{stamp} {elapsed} {client} TCP_TUNNEL/200 {bytes} CONNECT {host}:443 {peerUser} HIER_DIRECT/{origin} -' },
    { label: 'HTTP Status', level: null, weight: 2, pattern: '{stamp} {elapsed} {client} TCP_DENIED/{403|407} {3970|4123|3865} {GET {url}|CONNECT {host}:443} {peerUser} HIER_NONE/- text/html' },
    { label: 'HTTP Status', level: null, pattern: '{stamp} {elapsed} {client} NONE_NONE/{400|000} {0|3876} {NONE|-} {error:invalid-request|error:transaction-end-before-headers} - HIER_NONE/- {text/html|-}' },
    { label: 'HTTP Status', level: null, pattern: '{stamp} {elapsed} {client} TCP_MISS/{503|504} {4123|3902} {method} {url} - HIER_{DIRECT|NONE}/{origin} text/html' },
    { label: 'HTTP Status', level: null, weight: 2, pattern: '{client} - {peerUser} [{apacheTime}] "{GET {url}|CONNECT {host}:443} HTTP/1.1" {status} {bytes} "-" "{userAgent}" {TCP_MISS|TCP_HIT|TCP_TUNNEL|TCP_DENIED}:{HIER_DIRECT|HIER_NONE|FIRSTUP_PARENT}' },
    { label: 'HTTP Status', level: null, pattern: '{stamp} {elapsed} {client} TCP_MISS/200 {bytes} {POST|GET} {url} {peerUser} {ORIGINAL_DST|PINNED|DIRECT}/{origin} {mime}' },
  ],
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
  templates: [
    { label: 'System Notification', level: 'INFO', pattern: 'Starting Squid Cache version {ver} for x86_64-pc-linux-gnu...' },
    { label: 'System Notification', level: 'INFO', pattern: 'Accepting HTTP Socket connections at conn{int:1:9} local=[::]:3128 remote=[::] FD {fd} flags=9' },
    { label: 'System Notification', level: 'INFO', pattern: '{Set Current Directory to /var/spool/squid|Logfile: opening log daemon:/var/log/squid/access.log|Store logging disabled|Adaptation support is off.|HTCP Disabled.|Squid plugin modules loaded: 0|Completed Validation Procedure|storeDirWriteCleanLogs: Starting...|Pinger socket opened on FD {fd}|Closing HTTP(S) port [::]:3128}' },
    { label: 'System Notification', level: 'INFO', pattern: 'Reconfiguring Squid Cache (version {ver})...' },
    { label: 'System Notification', level: 'INFO', pattern: '{Preparing for shutdown after {n} requests|Waiting {30|0} seconds for active connections to finish|Squid Cache (Version {ver}): Exiting normally.}' },
    { label: 'System Notification', level: 'INFO', pattern: '  Finished.  Wrote {n} entries.' },
    { label: 'System Notification', level: 'INFO', pattern: 'storeLateRelease: released {int:0:999} objects' },
    { label: 'Resource Usage', level: 'INFO', pattern: '{Max Mem  size: {kb} KB|Max Swap size: {kb} KB|Swap maxSize {kb} + {kb} KB, estimated {n} objects|Target number of buckets: {n}|Using {8192|16384|65536} Store buckets}' },
    { label: 'Resource Usage', level: 'WARN', weight: 2, pattern: 'WARNING! Your cache is running out of filedescriptors' },
    { label: 'Resource Usage', level: 'WARN', pattern: 'WARNING: All {helpers}/{helpersAgain} {ssl_crtd|basic_ncsa_auth|negotiate_kerberos_auth|ntlm_auth} processes are busy.' },
    { label: 'Resource Usage', level: 'WARN', pattern: 'squidaio_queue_request: WARNING - Queue congestion (growing to {int:64:16384})' },
    { label: 'Critical Error', level: 'ERROR', pattern: 'Detected DEAD Parent: {parent}' },
    { label: 'System Notification', level: 'INFO', pattern: 'Detected REVIVED Parent: {parent}' },
    { label: 'Error', level: 'ERROR', pattern: 'TCP connection to {parent}/{3128|8080} failed' },
    { label: 'Critical Error', level: 'ERROR', pattern: 'essential ICAP service is down after an options fetch failure: icap://127.0.0.1:1344/{respmod|reqmod} [down,!opt]' },
    { label: 'Critical Error', level: 'FATAL', pattern: 'FATAL: Bungled /etc/squid/squid.conf line {int:10:300}: {http_access allow lan|acl localnet src 10.0.0.0/8 10.0.0.0/8|cache_dir ufs /var/spool/squid 100 16}' },
    { label: 'Error', level: 'ERROR', pattern: 'conn{n} local={ip}:3128 remote={client}:{int:1024:65535} FD {fd} flags=1: read/write failure: (104) Connection reset by peer' },
    { label: 'Error', level: 'ERROR', pattern: 'ERROR: negotiating TLS on FD {fd}: error:{0A000086:SSL routines::certificate verify failed|14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca} ({int:1:5}/{-1|0}/0)' },
    { label: 'Error', level: 'WARN', pattern: 'ipcacheParse: No Address records in response to \'{host}\'' },
    { label: 'Error', level: 'WARN', pattern: 'WARNING: Forwarding loop detected for:' },
    { label: 'Deprecation Warning', level: 'WARN', pattern: "ERROR: Directive '{dns_v4_first|cache_dns_program|ignore_ims_on_miss}' is obsolete." },
  ],
});
