import { defineLabel, MODERN_SOURCES } from './label-templates';

// Access/request lines: one HTTP request and its status code, whatever the
// code (a 500 in an access log is still HTTP Status). Most are whole lines
// already, so they get at most a transport prefix.
const REQ = '[req-{uuid} {hex32} {hex32} - - -]';
const HTTP_SOURCES = [...MODERN_SOURCES, 'nginx', 'apache', 'nova-api', 'envoy', 'api-gateway'];

const access = (pattern: string) => ({ pattern, envelope: 'transport-only' as const });

export const httpStatus = defineLabel(
  {
    label: 'HTTP Status',
    slug: 'http',
    sources: HTTP_SOURCES,
    levels: [['INFO', 8], ['DEBUG', 1], ['WARN', 1]],
  },
  [
    access(`nova.osapi_compute.wsgi.server ${REQ} {ip} "{GET|POST|DELETE} /v2/{hex32}/servers/detail HTTP/1.1" status: {status} len: {int:200:3000} time: {latency}`),
    access(`nova.osapi_compute.wsgi.server ${REQ} {ip} "{GET|POST|DELETE} /v2/{hex32}/servers/{uuid}{|/action|/os-interface} HTTP/1.1" status: {status} len: {int:200:3000} time: {latency}`),
    access(`nova.osapi_compute.wsgi.server ${REQ} {ip} "GET /v2/{hex32}/{flavors|images|os-keypairs|limits}/detail HTTP/1.1" RCODE  {status} len: {int:200:3000} time: {latency}`),
    access('nova.metadata.wsgi.server [-] {ip},{ip} "GET /openstack/{2013-10-17|2012-08-10|latest}/{meta_data.json|user_data|vendor_data.json} HTTP/1.1" status: {status} len: {int:100:2000} time: {latency}'),
    access('{ip} - - [{apacheTime}] "{method} {path} HTTP/1.1" {status} {bytes}'),
    access('{ip} - {user} [{apacheTime}] "{method} {path} HTTP/{1.0|1.1|2.0}" {status} {bytes} "{https://www.example.com/|-}" "{userAgent}"'),
    access('{ip} - - [{apacheTime}] "{method} {path} HTTP/2.0" {status} {bytes} "-" "{userAgent}" rt={float:0:3:3} uct="{float:0:0.1:3}" urt="{float:0:3:3}"'),
    access('{date} {int:0:23}:{int:10:59}:{int:10:59} {ip} {method} {path} - {port} - {ip} {userAgent} - {status} 0 0 {int:1:9000}'),
    access('{https|http|h2} {iso} app/{service}/{hex8} {ip}:{port} {ip}:{port} {float:0:0.01:3} {float:0:2:3} {float:0:0.01:3} {status} {status} {int:100:900} {bytes} "{method} https://{host}:443{path} HTTP/1.1" "{userAgent}"'),
    access('[{iso}] "{method} {path} HTTP/1.1" {status} - 0 {bytes} {int:1:900} {int:1:900} "{ip}" "{userAgent}" "{uuid}" "{host}" "{ip}:{port}"'),
    access('[GIN] {int:2023:2026}/{int:10:12}/{int:10:28} - {int:10:23}:{int:10:59}:{int:10:59} | {status} | {float:0:900:3}ms | {ip} | {method} "{path}"'),
    access('{method} {path} {status} {float:0:900:3} ms - {bytes}'),
    access('INFO:     {ip}:{port} - "{method} {path} HTTP/1.1" {status} {OK|Not Found|Created|Internal Server Error|Unauthorized|Forbidden|No Content}'),
    access('[{date} {int:10:23}:{int:10:59}:{int:10:59}] "{method} {path} HTTP/1.1" {status} {bytes}'),
    'Completed {status} {OK|Not Found|Unauthorized|Internal Server Error|Created|Found} in {int:1:3000}ms (Views: {float:0:900:1}ms | ActiveRecord: {float:0:300:1}ms)',
    access('{ip}:{port} [{apacheTime}] {http-in|fe_main} {be_app|be_api}/{host} {int:0:20}/{int:0:5}/{int:0:10}/{int:1:900}/{int:1:900} {status} {bytes} - - ---- {int:1:500}/{int:1:500}/{int:0:50}/{int:0:10}/0 0/0 "{method} {path} HTTP/1.1"'),
    access('{lb}"ClientAddr":"{ip}:{port}","DownstreamStatus":{status},"Duration":{int:100000:900000000},"RequestMethod":"{method}","RequestPath":"{path}","RouterName":"{service}@docker"{rb}'),
    access('{lb}"level":"info","ts":{int:1700000000:1800000000}.{int:100:999},"logger":"http.log.access","msg":"handled request","request":{lb}"remote_ip":"{ip}","method":"{method}","uri":"{path}"{rb},"status":{status},"size":{bytes},"duration":{float:0:2:6}{rb}'),
    'HTTP {method} {path} {status} {duration}',
    'request completed method={method} path={path} status={status} duration_ms={int:1:5000} bytes={bytes}',
    'http_request method={method} uri="{path}" status={status} latency={duration} client_ip={ip}',
    '{method} {path} -> {status} ({duration})',
    'Response {status} for {method} {path} in {duration}',
    'Request {method} {path} returned status code {status}',
    '"{method} {path}" {status} {bytes} {float:0:3:3}s',
    'Outgoing request {method} https://{api.stripe.com|api.github.com|graph.microsoft.com|hooks.slack.com}{path} responded {status} in {duration}',
    'HTTP/1.1 {status} {method} {path} from {ip}',
    '{ip} {method} {path} {status} {int:1:9000}ms',
    'Handled {method} {path}: status={status} time={float:0:3:4}s',
    access('{ip} - - [{apacheTime}] "{method} {path} HTTP/1.1" {status} {bytes} "-" "{userAgent}" {int:100:999999}'),
    access('{iso} {ip} {method} {path} {status} {bytes} {int:1:9000}'),
    'Access log: client={ip} method={method} url={path} code={status}',
    '{method} {path} HTTP/1.1 {status} - {int:1:500} ms',
    'Request finished HTTP/1.1 {method} http://{host}{path} - {status} {bytes} application/json {float:0:900:4}ms',
    '{ip} "{method} {path}" status={status} size={bytes} ua="{userAgent}"',
    'API call {method} {path} completed with HTTP {status}',
    'upstream response: {status} for {method} {path} (upstream {ip}:{port}, {float:0:2:3}s)',
    'Served {method} {path} with {status} to {ip}',
    '{status} {method} {path} ({ip}) {float:0:900:2}ms',
    'ThirdPartyAPI call {method} {path} -> HTTP {status}',
    'HTTP request to {service} {path} finished with status {status} after {duration}',
    'method={method} path={path} status={status}',
    access('{ip} - - [{apacheTime}] "{method} {path} HTTP/1.1" {status} {bytes} {int:1:2000}ms'),
  ],
);
