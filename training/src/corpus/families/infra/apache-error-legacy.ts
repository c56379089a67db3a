import type { Filler } from '../../fillers';
import { defineFamily, type LineFormat } from '../log-family';
import { apacheClock, apacheLevel } from './apache-error';
import { oneOf } from './shared';
import { client, vhost } from './web';

/**
 * Apache httpd 2.0/2.2's error log: `[Sun Dec 04 04:47:44 2005] [error]
 * [client 1.2.3.4] File does not exist: ...`, with no module and no AH
 * codes, and the mod_jk2 worker notices of that era. Labels follow the 2.4
 * family: a file not served is Error, access denied to a client is Security
 * Alert, MaxClients reached is Resource Usage, a crashed child is Critical Error.
 */

const header22: LineFormat = (m, { level, rng }) => `[${apacheClock(false)(rng)}] [${apacheLevel(level)}] ${m}`;

const docroot = oneOf(['/var/www/html', '/var/www', '/usr/local/apache/htdocs', '/home/httpd/html']);
const webFile: Filler = (r) => `${docroot(r)}${r.pick(['/favicon.ico', '/robots.txt', '/phpMyAdmin', '/MSOffice/cltreq.asp', '/_vti_bin/owssvr.dll', '/scripts/..%5c../winnt/system32/cmd.exe', '/images/spacer.gif', '/awstats', '/xmlrpc.php', '/mambo/index2.php'])}`;
const webDir: Filler = (r) => `${docroot(r)}/${r.pick(['', 'images/', 'icons/', 'manual/', 'cgi-bin/', 'backup/'])}`;
const cgi = oneOf(['/var/www/cgi-bin/awstats.pl', '/var/www/cgi-bin/awstats/awstats.pl', '/var/www/cgi-bin/formmail.pl', '/var/www/cgi-bin/test.cgi', '/usr/local/apache/cgi-bin/php']);
const workersFile = oneOf(['/etc/httpd/conf/workers2.properties', '/etc/apache2/workers2.properties', '/usr/local/apache/conf/workers2.properties']);
const version22: Filler = (r) => `Apache/2.${r.pick(['0.52', '0.59', '2.3', '2.15', '2.22', '2.31'])} (${r.pick(['Unix', 'Red Hat', 'CentOS', 'Debian'])})${r.pick(['', ' mod_ssl/2.2.15 OpenSSL/1.0.1e-fips', ' PHP/5.3.3', ' mod_jk2/2.0.4', ' DAV/2 PHP/5.2.17'])}`;

export const APACHE_ERROR_LEGACY = defineFamily({
  family: 'apache-error-legacy',
  description: 'Apache httpd 2.0/2.2 error log (level-only headers, mod_jk2 notices)',
  sources: ['apache', 'httpd', 'error_log'],
  formats: [header22],
  bareShare: 0.15,
  fillers: { ip: client, webFile, webDir, cgi, workersFile, version22, vhost, slot: (r) => String(r.int(0, 255)) },
  templates: [
    { label: 'Error', level: 'ERROR', weight: 4, pattern: '[client {ip}] File does not exist: {webFile}' },
    { label: 'Error', level: 'ERROR', weight: 2, pattern: '[client {ip}] Directory index forbidden by rule: {webDir}' },
    { label: 'Error', level: 'ERROR', pattern: '[client {ip}] script not found or unable to stat: {cgi}' },
    { label: 'Error', level: 'ERROR', pattern: "[client {ip}] attempt to invoke directory as script: /var/www/cgi-bin/" },
    { label: 'Security Alert', level: 'ERROR', weight: 2, pattern: '[client {ip}] client denied by server configuration: {webFile}' },
    { label: 'Security Alert', level: 'ERROR', pattern: '[client {ip}] user {admin|test|webmaster|{user}}: authentication failure for "/{admin|private|stats}": Password Mismatch' },
    { label: 'Security Alert', level: 'ERROR', pattern: '[client {ip}] user {admin|root|{user}} not found: /{admin|private}' },
    { label: 'Security Alert', level: 'ERROR', pattern: '[client {ip}] mod_security: Access denied with code 403. Pattern match "{\\.\\./|union.+select|<script}" at {REQUEST_URI|ARGS}. [hostname "{vhost}"] [uri "/index.php"]' },
    { label: 'System Notification', level: 'NOTICE', weight: 3, pattern: 'jk2_init() Found child {pid} in scoreboard slot {slot}' },
    { label: 'Error', level: 'ERROR', pattern: "jk2_init() Can't find child {pid} in scoreboard" },
    { label: 'System Notification', level: 'NOTICE', weight: 3, pattern: 'workerEnv.init() ok {workersFile}' },
    { label: 'Error', level: 'ERROR', weight: 2, pattern: 'mod_jk child workerEnv in error state {6|7|8}' },
    { label: 'Error', level: 'ERROR', pattern: 'mod_jk child init 1 {-2|-1}' },
    { label: 'Error', level: 'ERROR', pattern: '[client {ip}] ajp_connection_tcp_get_message: Can\'t receive the response message from tomcat, network problems or tomcat is down ({ip}:8009), err={-32|-104}' },
    { label: 'System Notification', level: 'NOTICE', weight: 2, pattern: '{version22} configured -- resuming normal operations' },
    { label: 'System Notification', level: 'NOTICE', pattern: '{caught SIGTERM, shutting down|SIGHUP received.  Attempting to restart|Graceful restart requested, doing restart}' },
    { label: 'System Notification', level: 'NOTICE', pattern: '{Digest: generating secret for digest authentication ...|Digest: done|suEXEC mechanism enabled (wrapper: /usr/sbin/suexec)|LDAP: Built with OpenLDAP LDAP SDK}' },
    { label: 'Resource Usage', level: 'ERROR', weight: 2, pattern: 'server reached MaxClients setting, consider raising the MaxClients setting' },
    { label: 'Resource Usage', level: 'INFO', pattern: 'server seems busy, (you may need to increase StartServers, or Min/MaxSpareServers), spawning {8|16|32} children, there are {int:0:9} idle, and {int:20:250} total children' },
    { label: 'Critical Error', level: 'NOTICE', pattern: 'child pid {pid} exit signal Segmentation fault (11)' },
    { label: 'Critical Error', level: 'FATAL', pattern: '{(98)Address already in use: make_sock: could not bind to address 0.0.0.0:{80|443}|no listening sockets available, shutting down}' },
    { label: 'Error', level: 'ERROR', pattern: '[client {ip}] PHP Fatal error:  Allowed memory size of {33554432|134217728|268435456} bytes exhausted (tried to allocate {int:1024:9999999} bytes) in /var/www/html/{index|wp-includes/functions|lib/report}.php on line {int:2:900}' },
    { label: 'Error', level: 'ERROR', pattern: '[client {ip}] {Invalid method in request \\x16\\x03\\x01|request failed: error reading the headers|(104)Connection reset by peer: core_output_filter: writing data to the network}' },
    { label: 'Error', level: 'WARN', pattern: 'RSA server certificate CommonName (CN) `{vhost}\' does NOT match server name!?' },
  ],
});
