import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { moment, pad, sticky } from './headers';

/**
 * Elasticsearch nodes, classic text and 7.x JSON logs. Disk watermarks, GC
 * pauses with heap figures and circuit breakers (a request refused because
 * heap would cross a limit: the line is the measurement and the limit) are
 * Resource Usage; RED health, a lost master or a node leaving is Critical Error.
 */

const NODE_NAMES = ['node-1', 'node-2', 'node-3', 'es-master-0', 'es-master-1', 'elasticsearch-data-2', 'elasticsearch-data-0', 'es01', 'es02', 'search-hot-3'];
const esLevel = (level: FamilyLevel): string => {
  const word = level === null ? 'INFO' : level === 'CRITICAL' || level === 'FATAL' ? 'ERROR' : level === 'NOTICE' ? 'INFO' : level === 'ALERT' ? 'ERROR' : level;
  return word;
};
const stamp = (r: Prng): string => {
  const t = moment(r);
  return `${t.year}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)},${pad(t.millis, 3)}`;
};

/** `[2024-01-02T03:04:05,678][INFO ][o.e.c.m.MetadataCreateIndexService] [node-1] ...` (the logger padded in newer releases). */
const classicHeader: LineFormat = (m, { level, component, rng }) => {
  const logger = component ?? 'o.e.n.Node';
  const padded = rng.chance(0.5) ? logger.padEnd(25, ' ') : logger;
  return `[${stamp(rng)}][${esLevel(level).padEnd(5, ' ')}][${padded}] [${rng.pick(NODE_NAMES)}] ${m}`;
};

/** 7.x `elasticsearch_server.json` lines. */
const jsonHeader: LineFormat = (m, { level, component, rng }) =>
  `{"type": "server", "timestamp": "${stamp(rng)}Z", "level": "${esLevel(level)}", "component": "${component ?? 'o.e.n.Node'}", "cluster.name": "${rng.pick(['docker-cluster', 'es-prod', 'logging', 'elasticsearch'])}", "node.name": "${rng.pick(NODE_NAMES)}", "message": ${JSON.stringify(m)} }`;

const b64 = (r: Prng, n: number): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[r.int(0, 63)];
  return out;
};
const day = (r: Prng): string => `${r.int(2023, 2026)}.${pad(r.int(1, 12), 2)}.${pad(r.int(1, 28), 2)}`;
const index: Filler = (r) =>
  r.weighted<string>([
    [`logs-${day(r)}`, 2],
    [`.ds-logs-${r.pick(['nginx.access', 'system.syslog', 'kubernetes.container_logs', 'generic'])}-default-${day(r)}-${pad(r.int(1, 40), 6)}`, 2],
    [`filebeat-${r.pick(['7.17.9', '8.11.1', '7.10.2'])}-${day(r)}`, 2],
    [r.pick(['products', 'customers', 'orders', 'articles', 'catalog_v3']), 1],
    [`.kibana_${r.pick(['7.17.9', '8.11.1'])}_00${r.int(1, 3)}`, 1],
    [`metrics-${pad(r.int(1, 90), 6)}`, 1],
  ]);
