import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type LineFormat } from '../log-family';
import { oneOf, sticky } from './headers';
import { KUBE_FILLERS } from './kube-ids';

/**
 * `kubectl get events` rows (and the same event messages as collectors ship
 * them alone). A template's component is `Type|Reason|kind`, the columns
 * kubectl prints before OBJECT and MESSAGE. Same rule book as the klog family:
 * CrashLoop back-off, OOM kills and NotReady nodes are Critical Error.
 */

const age = (r: Prng): string => r.pick([`${r.int(1, 59)}s`, `${r.int(1, 59)}m`, `${r.int(1, 23)}h`, `${r.int(1, 9)}d`, `${r.int(2, 9)}m${r.int(1, 59)}s`, `${r.int(1, 5)}h${r.int(1, 59)}m`]);

/** The object column: the pod or node the message names, when it names one (drawn as `thePod`/`theNode`). */
function objectName(kind: string, message: string, r: Prng): string {
  const named = kind === 'pod' ? KUBE_FILLERS.samePod(r) : kind === 'node' ? KUBE_FILLERS.sameNode(r) : '';
  if (named !== '' && message.includes(named)) return named;
  if (kind === 'pod') return KUBE_FILLERS.pod(r);
  if (kind === 'node') return KUBE_FILLERS.node(r);
  if (kind === 'replicaset') return KUBE_FILLERS.replicaSet(r);
  return KUBE_FILLERS.deployment(r);
}

/** `5m   Warning   BackOff   pod/api-7d9f8c-x2x4k   Back-off restarting failed container`, kubectl pads the columns. */
const eventRow =
  (allNamespaces: boolean): LineFormat =>
  (m, { component, rng }) => {
    const [type, reason, kind] = (component ?? 'Normal|Scheduled|pod').split('|');
    const object = `${kind}/${objectName(kind, m, rng)}`;
    const named = KUBE_FILLERS.sameNs(rng);
    const namespace = named !== '' && m.includes(`${named}/`) ? named : KUBE_FILLERS.namespace(rng);
    const cols = [age(rng).padEnd(rng.int(8, 12)), type.padEnd(10), reason.padEnd(rng.int(reason.length + 2, 24)), object.padEnd(rng.int(object.length + 2, object.length + 12)), m];
    return `${allNamespaces ? namespace.padEnd(16) : ''}${cols.join('')}`;
  };

const pullTime: Filler = (r) => {
  const s = (r.next() * 40 + 0.3).toFixed(3);
  return `${s}s (${s}s including waiting)`;
};
const probePort = sticky(oneOf(['8080', '3000', '9090', '8000']));
const memQty: Filler = (r) => `${r.int(1000, 900000)}Ki`;

