import { type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { moment, pad } from './headers';
import { KUBE_FILLERS } from './kube-ids';
import TEMPLATES_KUBERNETES from './templates/kubernetes.json';

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
  templates: familyTemplates(TEMPLATES_KUBERNETES),
});
