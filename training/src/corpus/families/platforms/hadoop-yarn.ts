import { FILLERS, formatDate, formatTime, type Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { moment, pad, sticky } from './headers';
import TEMPLATES_HADOOP_YARN from './templates/hadoop-yarn.json';

/**
 * Hadoop MapReduce on YARN: ResourceManager, NodeManager, the MR
 * ApplicationMaster and task JVMs. A task attempt that fails is Error; a node
 * declared LOST or UNHEALTHY and a container killed for its memory are
 * Critical Error; periodic container memory figures are Resource Usage.
 */

/** The thread the MR ApplicationMaster logs a class's messages from. */
function threadOf(component: string, rng: Prng): string {
  if (/TaskAttemptImpl|TaskImpl|JobImpl/.test(component)) return 'AsyncDispatcher event handler';
  if (/RMContainerAllocator|RMCommunicator/.test(component)) return 'RMCommunicator Allocator';
  if (/TaskAttemptListenerImpl/.test(component)) return `IPC Server handler ${rng.int(0, 29)} on ${rng.int(30000, 65000)}`;
  if (/ContainerLauncherImpl/.test(component)) return `ContainerLauncher #${rng.int(0, 9)}`;
  if (/reduce\.(Fetcher|ShuffleSchedulerImpl)/.test(component)) return `fetcher#${rng.int(1, 5)}`;
  if (/LeaseRenewer|ipc\.Client/.test(component)) return rng.pick(['LeaseRenewer:hadoop@namenode:8020', 'main', 'communication thread']);
  return 'main';
}

/** Daemons: `%d{ISO8601} %p %c: %m`. */
const daemonHeader: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  return `${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)} ${level ?? 'INFO'} ${component ?? 'org.apache.hadoop.yarn.server.nodemanager.NodeManager'}: ${m}`;
};

/** Containers (the AM and task JVMs): `%d{ISO8601} %p [%t] %c: %m`. */
const containerHeader: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  const cls = component ?? 'org.apache.hadoop.mapreduce.v2.app.MRAppMaster';
  return `${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)} ${level ?? 'INFO'} [${threadOf(cls, rng)}] ${cls}: ${m}`;
};

const clusterTs = (r: Prng): string => String(r.int(1445000000000, 1735000000000));
const seq = (r: Prng): string => pad(r.weighted<number>([[r.int(1, 60), 3], [r.int(61, 9999), 1]]), 4);
/** `<cluster start ms>_<app seq>`, the part every id of one application shares. */
const appKey = sticky((r) => `${clusterTs(r)}_${seq(r)}`);
const taskType = (r: Prng): string => (r.chance(0.75) ? 'm' : 'r');
const attemptOf = (key: string, r: Prng): string => `attempt_${key}_${taskType(r)}_${pad(r.int(0, 300), 6)}_${r.weighted<number>([[0, 6], [1, 2], [2, 1], [3, 1]])}`;
const containerOf = (key: string, r: Prng): string => `container_${r.chance(0.3) ? `e${r.int(1, 90)}_` : ''}${key}_${pad(r.int(1, 2), 2)}_${pad(r.int(1, 400), 6)}`;
const application: Filler = (r) => `application_${appKey.draw(r)}`;
const appattempt: Filler = (r) => `appattempt_${appKey.draw(r)}_${pad(r.int(1, 2), 6)}`;
const jobId: Filler = (r) => `job_${appKey.draw(r)}`;
const attempt: Filler = (r) => attemptOf(appKey.draw(r), r);
const task: Filler = (r) => `task_${appKey.draw(r)}_${taskType(r)}_${pad(r.int(0, 300), 6)}`;
const container: Filler = (r) => containerOf(appKey.draw(r), r);
const jvm: Filler = (r) => `jvm_${appKey.draw(r)}_${taskType(r)}_${pad(r.int(2, 400), 6)}`;
/** Ids of the application the line named last: a container and the attempt it runs, an app and its AM attempt. */
const sameAppAttempt: Filler = (r) => attemptOf(appKey.again(r), r);
const sameAppAppattempt: Filler = (r) => `appattempt_${appKey.again(r)}_${pad(r.int(1, 2), 6)}`;
const nmHost: Filler = (r) => r.pick([`${FILLERS.host(r)}:${r.pick([45454, 8041, 42349, 36801])}`, `${r.pick(['MININT-', 'hadoop-worker-', 'dn'])}${r.int(1, 99)}.${r.pick(['fareast.corp.microsoft.com', 'cluster.local', 'hadoop.internal'])}:${r.int(30000, 65000)}`]);
const gigs = (r: Prng, max: number): string => (r.chance(0.3) ? String(r.int(1, max)) : (r.next() * max + 0.1).toFixed(1));
/** `301.6 MB of 1 GB physical memory used; 1.6 GB of 2.1 GB virtual memory used` */
const memoryUse: Filler = (r) => {
  const physLimit = r.pick([1, 2, 3, 4, 8]);
  const used = r.chance(0.6) ? `${(r.next() * 1000 + 20).toFixed(1)} MB` : `${(r.next() * physLimit * 0.95 + 0.05).toFixed(1)} GB`;
  return `${used} of ${physLimit} GB physical memory used; ${gigs(r, physLimit * 2)} GB of ${(physLimit * 2.1).toFixed(1)} GB virtual memory used`;
};
const overLimit: Filler = (r) => {
  const physLimit = r.pick([1, 2, 4, 8]);
  return `${(physLimit + r.next() * 0.4 + 0.05).toFixed(1)} GB of ${physLimit} GB physical memory used; ${gigs(r, physLimit * 2)} GB of ${(physLimit * 2.1).toFixed(1)} GB virtual memory used`;
};
const attemptTransition: Filler = (r) =>
  r.pick(['NEW to UNASSIGNED', 'UNASSIGNED to ASSIGNED', 'ASSIGNED to RUNNING', 'RUNNING to SUCCESS_FINISHING_CONTAINER', 'SUCCESS_FINISHING_CONTAINER to SUCCEEDED', 'RUNNING to SUCCESS_CONTAINER_CLEANUP', 'SUCCESS_CONTAINER_CLEANUP to SUCCEEDED', 'RUNNING to KILL_CONTAINER_CLEANUP', 'KILL_CONTAINER_CLEANUP to KILL_TASK_CLEANUP', 'KILL_TASK_CLEANUP to KILLED']);
const ipcPort: Filler = (r) => String(r.pick([8020, 8030, 8031, 8032, 10020, 9000, r.int(30000, 65000)]));

export const hadoopYarn = defineFamily({
  family: 'hadoop-yarn',
  description: 'Hadoop YARN ResourceManager/NodeManager and the MapReduce ApplicationMaster and tasks (log4j)',
  sources: ['yarn-resourcemanager', 'yarn-nodemanager', 'mapreduce', 'hadoop'],
  formats: [daemonHeader, containerHeader],
  fillers: { application, appattempt, jobId, attempt, task, container, jvm, sameAppAttempt, sameAppAppattempt, nmHost, memoryUse, overLimit, attemptTransition, ipcPort },
  templates: familyTemplates(TEMPLATES_HADOOP_YARN),
});
