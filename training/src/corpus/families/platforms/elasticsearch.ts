import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { moment, pad, sticky } from './headers';
import TEMPLATES_ELASTICSEARCH from './templates/elasticsearch.json';

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
  templates: familyTemplates(TEMPLATES_ELASTICSEARCH),
});
