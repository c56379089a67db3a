import type { Filler } from '../../fillers';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { apacheClock, apacheLevel } from './apache-error';
import { oneOf } from './shared';
import { client, vhost } from './web';
import TEMPLATES_APACHE_ERROR_LEGACY from './templates/apache-error-legacy.json';

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
  templates: familyTemplates(TEMPLATES_APACHE_ERROR_LEGACY),
});
