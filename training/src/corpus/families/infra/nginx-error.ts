import { formatTime, randomMoment, type Filler } from '../../fillers';
import type { FamilyLevel, LineFormat } from '../log-family';
import { defineFamily } from '../log-family';
import { oneOf, pad, sticky } from './shared';
import { client, proto, target, upstreamAddr, vhost } from './web';

/**
 * nginx's error log: `2024/01/02 03:04:05 [error] 1234#1234: *5678 ...`.
 * An upstream that refused, reset or timed out one request is Error; no
 * live upstreams (every backend down) and a worker that crashed or a
 * listener that cannot bind are Critical Error; worker_connections and
 * open-file limits are Resource Usage; limit_req/limit_conn rejections,
 * access forbidden by rule and failed basic auth are Security Alert; a
 * deprecated directive is Deprecation Warning; process notices are System
 * Notification.
 */

function nginxLevel(level: FamilyLevel): string {
  if (level === 'FATAL') return 'emerg';
  if (level === 'CRITICAL') return 'crit';
  if (level === 'ALERT') return 'alert';
  if (level === 'WARN') return 'warn';
  if (level === 'NOTICE') return 'notice';
  return level === null || level === 'INFO' ? 'info' : level === 'ERROR' ? 'error' : 'debug';
}

const errorLine: LineFormat = (m, { level, rng }) => {
  const t = randomMoment(rng);
  const pid = rng.int(7, 65000);
  return `${t.year}/${pad(t.month, 2)}/${pad(t.day, 2)} ${formatTime(t)} [${nginxLevel(level)}] ${pid}#${rng.chance(0.8) ? pid : 0}: ${m}`;
};

const requestTarget = sticky(target);
const conn: Filler = (r) => `*${r.weighted<number>([[r.int(1, 999), 1], [r.int(1000, 99999999), 4]])}`;
const staticFile: Filler = (r) => `${r.pick(['/usr/share/nginx/html', '/var/www/html', '/srv/www/static', '/etc/nginx/html'])}${r.pick(['/favicon.ico', '/robots.txt', '/apple-touch-icon-precomposed.png', '/.env', '/wp-login.php', '/static/js/main.3b1f9c.js', '/index.php'])}`;
const zone = oneOf(['one', 'perip', 'api_limit', 'login', 'req_limit_per_ip', 'addr']);
const tempFile: Filler = (r) => `/var/${r.pick(['cache/nginx', 'lib/nginx'])}/${r.pick(['proxy', 'client_body', 'fastcgi'])}_temp/${r.int(0, 9)}/${pad(r.int(0, 99), 2)}/${pad(r.int(1, 9999999999), 10)}`;
const sslErr = oneOf([
  'SSL_do_handshake() failed (SSL: error:14094412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:SSL alert number 42)',
  'SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share)',
  'SSL_do_handshake() failed (SSL: error:0A000102:SSL routines::unsupported protocol)',
  'SSL_do_handshake() failed (SSL: error:141CF06C:SSL routines:tls_parse_ctos_key_share:bad key share)',
  'SSL_read() failed (SSL: error:0A000126:SSL routines::unexpected eof while reading)',
]);

/** The context nginx appends to connection-level errors. */
const REQ = 'client: {client}, server: {vhost}, request: "{method} {target} {proto}"';
const UP = `${REQ}, upstream: "{scheme}://{upstream}{sameTarget}", host: "{vhost}"`;

