import { defineFamily } from '../log-family';
import { bodyBytes, client, proto, referer, target, userAgent, vhost } from './web';

/**
 * Apache httpd access logs: common, combined, vhost_combined and combined
 * with %D/%T timings, plus the odd lines real servers write (TLS bytes on a
 * plain port, a client that sent nothing). Every line is one request with
 * its status: HTTP Status, whatever the code.
 */
export const APACHE_ACCESS = defineFamily({
  family: 'apache-access',
  description: 'Apache httpd access log lines (common, combined, vhost_combined)',
  sources: ['apache', 'httpd', 'access.log'],
  formats: [],
  bareShare: 1,
  fillers: { client, vhost, target, proto, bytes: bodyBytes, referer, ua: userAgent, ruser: (r) => r.weighted<string>([['-', 9], [r.pick(['admin', 'alice', 'deploy', 'jenkins']), 1]]) },
  templates: [
    { label: 'HTTP Status', level: null, weight: 3, pattern: '{client} - {ruser} [{apacheTime}] "{method} {target} {proto}" {status} {bytes}' },
    { label: 'HTTP Status', level: null, weight: 4, pattern: '{client} - {ruser} [{apacheTime}] "{method} {target} {proto}" {status} {bytes} "{referer}" "{ua}"' },
    { label: 'HTTP Status', level: null, weight: 3, pattern: '{vhost}:{80|443} {client} - {ruser} [{apacheTime}] "{method} {target} {proto}" {status} {bytes} "{referer}" "{ua}"' },
    { label: 'HTTP Status', level: null, weight: 2, pattern: '{client} - - [{apacheTime}] "{method} {target} {proto}" {status} {bytes} "{referer}" "{ua}" {int:80:9000000}' },
    { label: 'HTTP Status', level: null, pattern: '{client} {vhost} - [{apacheTime}] "{method} {target} {proto}" {status} {bytes} {int:0:30} "{referer}" "{ua}"' },
    { label: 'HTTP Status', level: null, pattern: '{ip}, {client} - - [{apacheTime}] "{method} {target} {proto}" {status} {bytes} "{referer}" "{ua}"' },
    { label: 'HTTP Status', level: null, pattern: '{client} - - [{apacheTime}] "-" 408 {-|0} "-" "-"' },
    { label: 'HTTP Status', level: null, pattern: '{client} - - [{apacheTime}] "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03{\\x8a\\xd1|\\x1f\\xe3|\\xa7\\x05}" 400 {226|0|392} "-" "-"' },
    { label: 'HTTP Status', level: null, pattern: '::1 - - [{apacheTime}] "OPTIONS * HTTP/1.0" 200 - "-" "Apache/2.4.{int:29:62} ({Ubuntu|Debian|Red Hat Enterprise Linux}) (internal dummy connection)"' },
    { label: 'HTTP Status', level: null, pattern: '{client} - - [{apacheTime}] "GET /server-status?auto HTTP/1.1" {200|403} {int:300:1200} "-" "{Go-http-client/1.1|collectd/5.12.0|Zabbix}"' },
    { label: 'HTTP Status', level: null, pattern: '{client} - - [{apacheTime}] "POST {/wp-login.php|/xmlrpc.php|/user/login|/administrator/index.php} HTTP/1.1" {200|302|403|404} {bytes} "-" "{ua}"' },
  ],
});

