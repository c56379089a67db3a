/**
 * Families modelled on the kinds of system public log-parsing benchmarks
 * draw from (HDFS, Hadoop, Spark, ZooKeeper, OpenStack, supercomputer RAS
 * and node logs, Windows servicing, Linux auth and kernel, macOS, Android,
 * a health app, Apache, a desktop proxy client, sshd), scored on their own
 * as well: miners there are compared on such systems. Our families, written
 * from knowledge of the formats, not from any benchmark's lines.
 */
export const PARSER_BENCHMARK_FAMILIES = new Set<string>([
  'hdfs', 'hadoop-yarn', 'spark', 'zookeeper', 'openstack', 'bgl-ras', 'hpc-node', 'thunderbird', 'windows-cbs',
  'linux-auth', 'linux-kernel', 'macos', 'android', 'health-app', 'apache-error', 'proxy-client', 'sshd',
]);
