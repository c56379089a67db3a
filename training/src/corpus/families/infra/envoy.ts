import { FILLERS, formatDate, formatTime, isoTimestamp, randomMoment, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { braces, oneOf, pad } from './shared';
import { client, target, upstreamAddr, userAgent, vhost } from './web';

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
  templates: [
    { label: 'HTTP Status', level: null, weight: 4, pattern: '[{accessTime}] "{method} {target} {proto}" {status} {flag} {int:0:9000} {bytes} {duration} {upstreamTime} "{-|{client}}" "{ua}" "{reqId}" "{vhost}" "{upstream}"' },
    { label: 'HTTP Status', level: null, weight: 3, pattern: '[{accessTime}] "{method} {target} {HTTP/1.1|HTTP/2}" {status} {flag} {via_upstream|-|upstream_reset_before_response_started{lb}connection_failure{rb}|upstream_reset_before_response_started{lb}connection_termination{rb}} "-" {int:0:9000} {bytes} {duration} {upstreamTime} "{-|{client}}" "{ua}" "{reqId}" "{vhost}:{int:80:9090}" "{upstream}" {cluster} {ip}:{int:32768:60999} {ip}:{int:80:9090} {ip}:{int:32768:60999} {-|outbound_.{int:80:9090}_._.{vhost}} default' },
    { label: 'HTTP Status', level: null, pattern: '[{accessTime}] "{POST|GET} /{grpc.health.v1.Health/Check|envoy.service.auth.v3.Authorization/Check|api.v1.OrderService/Create} HTTP/2" 200 {-|UF} {int:5:200} {int:5:200} {duration} {upstreamTime} "-" "grpc-{go/1.59.0|java-netty/1.58.0|node-js/1.9.13}" "{reqId}" "{vhost}:{50051|9000}" "{upstream}"' },
    { label: 'HTTP Status', level: null, pattern: '[{accessTime}] "{method} {target} {proto}" {503|504|502} {UF|UH|UT|URX|UO} {int:0:9000} {91|95|19|24} {duration} - "{client}" "{ua}" "{reqId}" "{vhost}" "{-|{upstream}}"' },
    { label: 'HTTP Status', level: null, weight: 2, pattern: braces('«"start_time":"{accessTime}","method":"{method}","path":"{target}","protocol":"{proto}","response_code":{status},"response_flags":"{flag}","bytes_received":{int:0:9000},"bytes_sent":{bytes},"duration":{duration},"upstream_host":"{upstream}","x_forwarded_for":"{-|{client}}","user_agent":"{ua}","request_id":"{reqId}","authority":"{vhost}"»') },
    { label: 'HTTP Status', level: null, pattern: '[{accessTime}] "{method} {target} {proto}" {status} {flag} {int:0:9000} {bytes} {duration} {upstreamTime} "{-|{client}}" "{ua}" "{reqId}" "{vhost}" "{upstream}" {cluster} {-|{ip}:{int:32768:60999}} {ip}:{int:80:9090} {ip}:{int:32768:60999} - -' },
    { label: 'System Notification', level: null, weight: 2, pattern: '[{accessTime}] "- - -" 0 {-|UF|DC|UH} {int:0:99999} {int:0:9999999} {duration} - "-" "-" "-" "-" "{upstream}"' },
  ],
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
  templates: [
    { label: 'System Notification', level: 'INFO', weight: 3, component: 'upstream source/common/upstream/cds_api_helper.cc:35', pattern: 'cds: add {n} cluster(s), remove {n} cluster(s)' },
    { label: 'System Notification', level: 'INFO', weight: 2, component: 'upstream source/common/upstream/cds_api_helper.cc:72', pattern: 'cds: added/updated {n} cluster(s), skipped {n} unmodified cluster(s)' },
    { label: 'System Notification', level: 'INFO', weight: 2, component: 'upstream source/extensions/listener_managers/listener_manager/lds_api.cc:99', pattern: "lds: add/update listener '{listener}'" },
    { label: 'System Notification', level: 'INFO', component: 'upstream source/common/upstream/cluster_manager_impl.cc:222', pattern: 'cm init: {all clusters initialized|initializing cds|initializing secondary clusters}' },
    { label: 'System Notification', level: 'INFO', component: 'main source/server/server.cc:917', pattern: '{starting main dispatch loop|all clusters initialized. initializing init manager|all dependencies initialized. starting workers|initializing epoch 0 (base id=0, hot restart version=11.104)}' },
    { label: 'System Notification', level: 'INFO', component: 'config source/extensions/listener_managers/listener_manager/listener_manager_impl.cc:867', pattern: '{all dependencies initialized. starting workers|starting listener {listener}}' },
    { label: 'System Notification', level: 'INFO', component: 'main source/server/drain_manager_impl.cc:208', pattern: 'shutting down parent after drain' },
    { label: 'System Notification', level: 'INFO', component: 'main source/server/server.cc:1000', pattern: '{caught SIGTERM|shutting down server instance|exiting|main dispatch loop exited}' },
    { label: 'Error', level: 'WARN', weight: 2, component: 'config ./source/common/config/grpc_stream.h:201', pattern: 'StreamAggregatedResources gRPC config stream to xds-grpc closed{ since {secs}s ago|}: 14, {upstream connect error or disconnect/reset before headers. reset reason: connection failure|connection error: desc = "transport: Error while dialing: dial tcp {ip}:15012: connect: connection refused"|no healthy upstream}' },
    { label: 'Error', level: 'WARN', component: 'config ./source/common/config/grpc_stream.h:201', pattern: 'DeltaAggregatedResources gRPC config stream to xds-grpc closed: 13, {unexpected EOF|stream terminated by RST_STREAM with error code: INTERNAL_ERROR}' },
    { label: 'Error', level: 'WARN', component: 'config source/extensions/config_subscription/grpc/grpc_subscription_impl.cc:128', pattern: "gRPC config for {resourceType} rejected: Error adding/updating listener(s) {listener}: {cannot bind '0.0.0.0:80': Permission denied|Proto constraint validation failed}" },
    { label: 'Critical Error', level: 'CRITICAL', weight: 2, component: 'main source/server/server.cc:117', pattern: "error initializing configuration '/etc/envoy/envoy.yaml': {Protobuf message (type envoy.config.bootstrap.v3.Bootstrap reason INVALID_ARGUMENT:(static_resources.clusters[0].name): invalid value \"\" for type TYPE_STRING) has unknown fields|cannot bind '0.0.0.0:{80|443|10000}': Address already in use|unable to read file: /etc/envoy/certs/tls.crt}" },
    { label: 'Critical Error', level: 'CRITICAL', component: 'backtrace ./source/server/backtrace.h:104', pattern: 'Caught {Segmentation fault|Aborted}, suspect faulting address 0x{hex8}' },
    { label: 'Resource Usage', level: 'WARN', component: 'main source/server/server.cc:843', pattern: 'There is no configured limit to the number of allowed active downstream connections. Configure a limit in `envoy.resource_monitors.downstream_connections` resource monitor.' },
    { label: 'Resource Usage', level: 'WARN', component: 'main source/server/overload_manager_impl.cc:590', pattern: 'Overload action envoy.overload_actions.{shrink_heap|stop_accepting_requests|reject_incoming_connections} became active' },
    { label: 'Deprecation Warning', level: 'WARN', component: 'misc source/common/protobuf/message_validator_impl.cc:21', pattern: "Deprecated field: type {deprecated} Using deprecated option '{deprecated}' from file {route_components.proto|cluster.proto|health_check.proto}. This configuration will be removed from Envoy soon. Please see https://www.envoyproxy.io/docs/envoy/latest/version_history/version_history for details. If continued use of this field is absolutely necessary, see https://www.envoyproxy.io/docs/envoy/latest/configuration/operations/runtime#using-runtime-overrides-for-deprecated-features for how to apply a temporary and highly discouraged override." },
    { label: 'System Notification', level: 'INFO', component: 'upstream source/common/upstream/cluster_manager_impl.cc:918', pattern: 'removing cluster {cluster}' },
    { label: 'Error', level: 'WARN', component: 'upstream source/extensions/health_checkers/common/health_checker_base_impl.cc:340', pattern: 'health check failed for host {ip}:{int:80:9090} in cluster {cluster}' },
  ],
});
