import { formatDate, formatTime, type Filler } from '../../fillers';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { digits, moment, pad } from './headers';
import TEMPLATES_HDFS from './templates/hdfs.json';

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
  templates: familyTemplates(TEMPLATES_HDFS),
});