export const kubeEvents = defineFamily({
  family: 'kube-events',
  description: 'Kubernetes events as `kubectl get events` prints them',
  sources: ['kubectl', 'kubernetes-events'],
  formats: [eventRow(false), eventRow(true)],
  fillers: { ...KUBE_FILLERS, pullTime, memQty, port8080: probePort.draw, samePort: probePort.again },
  templates: [
    { label: 'System Notification', pattern: 'Successfully assigned {ns}/{thePod} to {node}', level: 'INFO', component: 'Normal|Scheduled|pod', weight: 3 },
    { label: 'System Notification', pattern: 'Pulling image "{image}"', level: 'INFO', component: 'Normal|Pulling|pod', weight: 2 },
    { label: 'System Notification', pattern: 'Successfully pulled image "{image}" in {pullTime}', level: 'INFO', component: 'Normal|Pulled|pod', weight: 2 },
    { label: 'System Notification', pattern: 'Container image "{image}" already present on machine', level: 'INFO', component: 'Normal|Pulled|pod', weight: 2 },
    { label: 'System Notification', pattern: 'Created container {containerName}', level: 'INFO', component: 'Normal|Created|pod', weight: 3 },
    { label: 'System Notification', pattern: 'Started container {containerName}', level: 'INFO', component: 'Normal|Started|pod', weight: 3 },
    { label: 'System Notification', pattern: 'Stopping container {containerName}', level: 'INFO', component: 'Normal|Killing|pod', weight: 2 },
    { label: 'System Notification', pattern: 'Scaled {up|down} replica set {replicaSet} to {int:0:20}{| from {int:0:20}}', level: 'INFO', component: 'Normal|ScalingReplicaSet|deployment', weight: 2 },
    { label: 'System Notification', pattern: 'Created pod: {pod}', level: 'INFO', component: 'Normal|SuccessfulCreate|replicaset', weight: 2 },
    { label: 'System Notification', pattern: 'Node {theNode} status is now: {NodeReady|NodeHasSufficientMemory|NodeHasNoDiskPressure}', level: 'INFO', component: 'Normal|NodeReady|node' },
    { label: 'System Notification', pattern: '{node}_{podUid} became leader', level: 'INFO', component: 'Normal|LeaderElection|lease' },
    { label: 'Resource Usage', pattern: 'The node was low on resource: memory. Threshold quantity: {100Mi|200Mi|500Mi}, available: {memQty}. Container {containerName} was using {memQty}, request is {0|{int:64:2048}Mi}, has larger consumption of memory.', level: 'WARN', component: 'Warning|Evicted|pod', weight: 2 },
    { label: 'Resource Usage', pattern: 'The node was low on resource: ephemeral-storage. Threshold quantity: {int:1000000000:9000000000}, available: {memQty}. Container {containerName} was using {memQty}, request is 0, has larger consumption of ephemeral-storage.', level: 'WARN', component: 'Warning|Evicted|pod' },
    { label: 'Resource Usage', pattern: 'New size: {int:2:40}; reason: {cpu|memory} resource utilization (percentage of request) above target', level: 'INFO', component: 'Normal|SuccessfulRescale|horizontalpodautoscaler' },
    { label: 'Error', pattern: 'Liveness probe failed: {HTTP probe failed with statuscode: {500|503}|Get "http://{podIp}:{8080|3000}/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)}', level: 'WARN', component: 'Warning|Unhealthy|pod', weight: 2 },
    { label: 'Error', pattern: 'Readiness probe failed: Get "http://{thePodIp}:{port8080}/{ready|healthz}": dial tcp {samePodIp}:{samePort}: connect: connection refused', level: 'WARN', component: 'Warning|Unhealthy|pod', weight: 2 },
    { label: 'Error', pattern: 'Failed to pull image "{theImage}": rpc error: code = NotFound desc = failed to pull and unpack image "{sameImage}": failed to resolve reference "{sameImage}": not found', level: 'WARN', component: 'Warning|Failed|pod' },
    { label: 'Error', pattern: 'Error: {ImagePullBackOff|ErrImagePull}', level: 'WARN', component: 'Warning|Failed|pod', weight: 2 },
    { label: 'Error', pattern: 'Back-off pulling image "{image}"', level: 'INFO', component: 'Normal|BackOff|pod', weight: 2 },
    { label: 'Error', pattern: '0/{int:3:40} nodes are available: {int:1:40} Insufficient {cpu|memory}. preemption: 0/{int:3:40} nodes are available: {int:1:40} No preemption victims found for incoming pod..', level: 'WARN', component: 'Warning|FailedScheduling|pod', weight: 2 },
    { label: 'Error', pattern: 'MountVolume.SetUp failed for volume "{config|tls|secrets}" : {configmap|secret} "{deployment}-{config|tls}" not found', level: 'WARN', component: 'Warning|FailedMount|pod' },
    { label: 'Error', pattern: 'failed to get {cpu|memory} utilization: unable to get metrics for resource {cpu|memory}: no metrics returned from resource metrics API', level: 'WARN', component: 'Warning|FailedGetResourceMetric|horizontalpodautoscaler' },
    { label: 'Error', pattern: 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "{hex64}": plugin type="{calico|aws-cni|cilium-cni}" failed (add): {error getting ClusterInformation: connection is unauthorized: Unauthorized|add cmd: failed to assign an IP address to container}', level: 'WARN', component: 'Warning|FailedCreatePodSandBox|pod' },
    { label: 'Critical Error', pattern: 'Back-off restarting failed container{| {containerName} in pod {thePod}_{namespace}({podUid})}', level: 'WARN', component: 'Warning|BackOff|pod', weight: 3 },
    { label: 'Critical Error', pattern: 'Memory cgroup out of memory: Killed process {pid} ({java|node|python3|postgres|ruby}) total-vm:{int:100000:9000000}kB, anon-rss:{int:100000:4000000}kB, file-rss:{int:0:90000}kB, shmem-rss:0kB, UID:{0|1000|65532} pgtables:{int:100:9000}kB oom_score_adj:{int:-997:1000}', level: 'WARN', component: 'Warning|OOMKilling|node' },
    { label: 'Critical Error', pattern: 'Node {theNode} status is now: NodeNotReady', level: 'INFO', component: 'Normal|NodeNotReady|node', weight: 2 },
    { label: 'Critical Error', pattern: 'Node is not ready', level: 'WARN', component: 'Warning|NodeNotReady|pod' },
  ],
});
