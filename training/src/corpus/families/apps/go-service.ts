import { criLine, logfmt, zapJson } from '../formats';
import { defineFamily } from '../log-family';
import { crit, dep, err, http, res, sec, sys, usr, wf } from './template-kit';

// Business services in Go (zap or logrus/go-kit logfmt): request lines,
// consumers, caches, feature flags, single failures and crashes.
const CALLERS = ['http/server.go', 'api/handler.go', 'worker/consumer.go', 'cache/redis.go', 'flags/client.go', 'cmd/server/main.go'];

export const goService = defineFamily({
  family: 'go-service',
  description: 'business services in Go: request lines, consumers, caches, feature flags, single failures and crashes',
  sources: ['inventory-api', 'shipping-service', 'fraud-detector'],
  formats: [zapJson(CALLERS), logfmt('api'), criLine],
  bareShare: 0.4,
  fillers: {
    flag: (r) => r.pick(['new-checkout', 'search-v2', 'dark-mode', 'bulk-export', 'async-invoices', 'recommendations', 'beta-dashboard', 'one-click-refund']),
  },
  templates: [
    http('INFO', 'request completed method={method} path={path} status={status} duration_ms={int:1:5000} bytes={bytes}', 3),
    http('INFO', 'http_request method={method} uri="{path}" status={status} latency={duration} client_ip={ip}'),
    http('DEBUG', 'method={method} path={path} status={status}'),
    http('INFO', 'status={status} method={method} path={path} client={ip} bytes={bytes}'),
    crit(null, 'Segmentation fault (core dumped) in {service}'),
    crit('FATAL', '{service} crashed with signal {SIGSEGV|SIGABRT|SIGKILL}{|, restarting}'),
    http('INFO', 'HTTP {method} {path} {status} {duration}'),
    http(null, '{status} {method} {path} ({ip}) {float:0:900:2}ms'),
    http('DEBUG', 'Response sent: {status} ({method} {path}, {bytes} bytes)'),
    http(null, '{status} {method} {path} {float:0:900:1}ms {bytes}b'),
    http('INFO', '{method} {path} HTTP/1.1 {status} - {int:1:500} ms'),
    sys('INFO', 'Configuration reloaded{| from /etc/{service}/config.yaml}'),
    sys('INFO', 'Feature flag {flag} enabled for {int:1:100}% of users'),
    sys('DEBUG', 'Cache {warmed up|rebuilt|primed} for {service}'),
    sys('INFO', 'Job {job} ({uuid}) finished in {duration}'),
    sys('DEBUG', 'Feature flag {flag} evaluated to {true|false} for user {userId}'),
    usr('INFO', 'User {user} accepted the invitation to workspace {int:10:9999}'),
    usr(null, 'User {user} subscribed to the {newsletter|weekly digest|release notes}'),
    usr('INFO', 'User {user} updated their {contact information|profile picture}'),
    err('ERROR', 'Failed to process message {uuid} from queue {queue}: {cause}'),
    err('WARN', 'Upstream call to {service} timed out after {int:1000:30000} ms'),
    err('WARN', 'Cache refresh for {service} failed: {cause}'),
    err('ERROR', 'Search index update for document {uuid} failed'),
    err('WARN', 'Document {uuid} could not be indexed: {cause}'),
    err('ERROR', 'PDF rendering failed for document {uuid}'),
    err('WARN', 'Redis connection to {host}:6379 lost, reconnecting in {int:1:30}s'),
    crit('ERROR', 'Application failed to start: {essentialService} unavailable'),
    crit(null, '{essentialService} unavailable: the {application server|worker} process exited with code {int:1:139} and did not come back'),
    sec(null, '[{threat}] request from {ip} blocked by rule {int:900000:999999}'),
    sec('ERROR', 'Blocked: {int:10:500} requests per second from {ip} probing {/admin|/wp-admin|/.env|/phpmyadmin}'),
    res('INFO', 'Cache hit ratio {percent}, evictions {int:0:9000}/s, used memory {float:0.1:64:1} GB'),
    res('INFO', 'Memory limit for container {service}: {int:128:8192}Mi, current usage {int:50:8000}Mi'),
    dep('WARN', '{apiFunction} is deprecated since {version}; use {apiReplacement}'),
    dep('WARN', 'Configuration key {configKey} is deprecated and ignored; set {configKey} instead'),
    dep('WARN', 'Support for {library} ends on {date}; migrate to a supported version'),
    dep(null, 'Deprecated: the --{legacy-mode|no-verify-ssl|old-format} flag will be removed in {version}'),
    dep('INFO', "'{apiFunction}' is deprecated"),
    sys('INFO', 'server started addr=:{port}'),
    sys('INFO', 'shutting down server, draining connections'),
    res('DEBUG', 'runtime stats goroutines={int:10:90000} heap_alloc={int:5:4000}MB sys={int:10:8000}MB num_gc={int:1:90000}'),

    // Shipping and inventory flows that a business rule stopped.
    wf('ERROR', 'Shipment for order {order} not booked: {the carrier does not serve this postcode|the parcel exceeds the weight limit|customs data is missing}'),
    wf('WARN', 'Stock reservation for order {order} released: payment was not confirmed within {int:15:60} minutes'),
    wf(null, 'Inventory transfer {int:1000:99999} between warehouses rejected: the target warehouse is closed'),
  ],
});
