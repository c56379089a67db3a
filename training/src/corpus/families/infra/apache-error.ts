import { randomMoment, type Filler } from '../../fillers';
import type { FamilyLevel, LineFormat } from '../log-family';
import { defineFamily } from '../log-family';
import { base64, MONTHS, oneOf, pad, weekday } from './shared';
import { client, target, vhost } from './web';

/**
 * Apache httpd's error log, 2.4 style: `[Wed Oct 11 14:32:52.123456 2017]
 * [core:error] [pid 1234:tid 140234567890] [client 10.0.0.1:53124] AH00126:
 * ...`. The template's component is the module. A file or script that could
 * not be served is Error; a client denied by configuration, a failed basic
 * auth and a WAF block are Security Alert; MaxRequestWorkers reached is
 * Resource Usage; a child that segfaults or a server that cannot bind is
 * Critical Error; startup and shutdown notices are System Notification.
 */

export function apacheLevel(level: FamilyLevel): string {
  switch (level) {
    case 'FATAL':
      return 'emerg';
    case 'ALERT':
      return 'alert';
    case 'CRITICAL':
      return 'crit';
    case 'ERROR':
      return 'error';
    case 'WARN':
      return 'warn';
    case 'NOTICE':
      return 'notice';
    case 'DEBUG':
    case 'TRACE':
      return 'debug';
    default:
      return 'info';
  }
}

/** Apache's own clock: apr_ctime with a zero-padded day, and microseconds since 2.4. */
export const apacheClock = (micros: boolean): ((r: Parameters<Filler>[0]) => string) => (r) => {
  const t = randomMoment(r);
  const time = `${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${micros ? `.${pad(r.int(0, 999999), 6)}` : ''}`;
  return `${weekday(t)} ${MONTHS[t.month - 1]} ${pad(t.day, 2)} ${time} ${t.year}`;
};

const header24: LineFormat = (m, { level, component, rng }) => {
  const thread = rng.chance(0.7) ? `:tid ${rng.int(139600000000000, 140737000000000)}` : '';
  return `[${apacheClock(true)(rng)}] [${component ?? 'core'}:${apacheLevel(level)}] [pid ${rng.int(100, 65000)}${thread}] ${m}`;
};

const docroot = oneOf(['/var/www/html', '/var/www', '/srv/www/htdocs', '/var/www/vhosts/example.com/httpdocs', '/usr/local/apache2/htdocs']);
const webFile: Filler = (r) => `${docroot(r)}${r.pick(['/favicon.ico', '/robots.txt', '/apple-touch-icon.png', '/wp-login.php', '/.env', '/images/banner_2.jpg', '/old/index.php', '/sitemap.xml', '/ads.txt', '/.well-known/security.txt'])}`;
const webDir: Filler = (r) => `${docroot(r)}/${r.pick(['', 'uploads/', 'images/', 'backup/', 'includes/', 'wp-content/uploads/2024/01/', 'static/'])}`;
const cgi = oneOf(['/usr/lib/cgi-bin/php', '/usr/lib/cgi-bin/luci', '/var/www/cgi-bin/awstats.pl', '/usr/lib/cgi-bin/test-cgi', '/var/www/cgi-bin/php5', '/usr/lib/cgi-bin/.%2e/.%2e/bin/sh']);
const badUri = oneOf(['/../../etc/passwd', 'index.php', '*', '/%%32%65%%32%65/etc/passwd', '\\\\x']);
const peer: Filler = (r) => `${client(r)}:${r.int(1024, 65535)}`;
const phpFile: Filler = (r) => `${docroot(r)}/${r.pick(['index.php', 'wp-includes/class-wpdb.php', 'lib/db.php', 'app/Http/Kernel.php', 'includes/functions.php', 'vendor/autoload.php'])}`;
const httpdVersion: Filler = (r) => `Apache/2.4.${r.int(37, 62)} (${r.pick(['Ubuntu', 'Debian', 'Unix', 'Red Hat Enterprise Linux'])})${r.pick(['', ' OpenSSL/3.0.2', ' OpenSSL/1.1.1k mod_fcgid/2.3.9'])}`;

