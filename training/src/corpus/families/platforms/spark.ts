import type { Filler } from '../../fillers';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { moment, pad, sticky } from './headers';
import TEMPLATES_SPARK from './templates/spark.json';

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
  templates: familyTemplates(TEMPLATES_SPARK),
});
