import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { oneOf, sticky } from './headers';
import { KUBE_FILLERS } from './kube-ids';
import TEMPLATES_KUBE_EVENTS from './templates/kube-events.json';

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
  templates: familyTemplates(TEMPLATES_KUBE_EVENTS),
});
