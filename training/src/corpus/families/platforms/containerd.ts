import { FILLERS, formatDate, formatTime, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { MONTHS, moment, pad } from './headers';
import { KUBE_FILLERS } from './kube-ids';

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
  templates: [
    { label: 'System Notification', pattern: 'RunPodSandbox for {sandbox} returns sandbox id "{hex64}"', level: 'INFO', component: 'containerd', weight: 2 },
    { label: 'System Notification', pattern: 'CreateContainer within sandbox "{hex64}" for &ContainerMetadata{lb}Name:{containerName},Attempt:{int:0:5},{rb} returns container id "{hex64}"', level: 'INFO', component: 'containerd', weight: 2 },
    { label: 'System Notification', pattern: 'StartContainer for "{hex64}" returns successfully', level: 'INFO', component: 'containerd', weight: 3 },
    { label: 'System Notification', pattern: 'PullImage "{image}" returns image reference "sha256:{hex64}"', level: 'INFO', component: 'containerd', weight: 2 },
    { label: 'System Notification', pattern: 'StopPodSandbox for "{hex64}" returns successfully', level: 'INFO', component: 'containerd', weight: 2 },
    { label: 'System Notification', pattern: 'TearDown network for sandbox "{hex64}" successfully', level: 'INFO', component: 'containerd', weight: 2 },
    { label: 'System Notification', pattern: 'shim disconnected', level: 'INFO', component: 'containerd', weight: 2 },
    { label: 'System Notification', pattern: 'cleaning up dead shim', level: 'WARN', component: 'containerd' },
    { label: 'System Notification', pattern: 'ignoring event', level: 'INFO', component: 'dockerd', weight: 2 },
    { label: 'System Notification', pattern: 'Container {hex64} failed to exit within {10|30} seconds of signal 15 - using the force', level: 'INFO', component: 'dockerd' },
    { label: 'System Notification', pattern: '{Loading containers: start.|Loading containers: done.|Daemon has completed initialization|API listen on /run/docker.sock|Processing signal \'terminated\'|Starting up}', level: 'INFO', component: 'dockerd' },
    { label: 'System Notification', pattern: '[graphdriver] using prior storage driver: overlay2', level: 'INFO', component: 'dockerd' },
    { label: 'Error', pattern: 'PullImage "{image}" failed', level: 'ERROR', component: 'containerd', weight: 2 },
    { label: 'Error', pattern: 'StopContainer for "{hex64}" failed', level: 'ERROR', component: 'containerd' },
    { label: 'Error', pattern: 'Failed to destroy network for sandbox "{hex64}"', level: 'ERROR', component: 'containerd' },
    { label: 'Error', pattern: 'Handler for POST /v1.{41|43|44}/containers/{short}/start returned error: driver failed programming external connectivity on endpoint {deployment}-{int:1:9} ({hex64}): Bind for 0.0.0.0:{80|443|5432|8080} failed: port is already allocated', level: 'ERROR', component: 'dockerd' },
    { label: 'Error', pattern: 'Error response from daemon: {No such container: {short}|pull access denied for {deployment}, repository does not exist or may require \'docker login\'}', level: 'ERROR', component: 'dockerd' },
    { label: 'Error', pattern: 'failed to write to disk: write /var/lib/{containerd|docker}/{io.containerd.content.v1.content/ingest/{hex64}/data|overlay2/{hex64}/diff}: no space left on device', level: 'ERROR', component: 'containerd' },
    { label: 'Critical Error', pattern: 'containerd: {failed to load TOML: /etc/containerd/config.toml: invalid plugin key URI "cri" expect io.containerd.x.vx|failed to start daemon: Error initializing network controller: list bridge addresses failed}', level: 'FATAL', component: 'containerd' },
    { label: 'Deprecation Warning', pattern: '[DEPRECATION NOTICE] Docker Image Format v1 and Docker Image manifest version 2, schema 1 support is disabled by default and will be removed in an upcoming release. Suggest the author of {image} to upgrade the image to the OCI Format or Docker Image manifest v2, schema 2. More information at https://docs.docker.com/go/deprecated-image-specs/', level: 'WARN', component: 'dockerd' },
    { label: 'Deprecation Warning', pattern: 'CRI v1alpha2 API is deprecated since containerd v1.7 and removed in containerd v2.0. Use CRI v1 instead.', level: 'WARN', component: 'containerd' },
  ],
});
