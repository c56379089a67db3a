import { FILLERS, formatDate, formatTime, isoTimestamp, randomMoment, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { oneOf, pad } from './shared';
import { client, target, upstreamAddr, userAgent, vhost } from './web';
import TEMPLATES_ENVOY_ACCESS from './templates/envoy-access.json';
import TEMPLATES_ENVOY from './templates/envoy.json';

/**
 * Envoy (and Istio's sidecar): the default access log format, the Istio
 * access format, and Envoy's own log `[2024-01-02 03:04:05.678][1][info]
 * [upstream] [source/...] ...`. An HTTP access line is HTTP Status; a TCP
 * proxy access line (no HTTP request) is System Notification; a rejected
 * or closed xDS stream is Error; a configuration that cannot load or a
 * crash is Critical Error; deprecated fields are Deprecation Warning.
 */

const accessTime: Filler = (r) => isoTimestamp(randomMoment(r));
const flag = oneOf(['-', '-', '-', '-', 'UF', 'UH', 'URX', 'NR', 'UC', 'UT', 'DC', 'RL', 'UO', 'UF,URX']);
const duration: Filler = (r) => String(r.weighted<number>([[r.int(0, 50), 5], [r.int(51, 5000), 2], [r.int(5001, 60000), 1]]));
const upstreamTime: Filler = (r) => (r.chance(0.1) ? '-' : duration(r));
const cluster: Filler = (r) => `outbound|${r.pick([80, 8080, 9080, 3000, 50051])}||${r.pick(['reviews', 'ratings', 'productpage', 'checkout', 'cart', 'payments', 'user-service'])}.${r.pick(['default', 'prod', 'shop'])}.svc.cluster.local`;

export const ENVOY_ACCESS = defineFamily({
  family: 'envoy-access',
  description: 'Envoy and Istio sidecar access log lines (default and Istio formats)',
  sources: ['envoy', 'istio-proxy'],
  formats: [],
  bareShare: 1,
  fillers: { accessTime, flag, duration, upstreamTime, cluster, client, vhost, target, proto: oneOf(['HTTP/1.1', 'HTTP/1.1', 'HTTP/2', 'HTTP/1.0']), ua: userAgent, upstream: upstreamAddr, reqId: FILLERS.uuid },
  templates: familyTemplates(TEMPLATES_ENVOY_ACCESS),
});

function envoyLevel(level: FamilyLevel): string {
  if (level === 'WARN') return 'warning';
  if (level === 'FATAL' || level === 'CRITICAL') return 'critical';
  return level === null ? 'info' : level.toLowerCase();
}

/** `[2024-01-02 03:04:05.678][1][info][upstream] [source/common/upstream/cds_api_helper.cc:35] ...`: the component is `logger source-file:line`. */
const envoyLine: LineFormat = (m, { level, component, rng }) => {
  const t = randomMoment(rng);
  const [logger, source] = (component ?? 'main source/server/server.cc:917').split(' ');
  return `[${formatDate(t)} ${formatTime(t)}.${pad(t.millis, 3)}][${rng.int(1, 40)}][${envoyLevel(level)}][${logger}] [${source}] ${m}`;
};
const listener = oneOf(['listener_0', '0.0.0.0_8080', 'virtualInbound', 'virtualOutbound', 'ingress_http', 'https_listener']);
const resourceType = oneOf(['type.googleapis.com/envoy.config.cluster.v3.Cluster', 'type.googleapis.com/envoy.config.listener.v3.Listener', 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration', 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment']);
const deprecated = oneOf(['envoy.config.route.v3.RouteAction.max_grpc_timeout', 'envoy.config.cluster.v3.Cluster.http2_protocol_options', 'envoy.config.core.v3.HealthCheck.HttpHealthCheck.use_http2', 'envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.Tracing.operation_name']);

export const ENVOY = defineFamily({
  family: 'envoy',
  description: "Envoy proxy's own log (xDS updates, listeners, config errors)",
  sources: ['envoy', 'istio-proxy'],
  formats: [envoyLine],
  bareShare: 0.15,
  fillers: { listener, resourceType, deprecated, cluster, n: (r) => String(r.int(0, 40)), secs: (r) => String(r.int(1, 3600)) },
  templates: familyTemplates(TEMPLATES_ENVOY),
});
