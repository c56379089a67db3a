import type { Filler } from '../../fillers';
import { defineFamily, type LineFormat } from '../log-family';
import { moment, pad, sticky } from './headers';

/**
 * Apache Spark driver and executors. Memory figures of the block manager are
 * Resource Usage; a failed task is Error; a lost executor or an
 * OutOfMemoryError is Critical Error (the process is gone).
 */

/** Spark's default log4j pattern `%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m`. */
const sparkHeader: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  return `${pad(t.year % 100, 2)}/${pad(t.month, 2)}/${pad(t.day, 2)} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)} ${level ?? 'INFO'} ${component ?? 'Executor'}: ${m}`;
};

const smallSize: Filler = (r) => r.weighted<string>([[`${(r.next() * 900 + 1).toFixed(1)} KB`, 4], [`${r.int(100, 999)}.0 B`, 1], [`${(r.next() * 90 + 1).toFixed(1)} MB`, 1]]);
const freeSize: Filler = (r) => r.weighted<string>([[`${(r.next() * 20 + 0.1).toFixed(1)} GB`, 3], [`${(r.next() * 999 + 1).toFixed(1)} MB`, 1]]);
const capacity: Filler = (r) => r.weighted<string>([[`${(r.next() * 20 + 0.3).toFixed(1)} GB`, 3], [`${r.int(200, 999)}.${r.int(0, 9)} MB`, 1]]);
const task: Filler = (r) => `${r.int(0, 399)}.${r.weighted<number>([[0, 8], [1, 2], [2, 1]])}`;
const stage: Filler = (r) => `${r.int(0, 120)}.${r.weighted<number>([[0, 8], [1, 2]])}`;
const progress: Filler = (r) => {
  const total = r.int(1, 400);
  return `(${r.int(1, total)}/${total})`;
};
const overLimit: Filler = (r) => {
  const limit = r.int(1, 20);
  return `${(limit + r.next() * 0.5 + 0.05).toFixed(1)} GB of ${limit} GB physical memory used`;
};
const tid: Filler = (r) => String(r.int(0, 60000));
const executorId: Filler = (r) => String(r.int(1, 200));
const broadcast: Filler = (r) => r.weighted<string>([[`broadcast_${r.int(0, 300)}`, 2], [`broadcast_${r.int(0, 300)}_piece0`, 2], [`rdd_${r.int(0, 90)}_${r.int(0, 400)}`, 2], [`taskresult_${r.int(0, 9000)}`, 1]]);
const sparkHost: Filler = (r) => r.pick([`${r.pick(['ip-10-0', 'ip-172-31'])}-${r.int(0, 255)}-${r.int(1, 254)}.ec2.internal`, `worker-${r.int(1, 64)}.spark.internal`, `mesos-slave-${pad(r.int(1, 30), 2)}`, `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`]);
const container: Filler = (r) => `container_${r.chance(0.4) ? `e${r.int(1, 90)}_` : ''}${r.int(1445000000000, 1735000000000)}_${pad(r.int(1, 9999), 4)}_${pad(r.int(1, 2), 2)}_${pad(r.int(1, 400), 6)}`;
const sparkUser: Filler = (r) => r.pick(['yarn', 'hadoop', 'spark', 'root', 'hdfs', 'etl', 'hive', 'livy', `u${r.int(1000, 9999)}`]);
const appName: Filler = (r) => r.pick(['SparkPi', 'DailyAggregation', 'SessionizeEvents', 'ETL-orders', 'pyspark-shell', 'spark-shell', 'FeatureBuilder', 'thriftserver']);
const blockManagerId: Filler = (r) => `BlockManagerId(${r.chance(0.2) ? 'driver' : r.int(1, 200)}, ${sparkHost(r)}, ${r.int(30000, 60000)}, None)`;
const lostHost = sticky(sparkHost);
const blockMgrDir: Filler = (r) => `/${r.pick(['mnt/yarn/usercache/hadoop/appcache', 'var/spark', 'data/1/yarn/local/usercache/etl/appcache'])}/${r.chance(0.5) ? `application_${r.int(1445000000000, 1735000000000)}_${pad(r.int(1, 9999), 4)}/` : ''}blockmgr-${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-${r.hex(4)}-${r.hex(12)}`;

