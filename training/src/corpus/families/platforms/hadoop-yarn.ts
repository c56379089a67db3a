import { FILLERS, formatDate, formatTime, type Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type LineFormat } from '../log-family';
import { moment, pad, sticky } from './headers';

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
  templates: [
    { label: 'System Notification', pattern: '{attempt} TaskAttempt Transitioned from {attemptTransition}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.job.impl.TaskAttemptImpl', weight: 4 },
    { label: 'System Notification', pattern: '{task} Task Transitioned from {NEW to SCHEDULED|SCHEDULED to RUNNING|RUNNING to SUCCEEDED|RUNNING to KILL_WAIT|KILL_WAIT to KILLED}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.job.impl.TaskImpl', weight: 3 },
    { label: 'System Notification', pattern: '{jobId}Job Transitioned from {NEW to INITED|INITED to SETUP|SETUP to RUNNING|RUNNING to COMMITTING|COMMITTING to SUCCEEDED}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.job.impl.JobImpl' },
    { label: 'System Notification', pattern: 'Progress of TaskAttempt {attempt} is : {float:0:1:8}', level: 'INFO', component: 'org.apache.hadoop.mapred.TaskAttemptListenerImpl', weight: 4 },
    { label: 'System Notification', pattern: 'Done acknowledgement from {attempt}', level: 'INFO', component: 'org.apache.hadoop.mapred.TaskAttemptListenerImpl', weight: 2 },
    { label: 'System Notification', pattern: 'JVM with ID: {jvm} given task: {sameAppAttempt}', level: 'INFO', component: 'org.apache.hadoop.mapred.TaskAttemptListenerImpl', weight: 2 },
    { label: 'System Notification', pattern: 'After Scheduling: PendingReds:{int:0:20} ScheduledMaps:{int:0:200} ScheduledReds:0 AssignedMaps:{int:0:200} AssignedReds:{int:0:20} CompletedMaps:{int:0:200} CompletedReds:{int:0:20} ContainersAllocated:{int:0:220} ContainersReleased:{int:0:40} HostLocal:{int:0:150} RackLocal:{int:0:60}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.rm.RMContainerAllocator', weight: 2 },
    { label: 'System Notification', pattern: 'Assigned container {container} to {sameAppAttempt}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.rm.RMContainerAllocator', weight: 2 },
    { label: 'System Notification', pattern: 'Received completed container {container}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.rm.RMContainerAllocator', weight: 2 },
    { label: 'System Notification', pattern: 'Processing the event EventType: {CONTAINER_REMOTE_LAUNCH|CONTAINER_REMOTE_CLEANUP} for container {container} taskAttempt {sameAppAttempt}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.launcher.ContainerLauncherImpl', weight: 2 },
    { label: 'System Notification', pattern: 'Created MRAppMaster for application {appattempt}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.MRAppMaster' },
    { label: 'System Notification', pattern: 'Container {container} transitioned from {NEW to LOCALIZING|LOCALIZING to LOCALIZED|LOCALIZED to RUNNING|RUNNING to EXITED_WITH_SUCCESS|EXITED_WITH_SUCCESS to DONE|RUNNING to KILLING|KILLING to CONTAINER_CLEANEDUP_AFTER_KILL}', level: 'INFO', component: 'org.apache.hadoop.yarn.server.nodemanager.containermanager.container.ContainerImpl', weight: 3 },
    { label: 'System Notification', pattern: '{application} State change from {NEW to NEW_SAVING|NEW_SAVING to SUBMITTED|SUBMITTED to ACCEPTED|ACCEPTED to RUNNING|RUNNING to FINAL_SAVING|FINAL_SAVING to FINISHED} on event = {START|APP_NEW_SAVED|APP_ACCEPTED|ATTEMPT_REGISTERED|ATTEMPT_UNREGISTERED|APP_UPDATE_SAVED}', level: 'INFO', component: 'org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMAppImpl', weight: 2 },
    { label: 'System Notification', pattern: 'Added Application Attempt {appattempt} to scheduler from user: {user} in queue: {default|root.etl|root.adhoc|prod}', level: 'INFO', component: 'org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity.CapacityScheduler' },
    { label: 'System Notification', pattern: 'Container killed on request. Exit code is 143', level: 'INFO', component: 'org.apache.hadoop.yarn.server.nodemanager.containermanager.launcher.ContainerLaunch', weight: 2 },
    { label: 'System Notification', pattern: 'Diagnostics report from {attempt}: Container killed by the ApplicationMaster.', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.job.impl.TaskAttemptImpl' },
    { label: 'System Notification', pattern: 'fetcher#{int:1:5} about to shuffle output of map {attempt} decomp: {bytes} len: {bytes} to {MEMORY|DISK}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.task.reduce.Fetcher', weight: 2 },
    { label: 'System Notification', pattern: '{nmHost} freed by fetcher#{int:1:5} in {int:1:9000}ms', level: 'INFO', component: 'org.apache.hadoop.mapreduce.task.reduce.ShuffleSchedulerImpl', weight: 2 },
    { label: 'System Notification', pattern: 'Address change detected. Old: {host}/{ip}:{ipcPort} New: {host}/{ip}:{ipcPort}', level: 'WARN', component: 'org.apache.hadoop.ipc.Client' },
    { label: 'System Notification', pattern: 'Job end notification started for jobID : {jobId}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.MRAppMaster' },
    { label: 'User Action', pattern: 'USER={user}\tIP={ip}\tOPERATION=Submit Application Request\tTARGET=ClientRMService\tRESULT=SUCCESS\tAPPID={application}{|\tQUEUENAME=default}', level: 'INFO', component: 'org.apache.hadoop.yarn.server.resourcemanager.RMAuditLogger' },
    { label: 'User Action', pattern: 'USER={user}\tIP={ip}\tOPERATION=Kill Application Request\tTARGET=ClientRMService\tRESULT=SUCCESS\tAPPID={application}', level: 'INFO', component: 'org.apache.hadoop.yarn.server.resourcemanager.RMAuditLogger' },
    { label: 'Security Alert', pattern: 'USER={user}\tOPERATION=Submit Application Request\tTARGET=ClientRMService\tRESULT=FAILURE\tDESCRIPTION=Unauthorized user\tPERMISSIONS=User {user} cannot perform operation SUBMIT_APP on queue {root.prod|root.finance|default}\tAPPID={application}', level: 'WARN', component: 'org.apache.hadoop.yarn.server.resourcemanager.RMAuditLogger' },
    { label: 'Deprecation Warning', pattern: '{mapred.job.tracker is deprecated. Instead, use mapreduce.jobtracker.address|mapred.reduce.tasks is deprecated. Instead, use mapreduce.job.reduces|mapred.output.dir is deprecated. Instead, use mapreduce.output.fileoutputformat.outputdir|io.bytes.per.checksum is deprecated. Instead, use dfs.bytes-per-checksum|session.id is deprecated. Instead, use dfs.metrics.session-id}', level: 'INFO', component: 'org.apache.hadoop.conf.Configuration.deprecation', weight: 2 },
    { label: 'Resource Usage', pattern: 'Memory usage of ProcessTree {int:1000:65000} for container-id {container}: {memoryUse}', level: 'INFO', component: 'org.apache.hadoop.yarn.server.nodemanager.containermanager.monitor.ContainersMonitorImpl', weight: 4 },
    { label: 'Resource Usage', pattern: 'MergerManager: memoryLimit={int:100000000:900000000}, maxSingleShuffleLimit={int:20000000:200000000}, mergeThreshold={int:60000000:600000000}, ioSortFactor={10|100}, memToMemMergeOutputsThreshold={10|100}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.task.reduce.MergeManagerImpl' },
    { label: 'Critical Error', pattern: 'Container [pid={int:1000:65000},containerID={container}] is running beyond physical memory limits. Current usage: {overLimit}. Killing container.', level: 'WARN', component: 'org.apache.hadoop.yarn.server.nodemanager.containermanager.monitor.ContainersMonitorImpl' },
    { label: 'Critical Error', pattern: 'Deactivating Node {nmHost} as it is now LOST', level: 'INFO', component: 'org.apache.hadoop.yarn.server.resourcemanager.rmnode.RMNodeImpl' },
    { label: 'Critical Error', pattern: 'Node {nmHost} reported UNHEALTHY with details: 1/1 local-dirs are bad: /hadoop/yarn/local; 1/1 log-dirs are bad: /hadoop/yarn/log', level: 'INFO', component: 'org.apache.hadoop.yarn.server.resourcemanager.rmnode.RMNodeImpl' },
    { label: 'Error', pattern: '{attempt} TaskAttempt Transitioned from {RUNNING to FAIL_CONTAINER_CLEANUP|FAIL_CONTAINER_CLEANUP to FAIL_TASK_CLEANUP|FAIL_TASK_CLEANUP to FAILED}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.job.impl.TaskAttemptImpl' },
    { label: 'Error', pattern: 'Diagnostics report from {attempt}: Error: java.{io.IOException: Spill failed|net.SocketTimeoutException: 60000 millis timeout while waiting for channel to be ready for read|lang.RuntimeException: java.lang.ClassNotFoundException: Class com.example.etl.{EventMapper|SessionReducer} not found}', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.job.impl.TaskAttemptImpl' },
    { label: 'Error', pattern: 'Retrying connect to server: {host}/{ip}:{ipcPort}. Already tried {int:0:9} time(s); retry policy is RetryUpToMaximumCountWithFixedSleep(maxRetries=10, sleepTime=1000 MILLISECONDS)', level: 'INFO', component: 'org.apache.hadoop.ipc.Client', weight: 3 },
    { label: 'Error', pattern: 'Failed to renew lease for [DFSClient_NONMAPREDUCE_{int:100000000:2147483647}_1] for {int:30:900} seconds.  Will retry shortly ...', level: 'WARN', component: 'org.apache.hadoop.hdfs.LeaseRenewer', weight: 2 },
    { label: 'Error', pattern: 'Exception running child : java.net.NoRouteToHostException: No Route to Host from  {host}/{ip} to {host}:{ipcPort} failed on socket timeout exception: java.net.NoRouteToHostException: No route to host; For more details see:  http://wiki.apache.org/hadoop/NoRouteToHost', level: 'WARN', component: 'org.apache.hadoop.mapred.YarnChild' },
    { label: 'Error', pattern: 'ERROR IN CONTACTING RM. ', level: 'ERROR', component: 'org.apache.hadoop.mapreduce.v2.app.rm.RMContainerAllocator' },
    { label: 'Error', pattern: 'Reporting fetch failure for {attempt} to jobtracker.', level: 'INFO', component: 'org.apache.hadoop.mapreduce.task.reduce.ShuffleSchedulerImpl' },
    { label: 'Error', pattern: 'Too many fetch-failures for output of task attempt: {attempt} ... raising fetch failure to map', level: 'INFO', component: 'org.apache.hadoop.mapreduce.v2.app.job.impl.JobImpl' },
    { label: 'Error', pattern: 'Application {application} failed 2 times due to AM Container for {sameAppAppattempt} exited with  exitCode: {1|-1000|-104|255}', level: 'INFO', component: 'org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMAppImpl' },
  ],
});