export const APACHE_ERROR = defineFamily({
  family: 'apache-error',
  description: 'Apache httpd 2.4 error log (module:level headers, AH message codes)',
  sources: ['apache', 'httpd', 'error.log'],
  formats: [header24],
  bareShare: 0.15,
  fillers: { peer, webFile, webDir, cgi, badUri, target, vhost, phpFile, httpdVersion, uniq: (r) => base64(r, 27).replace(/\+|\//g, 'A'), ip: client },
  templates: [
    { label: 'Error', level: 'ERROR', weight: 3, component: 'core', pattern: '[client {peer}] AH00128: File does not exist: {webFile}' },
    { label: 'Security Alert', level: 'ERROR', weight: 2, component: 'authz_core', pattern: '[client {peer}] AH01630: client denied by server configuration: {webDir}{|, referer: https://{vhost}/}' },
    { label: 'Security Alert', level: 'ERROR', component: 'access_compat', pattern: '[client {peer}] AH01797: client denied by server configuration: {webFile}' },
    { label: 'Error', level: 'ERROR', weight: 2, component: 'autoindex', pattern: '[client {peer}] AH01276: Cannot serve directory {webDir}: No matching DirectoryIndex (index.html{|,index.php}) found, and server-generated directory index forbidden by Options directive' },
    { label: 'Error', level: 'ERROR', component: 'cgi', pattern: '[client {peer}] AH01264: script not found or unable to stat: {cgi}' },
    { label: 'Error', level: 'INFO', component: 'core', pattern: '[client {peer}] AH00126: Invalid URI in request {GET|POST|HEAD} {badUri} HTTP/1.{0|1}' },
    { label: 'Security Alert', level: 'ERROR', component: 'core', pattern: '[client {peer}] AH10244: invalid URI path (/cgi-bin/.%2e/.%2e/.%2e/.%2e/{bin/sh|etc/passwd})' },
    { label: 'Security Alert', level: 'ERROR', component: 'auth_basic', pattern: '[client {peer}] AH01617: user {admin|test|{user}}: authentication failure for "/{admin|private|server-status}": Password Mismatch' },
    { label: 'Security Alert', level: 'ERROR', component: 'auth_basic', pattern: '[client {peer}] AH01618: user {admin|root|{user}} not found: /{admin|private|nagios}' },
    { label: 'Security Alert', level: 'ERROR', component: 'security2', pattern: '[client {ip}:{int:1024:65535}] [client {ip}] ModSecurity: Access denied with code 403 (phase 2). Operator GE matched 5 at TX:anomaly_score. [file "/usr/share/modsecurity-crs/rules/REQUEST-949-BLOCKING-EVALUATION.conf"] [line "{int:80:200}"] [id "949110"] [msg "Inbound Anomaly Score Exceeded (Total Score: {int:5:60})"] [severity "CRITICAL"] [tag "{application-multi|attack-generic}"] [hostname "{vhost}"] [uri "{target}"] [unique_id "{uniq}"]' },
    { label: 'Security Alert', level: 'ERROR', component: 'security2', pattern: '[client {ip}:{int:1024:65535}] [client {ip}] ModSecurity: Warning. detected SQLi using libinjection. [file "/usr/share/modsecurity-crs/rules/REQUEST-942-APPLICATION-ATTACK-SQLI.conf"] [line "{int:40:90}"] [id "942100"] [msg "SQL Injection Attack Detected via libinjection"] [hostname "{vhost}"] [uri "{target}"] [unique_id "{uniq}"]' },
    { label: 'System Notification', level: 'NOTICE', component: 'core', pattern: "AH00094: Command line: '/usr/sbin/{apache2|httpd}{| -D FOREGROUND}'" },
    { label: 'System Notification', level: 'NOTICE', weight: 2, component: 'mpm_event', pattern: 'AH00489: {httpdVersion} configured -- resuming normal operations' },
    { label: 'System Notification', level: 'NOTICE', component: 'mpm_prefork', pattern: 'AH00163: {httpdVersion} configured -- resuming normal operations' },
    { label: 'System Notification', level: 'NOTICE', component: 'mpm_event', pattern: '{AH00492: caught SIGWINCH, shutting down gracefully|AH00169: caught SIGTERM, shutting down|AH00493: SIGUSR1 received.  Doing graceful restart}' },
    { label: 'System Notification', level: 'NOTICE', component: 'mpm_prefork', pattern: 'AH00169: caught SIGTERM, shutting down' },
    { label: 'System Notification', level: 'ALERT', component: 'core', pattern: "AH00558: {apache2|httpd}: Could not reliably determine the server's fully qualified domain name, using {{ip}|127.0.1.1|fe80::1}. Set the 'ServerName' directive globally to suppress this message" },
    { label: 'System Notification', level: 'WARN', component: 'mpm_event', pattern: 'AH00045: child process {pid} still did not exit, sending a SIGTERM' },
    { label: 'Resource Usage', level: 'ERROR', weight: 2, component: 'mpm_prefork', pattern: 'AH00161: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting' },
    { label: 'Resource Usage', level: 'ERROR', component: 'mpm_event', pattern: 'AH00484: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting' },
    { label: 'Resource Usage', level: 'ERROR', component: 'mpm_worker', pattern: 'AH00286: server is within MinSpareThreads of MaxRequestWorkers, consider raising the MaxRequestWorkers setting' },
    { label: 'Resource Usage', level: 'INFO', component: 'mpm_event', pattern: 'AH00485: scoreboard is full, not at MaxRequestWorkers' },
    { label: 'Error', level: 'ERROR', weight: 2, component: 'proxy_fcgi', pattern: "[client {peer}] AH01071: Got error 'PHP message: PHP Fatal error:  Uncaught Error: Call to undefined function {mysql_connect|each|create_function}() in {phpFile}:{int:2:900}'" },
    { label: 'Error', level: 'ERROR', component: 'proxy_fcgi', pattern: '[client {peer}] AH01067: Failed to read FastCGI header' },
    { label: 'Error', level: 'ERROR', component: 'proxy', pattern: '(111)Connection refused: AH00957: {HTTP|FCGI|AJP}: attempt to connect to 127.0.0.1:{8080|9000|8009} (localhost) failed' },
    { label: 'Critical Error', level: 'ERROR', component: 'proxy', pattern: 'AH00959: ap_proxy_connect_backend disabling worker for (127.0.0.1) for {60|30}s' },
    { label: 'Error', level: 'ERROR', component: 'proxy_http', pattern: '[client {peer}] AH01114: HTTP: failed to make connection to backend: {127.0.0.1|localhost|10.0.3.12}' },
    { label: 'Error', level: 'ERROR', component: 'core', pattern: "[client {peer}] AH00124: Request exceeded the limit of 10 internal redirects due to probable configuration error. Use 'LimitInternalRecursion' to increase the limit if necessary. Use 'LogLevel debug' to get a backtrace." },
    { label: 'Critical Error', level: 'NOTICE', component: 'core', pattern: 'AH00051: child pid {pid} exit signal {Segmentation fault (11)|Aborted (6)|Bus error (7)}, possible coredump in /etc/{apache2|httpd}' },
    { label: 'Critical Error', level: 'FATAL', component: 'core', pattern: '(98)Address already in use: AH00072: make_sock: could not bind to address {[::]|0.0.0.0}:{80|443}' },
    { label: 'Critical Error', level: 'ALERT', component: 'mpm_event', pattern: '{AH00451: no listening sockets available, shutting down|AH00015: Unable to open logs}' },
    { label: 'Error', level: 'INFO', component: 'reqtimeout', pattern: '[client {peer}] AH01382: Request header read timeout' },
    { label: 'Error', level: 'ERROR', component: 'ssl', pattern: '[client {peer}] AH02032: Hostname {vhost} provided via SNI and hostname {vhost} provided via HTTP have no compatible SSL setup' },
    { label: 'Error', level: 'WARN', component: 'ssl', pattern: 'AH01909: {vhost}:443:0 server certificate does NOT include an ID which matches the server name' },
    { label: 'Error', level: 'INFO', component: 'ssl', pattern: '[client {peer}] AH02008: SSL library error 1 in handshake (server {vhost}:443)' },
    { label: 'System Notification', level: 'INFO', component: 'ssl', pattern: '[client {peer}] AH01964: Connection to child {int:0:400} established (server {vhost}:443)' },
    { label: 'Deprecation Warning', level: 'WARN', component: 'ssl', pattern: 'AH02559: The SSLCertificateChainFile directive (/etc/{apache2/sites-enabled/default-ssl.conf|httpd/conf.d/ssl.conf}:{int:20:140}) is deprecated, SSLCertificateFile should be used instead' },
    { label: 'Deprecation Warning', level: 'NOTICE', component: 'php', pattern: '[client {peer}] PHP Deprecated:  {Function utf8_encode() is deprecated|Creation of dynamic property App\\\\Model::$legacy is deprecated|strftime(): Function strftime() is deprecated} in {phpFile} on line {int:2:900}' },
    { label: 'Error', level: 'WARN', component: 'php', pattern: '[client {peer}] PHP Warning:  {Undefined variable $user|Undefined array key "id"|Trying to access array offset on value of type null} in {phpFile} on line {int:2:900}' },
  ],
});
