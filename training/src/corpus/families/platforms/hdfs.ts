import { formatDate, formatTime, type Filler } from '../../fillers';
import { defineFamily, type LineFormat } from '../log-family';
import { digits, moment, pad } from './headers';

/**
 * HDFS NameNode and DataNode (Hadoop 0.x/1.x message wording, which later
 * releases kept for most block events). Block transfers that fail are one
 * operation failing (Error) even where HDFS logs them at INFO or WARN; a lost
 * volume or a DataNode declared dead is Critical Error.
 */

/** The compact header of early Hadoop: `081109 203615 148 INFO dfs.DataNode$PacketResponder: ...` (yyMMdd HHmmss thread LEVEL class). */
const compactHeader: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  const yy = pad(t.year % 100, 2);
  return `${yy}${pad(t.month, 2)}${pad(t.day, 2)} ${pad(t.hour, 2)}${pad(t.minute, 2)}${pad(t.second, 2)} ${rng.int(1, 35000)} ${level ?? 'INFO'} ${component ?? 'dfs.DataNode'}: ${m}`;
};

/** The same classes under their full package names, as log4j's `%c` prints them with the ISO8601 header. */
const FULL_CLASS: Readonly<Record<string, string>> = {
  'dfs.DataNode': 'org.apache.hadoop.hdfs.server.datanode.DataNode',
  'dfs.DataNode$PacketResponder': 'org.apache.hadoop.hdfs.server.datanode.DataNode',
  'dfs.DataNode$DataXceiver': 'org.apache.hadoop.hdfs.server.datanode.DataNode',
  'dfs.DataNode$DataTransfer': 'org.apache.hadoop.hdfs.server.datanode.DataNode',
  'dfs.DataBlockScanner': 'org.apache.hadoop.hdfs.server.datanode.DataBlockScanner',
  'dfs.FSDataset': 'org.apache.hadoop.hdfs.server.datanode.FSDataset',
  'dfs.FSNamesystem': 'org.apache.hadoop.hdfs.server.namenode.FSNamesystem',
  'dfs.StateChange': 'org.apache.hadoop.hdfs.StateChange',
  'dfs.NameNode': 'org.apache.hadoop.hdfs.server.namenode.NameNode',
  'dfs.FSEditLog': 'org.apache.hadoop.hdfs.server.namenode.FSEditLog',
  'dfs.SecondaryNameNode': 'org.apache.hadoop.hdfs.server.namenode.SecondaryNameNode',
  'dfs.PendingReplicationBlocks': 'org.apache.hadoop.hdfs.server.namenode.PendingReplicationBlocks',
  'ipc.Server': 'org.apache.hadoop.ipc.Server',
};

/** `2024-01-02 03:04:05,678 INFO org.apache.hadoop.hdfs.server.datanode.DataNode: ...` */
const isoHeader: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  const cls = FULL_CLASS[component ?? 'dfs.DataNode'] ?? component ?? 'org.apache.hadoop.hdfs.server.datanode.DataNode';
  return `${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)} ${level ?? 'INFO'} ${cls}: ${m}`;
};

/** Block ids are a signed 64-bit random number: `blk_-1608999687919862906`, `blk_7503483334202473044`. */
const blk: Filler = (r) => {
  // A 19-digit id stays within a signed 64-bit long (first digit at most 8).
  const id = r.chance(0.85) ? `${r.int(1, 8)}${digits(r, 18)}` : digits(r, 18);
  return `blk_${r.chance(0.5) ? '-' : ''}${id}`;
};
const dnIp: Filler = (r) => `10.${r.int(250, 251)}.${r.int(0, 255)}.${r.int(1, 254)}`;
const ephemeral: Filler = (r) => String(r.int(32768, 60999));
const job: Filler = (r) => `${r.int(2008, 2013)}${pad(r.int(1, 12), 2)}${pad(r.int(1, 28), 2)}${pad(r.int(0, 23), 2)}${pad(r.int(0, 59), 2)}_${pad(r.int(1, 40), 4)}`;
const hdfsPath: Filler = (r) =>
  r.weighted<string>([
    [`/user/etl/${r.pick(['rand', 'sortrand', 'randtxt', 'terasort-input'])}/_temporary/_task_${job(r)}_${r.pick(['m', 'r'])}_${pad(r.int(0, 2000), 6)}_${r.int(0, 3)}/part-${pad(r.int(0, 2000), 5)}`, 3],
    [`/mnt/hadoop/mapred/system/job_${job(r)}/job.${r.pick(['jar', 'xml', 'split'])}`, 2],
    [`/user/${r.pick(['hive', 'etl', 'spark', 'hdfs'])}/warehouse/${r.pick(['events', 'clicks', 'orders'])}/dt=${r.int(2023, 2026)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}/${r.hex(8)}-${pad(r.int(0, 99), 5)}.parquet`, 2],
    [`/apps/yarn/staging/${r.pick(['hive', 'etl', 'analytics'])}/.staging/job_${r.int(1400000000000, 1700000000000)}_${pad(r.int(1, 9999), 4)}/job.xml`, 1],
  ]);
