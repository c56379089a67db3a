import { randomMoment, isoTimestamp, type Filler } from '../../fillers';
import { defineFamily } from '../log-family';
import { braces } from './shared';
import { bodyBytes, client, proto, referer, seconds3, target, upstreamAddr, userAgent, vhost } from './web';

/**
 * nginx access logs: the default combined format, combined with timings
 * (`rt= uct= uht= urt=`), the ingress-nginx format of Kubernetes and JSON
 * log_format lines. One request per line with its status: HTTP Status.
 */

const upstreamTime: Filler = (r) => (r.chance(0.1) ? '-' : seconds3(r));
const reqId: Filler = (r) => r.hex(32);
const isoLocal: Filler = (r) => isoTimestamp(randomMoment(r)).replace(/\.\d{3}Z$/, '+00:00');

export const NGINX_ACCESS = defineFamily({
  family: 'nginx-access',
  description: 'nginx access log lines (combined, combined with timings, ingress-nginx, JSON)',
  sources: ['nginx', 'access.log', 'ingress-nginx'],
  formats: [],
  bareShare: 1,
  fillers: { client, vhost, target, proto, bytes: bodyBytes, referer, ua: userAgent, rt: seconds3, urt: upstreamTime, upstream: upstreamAddr, reqId, isoLocal, ruser: (r) => r.weighted<string>([['-', 9], [r.pick(['admin', 'prometheus', 'deploy']), 1]]) },
  templates: [
    { label: 'HTTP Status', level: null, weight: 4, pattern: '{client} - {ruser} [{apacheTime}] "{method} {target} {proto}" {status} {bytes} "{referer}" "{ua}"' },
    { label: 'HTTP Status', level: null, weight: 2, pattern: '{client} - - [{apacheTime}] "{method} {target} {proto}" {status} {bytes} "{referer}" "{ua}" "{-|{ip}|{ip}, {ip}}"' },
    { label: 'HTTP Status', level: null, weight: 3, pattern: '{client} - - [{apacheTime}] "{method} {target} {proto}" {status} {bytes} "{referer}" "{ua}" rt={rt} uct="{urt}" uht="{urt}" urt="{urt}"' },
    { label: 'HTTP Status', level: null, weight: 2, pattern: '{client} - - [{apacheTime}] "{method} {target} {proto}" {status} {bytes} "{referer}" "{ua}" {rt} {urt} {upstream}' },
    { label: 'HTTP Status', level: null, weight: 3, pattern: '{client} - - [{apacheTime}] "{method} {target} {proto}" {status} {bytes} "{referer}" "{ua}" {int:60:1800} {rt} [{default|prod|shop}-{web|api|frontend}-{80|8080|3000}] [] {upstream} {bytes} {urt} {status} {reqId}' },
    { label: 'HTTP Status', level: null, weight: 2, pattern: braces('«"time_local":"{isoLocal}","remote_addr":"{client}","request":"{method} {target} {proto}","status":{status},"body_bytes_sent":{int:0:99999},"request_time":{rt},"upstream_response_time":"{urt}","http_referer":"{referer}","http_user_agent":"{ua}"»') },
    { label: 'HTTP Status', level: null, pattern: braces('«"@timestamp":"{isoLocal}","host":"{vhost}","remote_addr":"{client}","method":"{method}","uri":"{target}","status":"{status}","bytes":"{int:0:99999}","request_time":"{rt}","upstream_addr":"{upstream}","request_id":"{reqId}"»') },
    { label: 'HTTP Status', level: null, pattern: '{client} - - [{apacheTime}] "\\x16\\x03\\x01\\x00\\xf4\\x01\\x00\\x00\\xf0\\x03\\x03" 400 {150|157|166} "-" "-"' },
    { label: 'HTTP Status', level: null, pattern: '{client} - - [{apacheTime}] "{GET /.env|GET /.git/config|POST /cgi-bin/.%2e/.%2e/.%2e/bin/sh|GET /shell?cd+/tmp;rm+-rf+*|GET /phpmyadmin/} HTTP/1.1" {404|400|403} {bytes} "-" "{ua}"' },
    { label: 'HTTP Status', level: null, pattern: '{client} - - [{apacheTime}] "-" 400 0 "-" "-"' },
    { label: 'HTTP Status', level: null, pattern: '{vhost} {client} - - [{apacheTime}] "{method} {target} {proto}" {status} {bytes} "{referer}" "{ua}"' },
  ],
});
