import { randomMoment } from '../../fillers';
import { criLine, journal, kubectlPrefix } from '../formats';
import { defineFamily } from '../log-family';
import { statusLine } from './app-fillers';
import { http } from './template-kit';

// The access lines that application servers and app-side edges print for
// every request (uvicorn, Gin, morgan, Werkzeug and Django's runserver,
// Phoenix, Traefik, Caddy, an AWS load balancer, IIS in front of ASP.NET).
// Each is already a whole line: at most a container runtime or journald
// frames it. The level is the one written inside the line, if any.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

export const appAccess = defineFamily({
  family: 'app-access',
  description: 'access lines of application servers and app-side edges (uvicorn, Gin, morgan, Werkzeug, Phoenix, Traefik, Caddy, ALB, IIS)',
  sources: ['api-gateway', 'checkout', 'catalog-api', 'ModernCRM', 'ThirdPartyAPI'],
  formats: [criLine, kubectlPrefix(['app', 'web', 'api']), journal('app')],
  bareShare: 0.6,
  fillers: {
    // Werkzeug and Django runserver: `02/Mar/2025 10:15:30`.
    devServerTime: (r) => {
      const t = randomMoment(r);
      return `${pad2(t.day)}/${MONTHS[t.month - 1]}/${t.year} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
    },
    statusLine,
  },
  templates: [
    http('INFO', 'INFO:     {ip}:{int:1024:65535} - "{method} {path} HTTP/1.1" {statusLine}', 3),
    http(null, '[GIN] {int:2023:2026}/{int:10:12}/{int:10:28} - {int:10:23}:{int:10:59}:{int:10:59} | {status} | {float:0:900:3}ms | {ip} | {method} "{path}"', 3),
    http(null, '{method} {path} {status} {float:0:900:3} ms - {bytes}', 3),
    http(null, '{ip} - - [{devServerTime}] "{method} {path} HTTP/1.1" {status} {-|{bytes}}'),
    http(null, '[{devServerTime}] "{method} {path} HTTP/1.1" {status} {bytes}'),
    http('INFO', '[info] Sent {status} in {int:1:900}{ms|µs}'),
    http(null, '{lb}"ClientAddr":"{ip}:{port}","DownstreamStatus":{status},"Duration":{int:100000:900000000},"RequestMethod":"{method}","RequestPath":"{path}","RouterName":"{service}@docker"{rb}'),
    http('INFO', '{lb}"level":"info","ts":{int:1700000000:1800000000}.{int:100:999},"logger":"http.log.access","msg":"handled request","request":{lb}"remote_ip":"{ip}","method":"{method}","uri":"{path}"{rb},"status":{status},"size":{bytes},"duration":{float:0:2:6}{rb}'),
    http(null, '{https|http|h2} {iso} app/{service}/{hex8} {ip}:{port} {ip}:{port} {float:0:0.01:3} {float:0:2:3} {float:0:0.01:3} {status} {status} {int:100:900} {bytes} "{method} https://{host}:443{path} HTTP/1.1" "{userAgent}"'),
    http(null, '{date} {int:10:23}:{int:10:59}:{int:10:59} {ip} {method} {path} - {port} - {ip} {userAgent} - {status} 0 0 {int:1:9000}'),
    http(null, '{iso} {ip} {method} {path} {status} {bytes} {int:1:9000}'),
    http(null, 'GET {path} {status}'),
  ],
});