const indexUuid: Filler = (r) => `${index(r)}/${b64(r, 22)}`;
const esNode: Filler = (r) => {
  const ip = `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  return `{${r.pick(NODE_NAMES)}}{${b64(r, 22)}}{${b64(r, 22)}}{${ip}}{${ip}:9300}{${r.pick(['dilm', 'cdfhilmrstw', 'm', 'dimr', 'di', 'hs'])}}`;
};
const esSize = (r: Prng, maxGb: number): string =>
  r.chance(0.7) ? `${(r.next() * maxGb + 0.1).toFixed(1)}gb` : `${r.int(1, 1023)}.${r.int(0, 9)}mb`;
/** `[young] [...]->[...]/[...]}{[survivor] ...}{[old] ...` memory pools of one collection. */
const gcPools: Filler = (r) => {
  const heap = r.pick([1, 2, 4, 8, 16, 30, 31]);
  return `memory [${esSize(r, heap)}]->[${esSize(r, heap)}]/[${heap}gb], all_pools {[young] [${r.int(1, 900)}mb]->[${r.int(0, 50)}mb]/[0b]}{[survivor] [${r.int(1, 90)}mb]->[${r.int(1, 90)}mb]/[0b]}{[old] [${esSize(r, heap)}]->[${esSize(r, heap)}]/[${heap}gb]}`;
};
const gcSecs: Filler = (r) => r.weighted<string>([[`${(r.next() * 9 + 0.5).toFixed(1)}s`, 3], [`${r.int(200, 999)}ms`, 2], [`${r.int(10, 90)}s`, 1]]);
/** `1.2s] collecting in the last [1.5s`: the time spent is within the window. */
const gcOverhead: Filler = (r) => {
  const window = r.int(1, 20);
  const spent = (r.next() * window * 0.9 + 0.1).toFixed(1);
  return `${Number(spent) < 1 ? `${Math.round(Number(spent) * 1000)}ms` : `${spent}s`}] collecting in the last [${window}s`;
};
const diskFree: Filler = (r) => {
  const dataPath = r.pick(['/usr/share/elasticsearch/data', '/var/lib/elasticsearch', '/data/elasticsearch']);
  return `[${b64(r, 22)}][${r.pick(NODE_NAMES)}][${dataPath}${r.chance(0.5) ? '/nodes/0' : ''}] free: ${esSize(r, 40)}[${(r.next() * 15).toFixed(1)}%]`;
};
const breaker: Filler = (r) => {
  const limit = r.int(700000000, 30000000000);
  const would = limit + r.int(1000, 90000000);
  const h = (n: number): string => (n >= 1073741824 ? `${(n / 1073741824).toFixed(1)}gb` : `${(n / 1048576).toFixed(1)}mb`);
  return `[parent] Data too large, data for [${r.pick(['<http_request>', 'indices:data/write/bulk[s]', 'indices:data/read/search[phase/query]', '<transport_request>'])}] would be [${would}/${h(would)}], which is larger than the limit of [${limit}/${h(limit)}], real usage: [${would - r.int(1, 999)}/${h(would)}], new bytes reserved: [${r.int(100, 99999)}/${r.int(1, 97)}.${r.int(0, 9)}kb]`;
};
const b64x: Filler = (r) => b64(r, 22);
const esUser: Filler = (r) => r.pick(['elastic', 'kibana_system', 'logstash_writer', 'beats_system', 'admin', 'analyst', 'svc-ingest', 'apm_user']);

const failedUser = sticky(esUser);

export const elasticsearch = defineFamily({
  family: 'elasticsearch',
  description: 'Elasticsearch nodes (classic log4j text and the 7.x JSON server log)',
  sources: ['elasticsearch'],
  formats: [classicHeader, jsonHeader],
  fillers: { theUser: failedUser.draw, sameUser: failedUser.again, gcOverhead, b64x, index, indexUuid, esNode, gcPools, gcSecs, diskFree, breaker, esUser },
  templates: [
    { label: 'System Notification', pattern: '[{index}] creating index, cause [{api|auto(bulk api)|rollover_index|initialize_data_stream}], templates [{|logs|filebeat-7.17.9|metrics}], shards [{1|3|5}]/[{0|1|2}]', level: 'INFO', component: 'o.e.c.m.MetadataCreateIndexService', weight: 2 },
    { label: 'System Notification', pattern: '[{indexUuid}] update_mapping [_doc]', level: 'INFO', component: 'o.e.c.m.MetadataMappingService', weight: 3 },
    { label: 'System Notification', pattern: '[{indexUuid}] deleting index', level: 'INFO', component: 'o.e.c.m.MetadataDeleteIndexService' },
    { label: 'System Notification', pattern: 'Cluster health status changed from [{RED|YELLOW}] to [GREEN] (reason: [shards started [[{index}][{int:0:4}]]]).', level: 'INFO', component: 'o.e.c.r.a.AllocationService', weight: 2 },
    { label: 'System Notification', pattern: 'Cluster health status changed from [GREEN] to [YELLOW] (reason: [{index [{index}] created|auto-create}]).', level: 'INFO', component: 'o.e.c.r.a.AllocationService' },
    { label: 'System Notification', pattern: 'added {lb}{esNode}{rb}, term: {int:1:40}, version: {int:10:90000}, reason: Publication{lb}term={int:1:40}, version={int:10:90000}{rb}', level: 'INFO', component: 'o.e.c.s.ClusterApplierService' },
    { label: 'System Notification', pattern: 'master node changed {lb}previous [], current [{esNode}]{rb}, term: {int:1:40}, version: {int:1:900}, reason: {ApplyCommitRequest{lb}term={int:1:40}, version={int:1:900}, sourceNode={esNode}{rb}|Publication{lb}term={int:1:40}, version={int:1:900}{rb}}', level: 'INFO', component: 'o.e.c.s.ClusterApplierService' },
    { label: 'System Notification', pattern: '{started|stopped|closed|stopping ...|closing ...|initialized|starting ...}', level: 'INFO', component: 'o.e.n.Node' },
    { label: 'System Notification', pattern: 'publish_address {lb}{ip}:{9200|9300}{rb}, bound_addresses {lb}[::]:{9200|9300}{rb}', level: 'INFO', component: 'o.e.h.AbstractHttpServerTransport' },
    { label: 'System Notification', pattern: 'recovered [{int:0:900}] indices into cluster_state', level: 'INFO', component: 'o.e.g.GatewayService' },
    { label: 'System Notification', pattern: 'snapshot [{s3_repository|backups|found-snapshots}:{snap|nightly-snap}-{int:2023:2026}.{int:10:12}.{int:10:28}-{b64x}/{b64x}] {started|completed with state [SUCCESS]}', level: 'INFO', component: 'o.e.s.SnapshotsService' },
    { label: 'System Notification', pattern: 'moving index [{index}] from [{lb}"phase":"hot","action":"rollover","name":"check-rollover-ready"{rb}] to [{lb}"phase":"hot","action":"rollover","name":"attempt-rollover"{rb}] in policy [{logs|metrics|filebeat|90-days-default}]', level: 'INFO', component: 'o.e.x.i.IndexLifecycleTransition', weight: 2 },
    { label: 'Resource Usage', pattern: '[gc][young][{int:10:900000}][{int:1:90000}] duration [{gcSecs}], collections [1]/[{gcSecs}], total [{gcSecs}]/[{int:1:59}{m|h|d}], {gcPools}', level: 'WARN', component: 'o.e.m.j.JvmGcMonitorService', weight: 2 },
    { label: 'Resource Usage', pattern: '[gc][{int:10:900000}] overhead, spent [{gcOverhead}]', level: 'WARN', component: 'o.e.m.j.JvmGcMonitorService', weight: 3 },
    { label: 'Resource Usage', pattern: 'high disk watermark [90%] exceeded on {diskFree}, shards will be relocated away from this node; currently relocating away shards totalling [0] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete', level: 'WARN', component: 'o.e.c.r.a.DiskThresholdMonitor', weight: 2 },
    { label: 'Resource Usage', pattern: 'low disk watermark [85%] exceeded on {diskFree}, replicas will not be assigned to this node', level: 'INFO', component: 'o.e.c.r.a.DiskThresholdMonitor', weight: 2 },
    { label: 'Resource Usage', pattern: 'flood stage disk watermark [95%] exceeded on {diskFree}, all indices on this node will be marked read-only', level: 'WARN', component: 'o.e.c.r.a.DiskThresholdMonitor' },
    { label: 'Resource Usage', pattern: 'path: /{_bulk|{index}/_search|_msearch}, params: {lb}{rb} org.elasticsearch.common.breaker.CircuitBreakingException: {breaker}', level: 'WARN', component: 'r.suppressed' },
    { label: 'Resource Usage', pattern: 'attempting to trigger G1GC due to high heap usage [{int:1000000000:30000000000}]', level: 'INFO', component: 'o.e.i.b.HierarchyCircuitBreakerService' },
    { label: 'Error', pattern: '[{index}][{int:0:4}] failed to execute bulk item (index) index {lb}[{index}][_doc][{b64x}], source[n/a, actual length: [{int:2:90}.{int:0:9}kb], max length: 2kb]{rb}', level: 'DEBUG', component: 'o.e.a.b.TransportShardBulkAction', weight: 2 },
    { label: 'Error', pattern: 'failed to put mappings on indices [[[{indexUuid}]]], type [_doc]', level: 'WARN', component: 'o.e.c.m.MetadataMappingService' },
    { label: 'Error', pattern: 'failing shard [failed shard, shard [{index}][{int:0:4}], node[{b64x}], [{P|R}], s[STARTED], a[id={b64x}], message [shard failure, reason [{lucene commit failed|merge failed|refresh failed source[schedule]}]], failure [IOException[No space left on device]], markAsStale [true]]', level: 'WARN', component: 'o.e.c.r.a.AllocationService' },
    { label: 'Error', pattern: 'failed to join {esNode} with JoinRequest{lb}sourceNode={esNode}, minimumTerm={int:1:40}, optionalJoin=Optional.empty{rb}', level: 'INFO', component: 'o.e.c.c.JoinHelper' },
    { label: 'Security Alert', pattern: 'Authentication of [{theUser}] was terminated by realm [{reserved|native1|ldap1|file}] - failed to authenticate user [{sameUser}]', level: 'WARN', component: 'o.e.x.s.a.AuthenticationService' },
    { label: 'Security Alert', pattern: 'action [{indices:data/read/search|indices:admin/delete|cluster:admin/settings/update}] is unauthorized for user [{esUser}] with {|effective }roles [{viewer|kibana_user|logs_reader}] on indices [{index}], this action is granted by the index privileges [{read|delete_index,manage,all}]', level: 'WARN', component: 'o.e.x.s.a.AuthorizationService' },
    { label: 'Deprecation Warning', pattern: '[types removal] Specifying types in {bulk|search|document index} requests is deprecated.', level: 'WARN', component: 'o.e.d.r.a.d.RestBulkAction' },
    { label: 'Deprecation Warning', pattern: 'Camel case format name {dateOptionalTime|strictDateOptionalTime} is deprecated and will be removed in a future version. Use snake case name {date_optional_time|strict_date_optional_time} instead.', level: 'WARN', component: 'o.e.d.c.t.DateFormatters' },
    { label: 'Critical Error', pattern: 'Cluster health status changed from [{GREEN|YELLOW}] to [RED] (reason: [{shards failed [[{index}][{int:0:4}]]|{esNode} disconnected|index [{index}] created}]).', level: 'INFO', component: 'o.e.c.r.a.AllocationService' },
    { label: 'Critical Error', pattern: 'master not discovered or elected yet, an election requires at least {2|3} nodes with ids from [{b64x}, {b64x}, {b64x}], have discovered [{esNode}] which is not a quorum; discovery will continue using [{ip}:9300, {ip}:9300] from hosts providers and [{esNode}] from last-known cluster state; node term {int:1:40}, last-accepted version {int:10:9000} in term {int:1:40}', level: 'WARN', component: 'o.e.c.c.ClusterFormationFailureHelper', weight: 2 },
    { label: 'Critical Error', pattern: 'node-left[{esNode} reason: {disconnected|followers check retry count exceeded|health check failed}], term: {int:1:40}, version: {int:10:90000}, delta: removed {lb}{esNode}{rb}', level: 'INFO', component: 'o.e.c.s.MasterService' },
    { label: 'Critical Error', pattern: 'fatal error in thread [elasticsearch[{node-1|es01|elasticsearch-data-2}][{write|search|management}][T#{int:1:16}]], exiting', level: 'ERROR', component: 'o.e.b.ElasticsearchUncaughtExceptionHandler' },
  ],
});
