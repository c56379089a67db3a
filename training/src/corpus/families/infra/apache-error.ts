import { randomMoment, type Filler } from '../../fillers';
import type { FamilyLevel, LineFormat } from '../log-family';
import { defineFamily, familyTemplates } from '../log-family';
import { base64, MONTHS, oneOf, pad, weekday } from './shared';
import { client, target, vhost } from './web';
import TEMPLATES_APACHE_ERROR from './templates/apache-error.json';

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
  templates: familyTemplates(TEMPLATES_APACHE_ERROR),
});