export const spark = defineFamily({
  family: 'spark',
  description: 'Apache Spark driver and executor logs (log4j default pattern)',
  sources: ['spark-executor', 'spark-driver', 'spark'],
  formats: [sparkHeader],
  fillers: { theHost: lostHost.draw, sameHost: lostHost.again, progress, overLimit, smallSize, freeSize, capacity, task, stage, tid, executorId, broadcast, sparkHost, container, sparkUser, appName, blockManagerId, blockMgrDir },
  templates: [
    { label: 'System Notification', pattern: 'Running task {task} in stage {stage} (TID {tid})', level: 'INFO', component: 'Executor', weight: 4 },
    { label: 'System Notification', pattern: 'Finished task {task} in stage {stage} (TID {tid}). {int:900:9000} bytes result sent to driver', level: 'INFO', component: 'Executor', weight: 4 },
    { label: 'System Notification', pattern: 'Finished task {task} in stage {stage} (TID {tid}) in {int:5:90000} ms on {sparkHost} (executor {executorId}) {progress}', level: 'INFO', component: 'TaskSetManager', weight: 3 },
    { label: 'System Notification', pattern: 'Starting task {task} in stage {stage} (TID {tid}, {sparkHost}, executor {executorId}, partition {int:0:400}, {PROCESS_LOCAL|NODE_LOCAL|RACK_LOCAL|ANY}, {int:4000:9000} bytes)', level: 'INFO', component: 'TaskSetManager', weight: 3 },
    { label: 'System Notification', pattern: 'Got assigned task {tid}', level: 'INFO', component: 'CoarseGrainedExecutorBackend', weight: 3 },
    { label: 'System Notification', pattern: 'Started reading broadcast variable {int:0:300}', level: 'INFO', component: 'TorrentBroadcast', weight: 2 },
    { label: 'System Notification', pattern: 'Reading broadcast variable {int:0:300} took {int:1:900} ms', level: 'INFO', component: 'TorrentBroadcast', weight: 2 },
    { label: 'System Notification', pattern: 'Found block {broadcast} locally', level: 'INFO', component: 'BlockManager', weight: 2 },
    { label: 'System Notification', pattern: 'Registering BlockManager {blockManagerId}', level: 'INFO', component: 'BlockManagerMaster' },
    { label: 'System Notification', pattern: 'Registered BlockManager {blockManagerId}', level: 'INFO', component: 'BlockManagerMaster' },
    { label: 'System Notification', pattern: 'Successfully started service \'{sparkDriver|sparkExecutor|org.apache.spark.network.netty.NettyBlockTransferService|SparkUI}\' on port {int:4040:60000}.', level: 'INFO', component: 'Utils' },
    { label: 'System Notification', pattern: 'SecurityManager: authentication disabled; ui acls disabled; users  with view permissions: Set({sparkUser}); groups with view permissions: Set(); users  with modify permissions: Set({sparkUser}); groups with modify permissions: Set()', level: 'INFO', component: 'SecurityManager' },
    { label: 'System Notification', pattern: 'Registered signal handlers for [TERM, HUP, INT]', level: 'INFO', component: 'SignalUtils' },
    { label: 'System Notification', pattern: 'Created local directory at {blockMgrDir}', level: 'INFO', component: 'DiskBlockManager' },
    { label: 'System Notification', pattern: 'Submitting {int:1:400} missing tasks from ShuffleMapStage {int:0:120} (MapPartitionsRDD[{int:1:400}] at {map|mapPartitions|groupBy|reduceByKey|parquet} at {appName}.scala:{int:20:400}) (first 15 tasks are for partitions Vector(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14))', level: 'INFO', component: 'DAGScheduler' },
    { label: 'System Notification', pattern: 'ShuffleMapStage {int:0:120} ({map|groupBy|reduceByKey|repartition} at {appName}.scala:{int:20:400}) finished in {float:0:400:3} s', level: 'INFO', component: 'DAGScheduler', weight: 2 },
    { label: 'System Notification', pattern: 'Job {int:0:400} finished: {collect|count|save|saveAsTable|foreachPartition} at {appName}.scala:{int:20:400}, took {float:0:900:6} s', level: 'INFO', component: 'DAGScheduler', weight: 2 },
    { label: 'System Notification', pattern: 'Getting {int:1:400} (non-empty) blocks {including|out of} {int:1:400} {local|remote} blocks', level: 'INFO', component: 'ShuffleBlockFetcherIterator', weight: 2 },
    { label: 'System Notification', pattern: 'Successfully stopped SparkContext', level: 'INFO', component: 'SparkContext' },
    { label: 'System Notification', pattern: 'Driver commanded a shutdown', level: 'INFO', component: 'CoarseGrainedExecutorBackend' },
    { label: 'System Notification', pattern: 'Told to re-register on heartbeat', level: 'INFO', component: 'BlockManager' },
    { label: 'System Notification', pattern: 'Submitted application: {appName}', level: 'INFO', component: 'SparkContext' },
    { label: 'Resource Usage', pattern: 'Block {broadcast} stored as {values|bytes} in memory (estimated size {smallSize}, free {freeSize})', level: 'INFO', component: 'MemoryStore', weight: 4 },
    { label: 'Resource Usage', pattern: 'MemoryStore started with capacity {capacity}', level: 'INFO', component: 'MemoryStore' },
    { label: 'Resource Usage', pattern: 'Added {broadcast} in memory on {sparkHost}:{int:30000:60000} (size: {smallSize}, free: {freeSize})', level: 'INFO', component: 'BlockManagerInfo', weight: 3 },
    { label: 'Resource Usage', pattern: 'Will request {int:1:200} executor container(s), each with {int:1:8} core(s) and {int:1408:22528} MB memory (including {int:384:2048} MB of overhead)', level: 'INFO', component: 'YarnAllocator' },
    { label: 'Resource Usage', pattern: 'Thread {int:50:400} spilling sort data of {float:100:2048:1} MB to disk ({int:1:40}  times so far)', level: 'INFO', component: 'UnsafeExternalSorter' },
    { label: 'Deprecation Warning', pattern: 'The configuration key {\'spark.yarn.executor.memoryOverhead\' has been deprecated as of Spark 2.3 and may be removed in the future. Please use the new key \'spark.executor.memoryOverhead\'|\'spark.yarn.driver.memoryOverhead\' has been deprecated as of Spark 2.3 and may be removed in the future. Please use the new key \'spark.driver.memoryOverhead\'|\'spark.shuffle.spill\' has been deprecated as of Spark 1.6 and may be removed in the future. Please use the new key \'spark.shuffle.spill.compress\'} instead.', level: 'WARN', component: 'SparkConf' },
    { label: 'Error', pattern: 'Exception in task {task} in stage {stage} (TID {tid})', level: 'ERROR', component: 'Executor', weight: 2 },
    { label: 'Error', pattern: 'Lost task {task} in stage {stage} (TID {tid}) ({sparkHost} executor {executorId}): {java.io.FileNotFoundException: /data/raw/events/part-{int:0:999}.parquet (No such file or directory)|org.apache.spark.shuffle.FetchFailedException: Failed to connect to {sparkHost}:7337|java.lang.NullPointerException|org.apache.spark.SparkException: Task failed while writing rows.}', level: 'WARN', component: 'TaskSetManager', weight: 2 },
    { label: 'Error', pattern: 'Error sending message [message = Heartbeat({executorId},[Lscala.Tuple2;@{hex8},BlockManagerId({executorId}, {sparkHost}, {int:30000:60000}, None))] in {int:1:3} attempts', level: 'WARN', component: 'Executor' },
    { label: 'Error', pattern: 'Task {tid} in stage {stage} failed {int:1:4} times; aborting job', level: 'ERROR', component: 'TaskSetManager' },
    { label: 'Error', pattern: 'Failed to fetch block {shuffle_{int:0:40}_{int:0:400}_{int:0:400}|rdd_{int:0:90}_{int:0:400}}, and will not retry ({int:0:3} retries)', level: 'ERROR', component: 'RetryingBlockFetcher' },
    { label: 'Critical Error', pattern: 'Lost executor {executorId} on {theHost}: Container marked as failed: {container} on host: {sameHost}. Exit status: {1|137|143|-100}. Diagnostics: {Container killed on request. Exit code is 137|Exception from container-launch.|Container released on a *lost* node}', level: 'ERROR', component: 'YarnScheduler' },
    { label: 'Critical Error', pattern: 'Lost task {task} in stage {stage} (TID {tid}) ({sparkHost} executor {executorId}): ExecutorLostFailure (executor {executorId} exited caused by one of the running tasks) Reason: Container killed by YARN for exceeding memory limits. {overLimit}. Consider boosting spark.yarn.executor.memoryOverhead.', level: 'WARN', component: 'TaskSetManager' },
    { label: 'Critical Error', pattern: 'Uncaught exception in thread {Executor task launch worker for task {tid}|dispatcher-event-loop-{int:0:7}|task-result-getter-{int:0:3}}: java.lang.OutOfMemoryError: {Java heap space|GC overhead limit exceeded}', level: 'ERROR', component: 'SparkUncaughtExceptionHandler' },
    { label: 'System Notification', pattern: 'RECEIVED SIGNAL TERM', level: 'ERROR', component: 'CoarseGrainedExecutorBackend' },
    { label: 'Critical Error', pattern: 'Executor self-exiting due to : Driver {sparkHost}:{int:30000:60000} disassociated! Shutting down.', level: 'ERROR', component: 'CoarseGrainedExecutorBackend' },
  ],
});
