import { type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { moment, pad } from './headers';
import { KUBE_FILLERS } from './kube-ids';

/**
 * Kubernetes control plane and kubelet through klog (structured messages,
 * `key="value"` pairs). The apiserver's httplog line is HTTP Status; a failed
 * probe, pull or mount is Error; a container in CrashLoopBackOff (it cannot
 * start), an OOM kill and a node that is not ready are Critical Error.
 */

const klogLetter = (level: FamilyLevel): string => {
  if (level === 'WARN') return 'W';
  if (level === 'ERROR' || level === 'ALERT') return 'E';
  if (level === 'FATAL' || level === 'CRITICAL') return 'F';
  return 'I';
};

/** `I0102 03:04:05.678901    1234 kubelet.go:2345] message` */
const klogHeader: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  return `${klogLetter(level)}${pad(t.month, 2)}${pad(t.day, 2)} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.millis * 1000 + rng.int(0, 999), 6)} ${String(rng.int(1, 9999)).padStart(7, ' ')} ${component ?? 'kubelet.go:2409'}] ${m}`;
};

const probeOutput: Filler = (r) => {
  const ip = `10.244.${r.int(0, 255)}.${r.int(2, 254)}`;
  const port = r.pick([8080, 8081, 3000, 9090, 80]);
  return r.pick([
    `Get \\"http://${ip}:${port}/${r.pick(['healthz', 'ready', 'actuator/health', 'livez'])}\\": dial tcp ${ip}:${port}: connect: connection refused`,
    `Get \\"http://${ip}:${port}/healthz\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    'HTTP probe failed with statuscode: 503',
  ]);
};
const duration: Filler = (r) => r.pick(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s']);
const eviction: Filler = (r) => r.pick(['memory', 'ephemeral-storage', 'nodefs.available', 'imagefs.available']);

export const kubernetes = defineFamily({
  family: 'kubernetes',
  description: 'Kubernetes kubelet, kube-apiserver, controller-manager and scheduler (klog)',
  sources: ['kubelet', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubernetes'],
  formats: [klogHeader],
  fillers: { ...KUBE_FILLERS, probeOutput, duration, eviction },
  templates: [
    { label: 'System Notification', pattern: '"SyncLoop {ADD|UPDATE|DELETE|REMOVE|RECONCILE}" source="api" pods=["{nsPod}"]', level: 'INFO', component: 'kubelet.go:2409', weight: 4 },
    { label: 'System Notification', pattern: '"SyncLoop (probe)" probe="{readiness|startup}" status="{ready|started|}" pod="{nsPod}"', level: 'INFO', component: 'kubelet.go:2537', weight: 3 },
    { label: 'System Notification', pattern: '"SyncLoop (PLEG): event for pod" pod="{nsPod}" event={lb}"ID":"{podUid}","Type":"{ContainerStarted|ContainerDied}","Data":"{hex64}"{rb}', level: 'INFO', component: 'kubelet.go:2441', weight: 3 },
    { label: 'System Notification', pattern: '"Killing container with a grace period" pod="{nsPod}" podUID="{podUid}" containerName="{containerName}" containerID="containerd://{hex64}" gracePeriod={30|10|60|1}', level: 'INFO', component: 'kuberuntime_container.go:745', weight: 2 },
    { label: 'System Notification', pattern: '"RemoveContainer" containerID="{hex64}"', level: 'INFO', component: 'scope.go:117', weight: 2 },
    { label: 'System Notification', pattern: '"operationExecutor.MountVolume started for volume \\"{kube-api-access-{hex8}|config|data|tls-certs}\\" (UniqueName: \\"kubernetes.io/{projected|configmap|secret}/{podUid}-volume\\") pod=\\"{pod}\\" (UID: \\"{podUid}\\") " pod="{nsPod}"', level: 'INFO', component: 'reconciler_common.go:258' },
    { label: 'System Notification', pattern: '"Successfully registered node" node="{node}"', level: 'INFO', component: 'kubelet_node_status.go:76' },
    { label: 'System Notification', pattern: '"Recording event message for node" node="{node}" event="{NodeHasSufficientMemory|NodeHasNoDiskPressure|NodeHasSufficientPID|NodeReady}"', level: 'INFO', component: 'kubelet_node_status.go:679' },
    { label: 'System Notification', pattern: '"Event occurred" object="{namespace}/{deployment}" fieldPath="" kind="Deployment" apiVersion="apps/v1" type="Normal" reason="ScalingReplicaSet" message="Scaled {up|down} replica set {replicaSet} to {int:0:20}"', level: 'INFO', component: 'event.go:307', weight: 2 },
    { label: 'System Notification', pattern: '"Successfully acquired lease" lease="kube-system/{kube-controller-manager|kube-scheduler}"', level: 'INFO', component: 'leaderelection.go:260' },
    { label: 'HTTP Status', pattern: '"HTTP" verb="{GET|LIST|WATCH|PATCH|POST|DELETE}" URI="/api{|s/apps}/v1/namespaces/{namespace}/{pods|configmaps|deployments|leases}{|/{pod}}" latency="{float:0:900:3}ms" userAgent="{kubectl/v1.28.4 (linux/amd64) kubernetes/bae2c62|kubelet/v1.27.7 (linux/amd64) kubernetes/07a61d8|argocd-application-controller/v0.0.0 (linux/amd64) kubernetes/$Format}" audit-ID="{podUid}" srcIP="{ip}:{int:32768:60999}" resp={200|200|201|404|409|403|500}', level: 'INFO', component: 'httplog.go:132', weight: 3 },
    { label: 'Resource Usage', pattern: '"Eviction manager: attempting to reclaim" resourceName="{eviction}"', level: 'INFO', component: 'eviction_manager.go:366' },
    { label: 'Resource Usage', pattern: '"Disk usage on image filesystem is over the high threshold, trying to free bytes down to the low threshold" usage={int:86:99} highThreshold=85 amountToFree={int:100000000:9000000000} lowThreshold=80', level: 'INFO', component: 'image_gc_manager.go:337' },
    { label: 'Error', pattern: '"Probe failed" probeType="{Liveness|Readiness|Startup}" pod="{nsPod}" podUID="{podUid}" containerName="{containerName}" probeResult="failure" output="{probeOutput}"', level: 'INFO', component: 'prober.go:107', weight: 3 },
    { label: 'Error', pattern: '"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"{containerName}\\" with ImagePullBackOff: \\"Back-off pulling image \\\\\\"{image}\\\\\\"\\"" pod="{nsPod}" podUID="{podUid}"', level: 'ERROR', component: 'pod_workers.go:1300', weight: 2 },
    { label: 'Error', pattern: '"Failed to pull image" err="rpc error: code = {NotFound desc = failed to pull and unpack image \\"{theImage}\\": failed to resolve reference \\"{sameImage}\\": not found|Unknown desc = failed to pull and unpack image \\"{theImage}\\": failed to resolve reference \\"{sameImage}\\": unexpected status from HEAD request: 401 Unauthorized}" image="{sameImage}"', level: 'ERROR', component: 'remote_image.go:180', weight: 2 },
    { label: 'Error', pattern: '"MountVolume.SetUp failed for volume \\"{config|tls-certs|secrets}\\" : {configmap|secret} \\"{deployment}-{config|tls|env}\\" not found" pod="{nsPod}"', level: 'ERROR', component: 'nestedpendingoperations.go:348' },
    { label: 'Error', pattern: '"Unable to schedule pod; no fit; waiting" pod="{nsPod}" err="0/{int:3:40} nodes are available: {int:1:40} Insufficient {cpu|memory}{|, {int:1:3} node(s) had untolerated taint {lb}node-role.kubernetes.io/control-plane: {rb}}. preemption: 0/{int:3:40} nodes are available: {int:1:40} No preemption victims found for incoming pod.."', level: 'INFO', component: 'schedule_one.go:1004', weight: 2 },
    { label: 'Error', pattern: '"Image garbage collection failed once. Stats initialization may not have completed yet" err="invalid capacity 0 on image filesystem"', level: 'ERROR', component: 'kubelet.go:1400' },
    { label: 'Security Alert', pattern: '"Unable to authenticate the request" err="[{invalid bearer token, service account token has expired|x509: certificate signed by unknown authority|invalid bearer token, square/go-jose: error in cryptographic primitive}]"', level: 'ERROR', component: 'authentication.go:73', weight: 2 },
    { label: 'Critical Error', pattern: '"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"{theContainer}\\" with CrashLoopBackOff: \\"back-off {duration} restarting failed container={sameContainer} pod={thePod}_{ns}({podUid})\\"" pod="{sameNs}/{samePod}" podUID="{podUid}"', level: 'ERROR', component: 'pod_workers.go:1300', weight: 3 },
    { label: 'Critical Error', pattern: '"Node became not ready" node="{node}" condition={lb}Type:Ready Status:False LastHeartbeatTime:{datetime} +0000 UTC LastTransitionTime:{datetime} +0000 UTC Reason:KubeletNotReady Message:{container runtime is down|PLEG is not healthy: pleg was last seen active 3m0.{int:100000000:999999999}s ago; threshold is 3m0s|container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized}{rb}', level: 'INFO', component: 'setters.go:552' },
    { label: 'Critical Error', pattern: '"Container runtime network not ready" networkReady="NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"', level: 'ERROR', component: 'kubelet.go:2855' },
    { label: 'Critical Error', pattern: 'Node {node} hasn\'t been updated for {int:40:900}.{int:100000000:999999999}s. Last Ready is: &NodeCondition{lb}Type:Ready,Status:Unknown,LastHeartbeatTime:{datetime} +0000 UTC,Reason:NodeStatusUnknown,Message:Kubelet stopped posting node status.,{rb}', level: 'INFO', component: 'node_lifecycle_controller.go:1152' },
    { label: 'Deprecation Warning', pattern: '{policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+|batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob|autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in v1.23+, unavailable in v1.26+; use autoscaling/v2 HorizontalPodAutoscaler|flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema is deprecated in v1.26+, unavailable in v1.29+; use flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema}', level: 'WARN', component: 'warnings.go:70', weight: 2 },
  ],
});
