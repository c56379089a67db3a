import { FILLERS, type Filler } from '../../fillers';
import { USER_AGENTS } from '../../vocabulary';
import { oneOf, peerIp, publicIp } from './shared';

/** Slots the web servers' and proxies' access and error logs share (Apache, nginx, HAProxy, Envoy, Squid). */

export const vhost = oneOf(['www.example.com', 'example.com', 'shop.acme.io', 'api.acme.io', 'blog.initech.net', 'portal.contoso.com', 'static.globex.org', 'app.example.net', 'intranet.corp.local', 'localhost', '_']);
export const referer: Filler = (r) =>
  r.weighted<string>([
    ['-', 5],
    [`https://${vhost(r)}${r.pick(['/', '/index.html', '/products', '/login', '/cart', '/blog/2024/01/hello-world'])}`, 3],
    [r.pick(['https://www.google.com/', 'https://www.bing.com/', 'https://duckduckgo.com/', 'https://t.co/', 'android-app://com.google.android.gm/']), 2],
  ]);
export const userAgent: Filler = (r) =>
  r.weighted<string>([
    [r.pick(USER_AGENTS), 6],
    [r.pick(['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)', 'Mozilla/5.0 zgrab/0.x', 'masscan/1.3 (https://github.com/robertdavidgraham/masscan)', 'Wget/1.21.2', 'Prometheus/2.48.0', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1', '-']), 2],
  ]);
/** A request target: the shared API paths plus what a public web server sees (assets, probes, query strings). */
export const target: Filler = (r) =>
  r.weighted<string>([
    [FILLERS.path(r), 5],
    [r.pick(['/static/css/main.7c1a2b.css', '/assets/app-3f9e1c.js', '/images/logo.png', '/favicon.ico', '/robots.txt', '/sitemap.xml', '/apple-touch-icon.png']), 3],
    [r.pick(['/wp-login.php', '/.env', '/xmlrpc.php', '/phpmyadmin/index.php', '/.git/config', '/cgi-bin/luci/;stok=/locale', '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', '/boaform/admin/formLogin', '/actuator/health', '/server-status']), 1],
    [`/search?q=${r.pick(['shoes', 'laptop+bag', 'invoice', 'r%C3%A9sum%C3%A9'])}&page=${r.int(1, 9)}`, 1],
  ]);
export const proto = oneOf(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/2.0', 'HTTP/1.0']);
export const bodyBytes: Filler = (r) => r.weighted<string>([[FILLERS.bytes(r), 8], ['0', 1], ['-', 1]]);
export const client: Filler = peerIp;
export const upstreamAddr: Filler = (r) => `${r.chance(0.6) ? `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}` : '127.0.0.1'}:${r.pick([8080, 8000, 3000, 9000, 5000, 8081, 4000])}`;
export const seconds3: Filler = (r) => (r.next() * r.pick([0.05, 0.3, 2, 30])).toFixed(3);
export { publicIp };