const dataDir: Filler = (r) => `/${r.pick(['mnt/hadoop/dfs/data', 'data/1/dfs/dn', 'data/2/dfs/dn', 'hadoop/hdfs/data', 'data/3/dfs/dn'])}`;
const blockFile: Filler = (r) => `${dataDir(r)}/current/subdir${r.int(0, 63)}/${blk(r)}`;
/** `blk_X file /dir/current/subdirN/blk_X`: the block and its file name agree. */
const blockAndFile: Filler = (r) => {
  const id = blk(r);
  return `${id} file ${dataDir(r)}/current/${r.chance(0.6) ? `subdir${r.int(0, 63)}/` : ''}${id}`;
};
const failedVolume: Filler = (r) => {
  const dir = `${dataDir(r)}/current`;
  return `${dir}: org.apache.hadoop.util.DiskChecker$DiskErrorException: Directory is not writable: ${dir}`;
};
const volumeCounts: Filler = (r) => {
  const configured = r.int(2, 12);
  const failed = r.int(1, Math.min(3, configured - 1));
  return `current valid volumes: ${configured - failed}, volumes configured: ${configured}, volumes failed: ${failed}`;
};
const blockSize: Filler = (r) => String(r.weighted<number>([[67108864, 6], [134217728, 2], [r.int(1000, 67108863), 3], [r.int(1, 999), 1]]));