export const NGINX_ERROR = defineFamily({
  family: 'nginx-error',
  description: 'nginx error log (upstream failures, limits, process notices)',
  sources: ['nginx', 'error.log', 'ingress-nginx'],
  formats: [errorLine],
  bareShare: 0.15,
  fillers: { conn, client, vhost, target: requestTarget.first, sameTarget: requestTarget.again, proto, upstream: upstreamAddr, scheme: oneOf(['http', 'http', 'fastcgi', 'uwsgi', 'grpc']), staticFile, zone, tempFile, sslErr, excess: (r) => (r.next() * 50).toFixed(3) },
  templates: [
    { label: 'Error', level: 'ERROR', weight: 3, pattern: `{conn} connect() failed (111: Connection refused) while connecting to upstream, ${UP}` },
    { label: 'Error', level: 'ERROR', weight: 3, pattern: `{conn} upstream timed out (110: Connection timed out) while {reading response header from upstream|connecting to upstream|reading upstream}, ${UP}` },
    { label: 'Error', level: 'ERROR', weight: 2, pattern: `{conn} upstream prematurely closed connection while reading response header from upstream, ${UP}` },
    { label: 'Error', level: 'ERROR', pattern: `{conn} recv() failed (104: Connection reset by peer) while reading response header from upstream, ${UP}` },
    { label: 'Error', level: 'ERROR', pattern: `{conn} upstream sent too big header while reading response header from upstream, ${UP}` },
    { label: 'Error', level: 'ERROR', pattern: `{conn} connect() to unix:/run/php/php8.{1|2}-fpm.sock failed (2: No such file or directory) while connecting to upstream, ${REQ}, upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "{vhost}"` },
    { label: 'Error', level: 'ERROR', pattern: `{conn} FastCGI sent in stderr: "PHP message: PHP {Warning|Fatal error}:  {Undefined index: id|Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused} in /var/www/html/index.php on line {int:2:500}" while reading response header from upstream, ${UP}` },
    { label: 'Critical Error', level: 'ERROR', weight: 2, pattern: `{conn} no live upstreams while connecting to upstream, ${REQ}, upstream: "http://{backend|app_servers|api}{sameTarget}", host: "{vhost}"` },
    { label: 'Error', level: 'ERROR', weight: 3, pattern: `{conn} open() "{staticFile}" failed (2: No such file or directory), ${REQ}, host: "{vhost}"` },
    { label: 'Error', level: 'ERROR', pattern: `{conn} open() "{staticFile}" failed (13: Permission denied), ${REQ}, host: "{vhost}"` },
    { label: 'Error', level: 'ERROR', pattern: `{conn} directory index of "/var/www/html/{|uploads/|static/}" is forbidden, ${REQ}, host: "{vhost}"` },
    { label: 'Error', level: 'ERROR', pattern: `{conn} client intended to send too large body: {int:1048577:99999999} bytes, ${REQ}, host: "{vhost}"` },
    { label: 'Error', level: 'INFO', pattern: '{conn} {sslErr} while SSL handshaking, client: {client}, server: 0.0.0.0:443' },
    { label: 'Error', level: 'INFO', pattern: `{conn} client timed out (110: Connection timed out) while reading client request headers, client: {client}, server: {vhost}` },
    { label: 'Security Alert', level: 'ERROR', weight: 2, pattern: `{conn} limiting requests, excess: {excess} by zone "{zone}", ${REQ}, host: "{vhost}"` },
    { label: 'Security Alert', level: 'ERROR', pattern: `{conn} limiting connections by zone "{zone}", ${REQ}, host: "{vhost}"` },
    { label: 'Security Alert', level: 'ERROR', pattern: `{conn} access forbidden by rule, ${REQ}, host: "{vhost}"` },
    { label: 'Security Alert', level: 'ERROR', pattern: `{conn} user "{admin|test|{user}}"{: password mismatch| was not found in "/etc/nginx/.htpasswd"}, ${REQ}, host: "{vhost}"` },
    { label: 'Resource Usage', level: 'ALERT', weight: 2, pattern: '{1024|768|4096|512} worker_connections are not enough{| while connecting to upstream}' },
    { label: 'Resource Usage', level: 'CRITICAL', pattern: '{accept4|open|socket}() failed (24: Too many open files)' },
    { label: 'Resource Usage', level: 'WARN', pattern: `{conn} an upstream response is buffered to a temporary file {tempFile} while reading upstream, ${UP}` },
    { label: 'Resource Usage', level: 'WARN', pattern: `{conn} a client request body is buffered to a temporary file {tempFile}, ${REQ}, host: "{vhost}"` },
    { label: 'Resource Usage', level: 'NOTICE', pattern: 'getrlimit(RLIMIT_NOFILE): {1024:524288|1048576:1048576|65535:65535}' },
    { label: 'Critical Error', level: 'FATAL', weight: 2, pattern: 'bind() to {0.0.0.0|[::]}:{80|443|8080} failed (98: Address already in use)' },
    { label: 'Critical Error', level: 'ALERT', pattern: 'worker process {pid} exited on signal {11|9|6}{ (core dumped)|}' },
    { label: 'Error', level: 'FATAL', pattern: 'unknown directive "{proxy_passs|ssl_protocol|server_nmae}" in /etc/nginx/{conf.d/default.conf|sites-enabled/{vhost}}:{int:3:120}' },
    { label: 'Error', level: 'WARN', pattern: 'conflicting server name "{vhost}" on 0.0.0.0:{80|443}, ignored' },
    { label: 'Deprecation Warning', level: 'WARN', pattern: '{the "ssl" directive is deprecated, use the "listen ... ssl" directive instead|the "listen ... http2" directive is deprecated, use the "http2" directive instead} in /etc/nginx/{nginx.conf|conf.d/default.conf}:{int:3:120}' },
    { label: 'System Notification', level: 'NOTICE', weight: 2, pattern: '{signal process started|using the "epoll" event method|nginx/1.{18|22|24|25|26}.{0|1|2}|OS: Linux 5.15.0-{int:60:120}-generic|start worker processes|reconfiguring|gracefully shutting down|exiting|exit|reopening logs}' },
    { label: 'System Notification', level: 'NOTICE', weight: 2, pattern: 'start worker process {pid}' },
    { label: 'System Notification', level: 'NOTICE', pattern: 'signal {1 (SIGHUP)|15 (SIGTERM)|3 (SIGQUIT)|17 (SIGCHLD)|10 (SIGUSR1)} received from {pid}{, reconfiguring|, exiting|, reopening logs|}' },
    { label: 'System Notification', level: 'NOTICE', pattern: 'worker process {pid} exited with code 0' },
    { label: 'System Notification', level: 'INFO', pattern: '{conn} client {client} closed keepalive connection{| (104: Connection reset by peer)}' },
  ],
});

