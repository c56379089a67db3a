import { FILLERS, formatDate, formatTime, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { MONTHS, moment, pad } from './headers';
import { KUBE_FILLERS } from './kube-ids';
import TEMPLATES_CONTAINERD from './templates/containerd.json';

/**
 * containerd (CRI plugin) and dockerd, which log through logrus
 * (`time="..." level=info msg="..."`), usually read from journald.
 */

const logrusLevel = (level: FamilyLevel): string => {
  if (level === 'WARN') return 'warning';
  if (level === 'CRITICAL' || level === 'ALERT') return 'fatal';
  if (level === null || level === 'NOTICE') return 'info';
  return level.toLowerCase();
};

const logrusLine = (m: string, level: FamilyLevel, t: ReturnType<typeof moment>, nanos: string): string =>
  `time="${formatDate(t)}T${formatTime(t)}.${nanos}Z" level=${logrusLevel(level)} msg="${m.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** logrus text as the daemon writes it to stderr. */
const logrus: LineFormat = (m, { level, rng }) => logrusLine(m, level, moment(rng), `${pad(rng.int(0, 999999999), 9)}`);

/** The same line as journald shows it: `Jan 02 03:04:05 node-1 containerd[1234]: time=...`. */
const journald: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  return `${MONTHS[t.month - 1]} ${pad(t.day, 2)} ${formatTime(t)} ${KUBE_FILLERS.node(rng)} ${component ?? 'containerd'}[${FILLERS.pid(rng)}]: ${logrusLine(m, level, t, pad(rng.int(0, 999999999), 9))}`;
};

const sandbox: Filler = (r) => `&PodSandboxMetadata{Name:${KUBE_FILLERS.pod(r)},Uid:${FILLERS.uuid(r)},Namespace:${KUBE_FILLERS.namespace(r)},Attempt:${r.weighted<number>([[0, 6], [1, 2], [2, 1]])},}`;
const short: Filler = (r) => r.hex(12);

export const containerd = defineFamily({
  family: 'containerd',
  description: 'containerd CRI and dockerd daemons (logrus text, often through journald)',
  sources: ['containerd', 'dockerd'],
  formats: [logrus, journald],
  fillers: { ...KUBE_FILLERS, sandbox, short },
  templates: familyTemplates(TEMPLATES_CONTAINERD),
});