export const hdfs = defineFamily({
  family: 'hdfs',
  description: 'Hadoop HDFS NameNode and DataNode daemons (log4j)',
  sources: ['hdfs-datanode', 'hdfs-namenode', 'hadoop'],
  formats: [compactHeader, isoHeader],
  fillers: { blk, dnIp, ephemeral, hdfsPath, dataDir, blockFile, blockAndFile, failedVolume, volumeCounts, blockSize },
  templates: [
    { label: 'System Notification', pattern: 'Receiving block {blk} src: /{dnIp}:{ephemeral} dest: /{dnIp}:50010', level: 'INFO', component: 'dfs.DataNode$DataXceiver', weight: 4 },
    { label: 'System Notification', pattern: 'Received block {blk} of size {blockSize} from /{dnIp}', level: 'INFO', component: 'dfs.DataNode$PacketResponder', weight: 4 },
    { label: 'System Notification', pattern: 'Received block {blk} src: /{dnIp}:{ephemeral} dest: /{dnIp}:50010 of size {blockSize}', level: 'INFO', component: 'dfs.DataNode$DataXceiver', weight: 2 },
    { label: 'System Notification', pattern: 'PacketResponder {int:0:2} for block {blk} terminating', level: 'INFO', component: 'dfs.DataNode$PacketResponder', weight: 4 },
    { label: 'System Notification', pattern: 'BLOCK* NameSystem.addStoredBlock: blockMap updated: {dnIp}:50010 is added to {blk} size {blockSize}', level: 'INFO', component: 'dfs.FSNamesystem', weight: 4 },
    { label: 'System Notification', pattern: 'BLOCK* NameSystem.allocateBlock: {hdfsPath}. {blk}', level: 'INFO', component: 'dfs.FSNamesystem', weight: 3 },
    { label: 'System Notification', pattern: 'Deleting block {blockAndFile}', level: 'INFO', component: 'dfs.FSDataset', weight: 3 },
    { label: 'System Notification', pattern: 'BLOCK* NameSystem.delete: {blk} is added to invalidSet of {dnIp}:50010', level: 'INFO', component: 'dfs.FSNamesystem', weight: 3 },
    { label: 'System Notification', pattern: 'BLOCK* ask {dnIp}:50010 to delete {blk}{| {blk}| {blk} {blk}| {blk} {blk} {blk}}', level: 'INFO', component: 'dfs.FSNamesystem', weight: 2 },
    { label: 'System Notification', pattern: 'BLOCK* ask {dnIp}:50010 to replicate {blk} to datanode(s) {dnIp}:50010{| {dnIp}:50010}', level: 'INFO', component: 'dfs.FSNamesystem', weight: 2 },
    { label: 'System Notification', pattern: '{dnIp}:50010 Starting thread to transfer block {blk} to {dnIp}:50010', level: 'INFO', component: 'dfs.DataNode', weight: 2 },
    { label: 'System Notification', pattern: '{dnIp}:50010:Transmitted block {blk} to /{dnIp}:50010', level: 'INFO', component: 'dfs.DataNode$DataTransfer', weight: 2 },
    { label: 'System Notification', pattern: '{dnIp}:50010 Served block {blk} to /{dnIp}', level: 'INFO', component: 'dfs.DataNode$DataXceiver', weight: 3 },
    { label: 'System Notification', pattern: 'Verification succeeded for {blk}', level: 'INFO', component: 'dfs.DataBlockScanner', weight: 3 },
    { label: 'System Notification', pattern: 'BLOCK* NameSystem.addStoredBlock: Redundant addStoredBlock request received for {blk} on {dnIp}:50010 size {blockSize}', level: 'WARN', component: 'dfs.FSNamesystem' },
    { label: 'System Notification', pattern: 'Changing block file offset of block {blk} from {int:0:65536} to {int:65536:67108864} meta file offset to {int:7:524295}', level: 'INFO', component: 'dfs.DataNode' },
    { label: 'System Notification', pattern: 'BlockReport of {int:1:60000} blocks got processed in {int:1:900} msecs', level: 'INFO', component: 'dfs.DataNode', weight: 2 },
    { label: 'System Notification', pattern: 'BLOCK* NameSystem.processReport: from {dnIp}:50010, blocks: {int:1:60000}, processing time: {int:0:300} msecs', level: 'INFO', component: 'dfs.StateChange', weight: 2 },
    { label: 'System Notification', pattern: 'BLOCK* NameSystem.registerDatanode: node registration from {dnIp}:50010 storage DS-{int:100000000:2147483647}-{dnIp}-50010-{int:1200000000000:1700000000000}', level: 'INFO', component: 'dfs.StateChange' },
    { label: 'System Notification', pattern: 'Roll Edit Log from {dnIp}', level: 'INFO', component: 'dfs.FSNamesystem', weight: 2 },
    { label: 'System Notification', pattern: 'Number of transactions: {int:1:9000} Total time for transactions(ms): {int:0:400} Number of transactions batched in Syncs: {int:0:300} Number of syncs: {int:1:5000} SyncTimes(ms): {int:1:9000}', level: 'INFO', component: 'dfs.FSEditLog', weight: 2 },
    { label: 'System Notification', pattern: 'Checkpoint done. New Image Size: {int:1000:90000000}', level: 'INFO', component: 'dfs.SecondaryNameNode' },
    { label: 'System Notification', pattern: 'STATE* Safe mode ON. The reported blocks {int:0:5000} needs additional {int:1:900} blocks to reach the threshold 0.9990 of total blocks {int:5000:90000}. Safe mode will be turned off automatically.', level: 'INFO', component: 'dfs.StateChange' },
    { label: 'System Notification', pattern: 'STATE* {Leaving safe mode after {int:1:400} secs.|Safe mode is OFF.}', level: 'INFO', component: 'dfs.StateChange' },
    { label: 'System Notification', pattern: 'SHUTDOWN_MSG: Shutting down {NameNode|DataNode|SecondaryNameNode} at {host}/{dnIp}', level: 'INFO', component: 'dfs.NameNode' },
    { label: 'Error', pattern: 'writeBlock {blk} received exception java.io.IOException: {Could not read from stream|Connection reset by peer|Interrupted receiveBlock|Unexpected problem in creating temporary file for {blk}.  File {blockFile} should not be present, but is.}', level: 'ERROR', component: 'dfs.DataNode$DataXceiver', weight: 2 },
    { label: 'Error', pattern: 'Exception in receiveBlock for block {blk} java.io.{EOFException: while trying to read {int:1:65557} bytes|IOException: Connection reset by peer|InterruptedIOException: Interruped while waiting for IO on channel java.nio.channels.SocketChannel[connected local=/{dnIp}:50010 remote=/{dnIp}:{ephemeral}]. 0 millis timeout left.}', level: 'INFO', component: 'dfs.DataNode$DataXceiver', weight: 2 },
    { label: 'Error', pattern: '{dnIp}:50010:Got exception while serving {blk} to /{dnIp}:', level: 'WARN', component: 'dfs.DataNode$DataXceiver', weight: 2 },
    { label: 'Error', pattern: '{dnIp}:50010:DataXceiver: java.io.IOException: Block {blk} is valid, and cannot be written to.', level: 'ERROR', component: 'dfs.DataNode$DataXceiver' },
    { label: 'Error', pattern: 'PacketResponder {blk} {int:0:2} Exception java.io.{EOFException|InterruptedIOException: Interruped while waiting for IO on channel java.nio.channels.SocketChannel[connected local=/{dnIp}:{ephemeral} remote=/{dnIp}:50010]. {int:0:480000} millis timeout left.}', level: 'INFO', component: 'dfs.DataNode$PacketResponder' },
    { label: 'Error', pattern: 'Unexpected error trying to delete block {blk}. BlockInfo not found in volumeMap.', level: 'WARN', component: 'dfs.FSDataset' },
    { label: 'Error', pattern: 'PendingReplicationMonitor timed out block {blk}', level: 'WARN', component: 'dfs.PendingReplicationBlocks' },
    { label: 'Error', pattern: '{dnIp}:50010:Failed to transfer {blk} to {dnIp}:50010 got java.net.SocketException: {Connection reset|Broken pipe}', level: 'WARN', component: 'dfs.DataNode' },
    { label: 'Error', pattern: 'IPC Server handler {int:0:63} on 8020, call {getBlockLocations|getFileInfo|create|addBlock|complete}(...) from {dnIp}:{ephemeral}: error: org.apache.hadoop.ipc.StandbyException: Operation category {READ|WRITE} is not supported in state standby', level: 'INFO', component: 'ipc.Server' },
    { label: 'System Notification', pattern: 'Successfully sent block report 0x{hex8}{hex8},  containing 1 storage report(s), of which we sent 1. The reports had {int:1:90000} total blocks and used 1 RPC(s). This took {int:0:40} msec to generate and {int:2:900} msecs for RPC and NN processing. Got back {no commands|one command: FinalizeCommand/{int:1:9}}.', level: 'INFO', component: 'dfs.DataNode', weight: 2 },
    { label: 'Error', pattern: '{host}:50010:DataXceiver error processing WRITE_BLOCK operation  src: /{dnIp}:{ephemeral} dst: /{dnIp}:50010 java.io.IOException: No space left on device', level: 'ERROR', component: 'dfs.DataNode$DataXceiver' },
    { label: 'Error', pattern: 'Verification failed for {blk}{| - may be due to race with write}', level: 'WARN', component: 'dfs.DataBlockScanner' },
    { label: 'Security Alert', pattern: 'IPC Server handler {int:0:63} on 8020, call {mkdirs|create|delete|setPermission}(...) from {dnIp}:{ephemeral}: error: org.apache.hadoop.security.AccessControlException: Permission denied: user={user}, access={WRITE|EXECUTE|READ_EXECUTE}, inode="{/user/hive/warehouse|/apps/hbase/data|/apps/yarn/staging|/user/finance}":{hdfs|hive|hbase}:{supergroup|hadoop}:drwx{r-xr-x|------}', level: 'INFO', component: 'ipc.Server' },
    { label: 'Security Alert', pattern: 'Auth failed for {dnIp}:{ephemeral}:null (GSS initiate failed)', level: 'WARN', component: 'ipc.Server' },
    { label: 'Resource Usage', pattern: 'Slow BlockReceiver write data to disk cost:{int:300:60000}ms (threshold=300ms)', level: 'WARN', component: 'dfs.DataNode' },
    { label: 'Resource Usage', pattern: 'Slow flushOrSync took {int:300:40000}ms (threshold=300ms), isSync:{true|false}, flushTotalNanos={int:10000:90000000}ns', level: 'WARN', component: 'dfs.DataNode' },
    { label: 'Critical Error', pattern: 'DataNode.handleDiskError: Keep Running: false', level: 'WARN', component: 'dfs.DataNode' },
    { label: 'Critical Error', pattern: 'org.apache.hadoop.util.DiskChecker$DiskErrorException: Too many failed volumes - {volumeCounts}, volume failures tolerated: 0', level: 'FATAL', component: 'dfs.DataNode' },
    { label: 'Critical Error', pattern: 'Removing failed volume {failedVolume}', level: 'WARN', component: 'dfs.FSDataset' },
    { label: 'Critical Error', pattern: 'BLOCK* NameSystem.heartbeatCheck: lost heartbeat from {dnIp}:50010', level: 'INFO', component: 'dfs.StateChange' },
  ],
});

