import { FILLERS, formatDate, formatTime, type Filler } from '../../fillers';
import { defineFamily, type LineFormat } from '../log-family';
import { moment, pad } from './headers';

/**
 * Apache Kafka brokers (server.log, controller.log, state-change.log) and the
 * Java client's NetworkClient. A replica falling out of the ISR and a client
 * that cannot reach a broker are Error; all log dirs failing is Critical Error.
 */

/** `[2024-01-02 03:04:05,678] INFO message (logger)` — Kafka's `[%d] %p %m (%c)`. */
const kafkaHeader: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  return `[${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)}] ${level ?? 'INFO'} ${m} (${component ?? 'kafka.server.KafkaServer'})`;
};

const topic: Filler = (r) => r.pick(['orders', 'payments', 'clickstream', 'user-events', 'audit-log', 'inventory-updates', 'logs.app', 'metrics', 'cdc.public.customers', '__consumer_offsets', '_schemas', 'connect-offsets', 'notifications']);
const partition: Filler = (r) => `${topic(r)}-${r.int(0, 49)}`;
const logDir: Filler = (r) => r.pick(['/var/lib/kafka/data', '/kafka/kafka-logs', '/data/kafka', '/opt/kafka/logs/data', '/var/lib/kafka/data-1']);
const offset: Filler = (r) => String(r.weighted<number>([[r.int(0, 9999), 1], [r.int(10000, 99999999), 3], [r.int(100000000, 9999999999), 1]]));
/** `topic-3 in /var/lib/kafka/data/topic-3`: the directory is named after the partition. */
const partitionInDir: Filler = (r) => {
  const p = partition(r);
  return `${p} in ${logDir(r)}/${p}`;
};
const brokerId: Filler = (r) => String(r.int(0, 5));
const isrList: Filler = (r) => r.pick(['1,2,3', '0,1,2', '2,3,1', '3,1,2', '1,2', '4,5,6']);
const group: Filler = (r) => r.pick(['order-processor', 'analytics-consumer', 'connect-cluster', 'spark-kafka-source-' + r.hex(8), 'billing-sync', 'es-sink', 'console-consumer-' + r.int(10000, 99999), 'flink-job']);
const memberId: Filler = (r) => `consumer-${r.pick(['order-processor', 'es-sink', 'billing-sync', 'analytics'])}-${r.int(1, 9)}-${FILLERS.uuid(r)}`;
const clientId: Filler = (r) => r.pick([`producer-${r.int(1, 40)}`, `connector-producer-${r.pick(['s3-source', 'debezium-postgres', 'mirror-maker'])}-${r.int(0, 3)}`, `${r.pick(['orders-api', 'checkout'])}-producer`]);
const consumerId: Filler = (r) => r.pick([`consumer-${r.pick(['order-processor', 'es-sink', 'billing-sync'])}-${r.int(1, 9)}`, `connector-consumer-${r.pick(['jdbc-sink', 's3-sink', 'es-sink'])}-${r.int(0, 3)}`, `consumer-${r.int(1, 40)}`]);
const brokerHost: Filler = (r) => r.pick([`kafka-${r.int(0, 5)}.kafka-headless.${r.pick(['kafka', 'data', 'default'])}.svc.cluster.local/${`10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`}:9092`, 'localhost/127.0.0.1:9092', `b-${r.int(1, 3)}.${r.pick(['prod', 'events'])}.${r.hex(6)}.c${r.int(1, 9)}.kafka.${r.pick(['us-east-1', 'eu-west-1'])}.amazonaws.com/${r.int(10, 172)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}:9094`]);
const principal: Filler = (r) => r.pick([`User:${r.pick(['alice', 'svc-orders', 'connect', 'ANONYMOUS', 'analytics', 'CN=client-' + r.int(1, 99) + ',OU=apps,O=Acme'])}`]);
const generation: Filler = (r) => String(r.int(1, 900));

export const kafka = defineFamily({
  family: 'kafka',
  description: 'Apache Kafka brokers and the Java client (log4j `[%d] %p %m (%c)`)',
  sources: ['kafka-broker', 'kafka-client', 'kafka'],
  formats: [kafkaHeader],
  fillers: { consumerId, topic, partition, partitionInDir, logDir, offset, brokerId, isrList, group, memberId, clientId, brokerHost, principal, generation },
  templates: [
    { label: 'System Notification', pattern: '[Log partition={partition}, dir={logDir}] Rolled new log segment at offset {offset} in {int:0:90} ms.', level: 'INFO', component: 'kafka.log.Log', weight: 3 },
    { label: 'System Notification', pattern: '[Log partition={partition}, dir={logDir}] Deleting segment {offset}', level: 'INFO', component: 'kafka.log.Log', weight: 2 },
    { label: 'System Notification', pattern: '[Log partition={partition}, dir={logDir}] Found deletable segments with base offsets [{offset}] due to retention time {604800000|86400000|259200000}ms breach', level: 'INFO', component: 'kafka.log.Log', weight: 2 },
    { label: 'System Notification', pattern: 'Deleted log {logDir}/{partition}.{hex32}-delete.', level: 'INFO', component: 'kafka.log.LogManager' },
    { label: 'System Notification', pattern: '[ProducerStateManager partition={partition}] Writing producer snapshot at offset {offset}', level: 'INFO', component: 'kafka.log.ProducerStateManager', weight: 2 },
    { label: 'System Notification', pattern: 'Completed load of log {partition} with {int:1:40} segments, log start offset {offset} and log end offset {offset} in {int:1:900} ms', level: 'INFO', component: 'kafka.log.Log' },
    { label: 'System Notification', pattern: 'Created log for partition {partitionInDir} with properties {lb}compression.type -> producer, min.insync.replicas -> {1|2}, segment.bytes -> 1073741824, retention.ms -> {604800000|86400000}, cleanup.policy -> {delete|compact}{rb}.', level: 'INFO', component: 'kafka.log.LogManager' },
    { label: 'System Notification', pattern: '[Partition {partition} broker={brokerId}] ISR updated to {isrList} and zkVersion updated to [{int:0:400}]', level: 'INFO', component: 'kafka.cluster.Partition', weight: 2 },
    { label: 'System Notification', pattern: '[Partition {partition} broker={brokerId}] Expanding ISR from {1|1,2|2,3} to {isrList}', level: 'INFO', component: 'kafka.cluster.Partition' },
    { label: 'System Notification', pattern: '[GroupCoordinator {brokerId}]: Preparing to rebalance group {group} in state PreparingRebalance with old generation {generation} (__consumer_offsets-{int:0:49}) (reason: {Adding new member {memberId} with group instance id None|Leader {memberId} re-joining group during Stable|removing member {memberId} on LeaveGroup})', level: 'INFO', component: 'kafka.coordinator.group.GroupCoordinator', weight: 2 },
    { label: 'System Notification', pattern: '[GroupCoordinator {brokerId}]: Stabilized group {group} generation {generation} (__consumer_offsets-{int:0:49}) with {int:1:24} members', level: 'INFO', component: 'kafka.coordinator.group.GroupCoordinator', weight: 2 },
    { label: 'System Notification', pattern: '[GroupCoordinator {brokerId}]: Assignment received from leader {memberId} for group {group} for generation {generation}. The group has {int:1:24} members, 0 of which are static.', level: 'INFO', component: 'kafka.coordinator.group.GroupCoordinator' },
    { label: 'System Notification', pattern: '[KafkaServer id={brokerId}] started', level: 'INFO', component: 'kafka.server.KafkaServer' },
    { label: 'System Notification', pattern: '[KafkaServer id={brokerId}] shutting down', level: 'INFO', component: 'kafka.server.KafkaServer' },
    { label: 'System Notification', pattern: '[Controller id={brokerId}] {brokerId} successfully elected as the controller. Epoch incremented to {int:1:90} and epoch zk version is now {int:1:90}', level: 'INFO', component: 'kafka.controller.KafkaController' },
    { label: 'System Notification', pattern: '[Controller id={brokerId} epoch={int:1:90}] Changed partition {partition} from {OfflinePartition|NewPartition} to OnlinePartition with state LeaderAndIsr(leader={brokerId}, leaderEpoch={int:0:90}, isr=List({isrList}), zkVersion={int:0:400})', level: 'TRACE', component: 'state.change.logger' },
    { label: 'System Notification', pattern: '[ReplicaFetcherManager on broker {brokerId}] Removed fetcher for partitions Set({partition}, {partition})', level: 'INFO', component: 'kafka.server.ReplicaFetcherManager' },
    { label: 'System Notification', pattern: '[Consumer clientId={consumerId}, groupId={group}] Setting offset for partition {partition} to the committed offset FetchPosition{lb}offset={offset}, offsetEpoch=Optional[{int:0:40}], currentLeader=LeaderAndEpoch{lb}leader=Optional[{brokerHost} (id: {brokerId} rack: null)], epoch={int:0:40}{rb}{rb}', level: 'INFO', component: 'org.apache.kafka.clients.consumer.internals.ConsumerCoordinator', weight: 2 },
    { label: 'System Notification', pattern: 'Principal = {principal} is Allowed Operation = {Read|Write|Describe} from host = {ip} on resource = {Topic|Group}:LITERAL:{topic}', level: 'DEBUG', component: 'kafka.authorizer.logger' },
    { label: 'Error', pattern: '[Partition {partition} broker={brokerId}] Shrinking ISR from {isrList} to {1|2|3}. Leader: (highWatermark: {offset}, endOffset: {offset}). Out of sync replicas: (brokerId: {brokerId}, endOffset: {offset}).', level: 'INFO', component: 'kafka.cluster.Partition', weight: 2 },
    { label: 'Error', pattern: '[ReplicaFetcher replicaId={brokerId}, leaderId={brokerId}, fetcherId=0] Error for partition {partition} at offset {offset}', level: 'ERROR', component: 'kafka.server.ReplicaFetcherThread' },
    { label: 'Error', pattern: 'org.apache.kafka.common.errors.NotLeaderForPartitionException: This server is not the leader for that topic-partition.', level: 'ERROR', component: 'kafka.server.ReplicaFetcherThread' },
    { label: 'Error', pattern: '[{Producer clientId={clientId}|Consumer clientId={consumerId}, groupId={group}}] Connection to node {-1|{brokerId}} ({brokerHost}) could not be established. Broker may not be available.', level: 'WARN', component: 'org.apache.kafka.clients.NetworkClient', weight: 3 },
    { label: 'Error', pattern: '[Consumer clientId={consumerId}, groupId={group}] Error while fetching metadata with correlation id {int:1:9000} : {lb}{topic}={LEADER_NOT_AVAILABLE|UNKNOWN_TOPIC_OR_PARTITION}{rb}', level: 'WARN', component: 'org.apache.kafka.clients.NetworkClient', weight: 2 },
    { label: 'Error', pattern: '[Producer clientId={clientId}] Got error produce response with correlation id {int:1:90000} on topic-partition {partition}, retrying ({int:0:2147483646} attempts left). Error: {NOT_LEADER_OR_FOLLOWER|NETWORK_EXCEPTION|REQUEST_TIMED_OUT}', level: 'WARN', component: 'org.apache.kafka.clients.producer.internals.Sender' },
    { label: 'Error', pattern: '[GroupCoordinator {brokerId}]: Member {memberId} in group {group} has failed, removing it from the group', level: 'INFO', component: 'kafka.coordinator.group.GroupCoordinator' },
    { label: 'Security Alert', pattern: '[SocketServer {brokerId={brokerId}|listenerType=ZK_BROKER, nodeId={brokerId}}] Failed authentication with /{ip} ({Authentication failed: Invalid username or password|SSL handshake failed|Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512})', level: 'INFO', component: 'org.apache.kafka.common.network.Selector' },
    { label: 'Security Alert', pattern: 'Principal = {principal} is Denied Operation = {Read|Write|Describe|Alter} from host = {ip} on resource = {Topic|Group|Cluster}:LITERAL:{topic}', level: 'INFO', component: 'kafka.authorizer.logger' },
    { label: 'Resource Usage', pattern: 'Rejected connection from /{ip}, address already has the configured maximum of {100|1000|2147483647} connections.', level: 'INFO', component: 'kafka.network.Acceptor' },
    { label: 'Critical Error', pattern: 'Shutdown broker because all log dirs in {logDir} have failed', level: 'FATAL', component: 'kafka.log.LogManager' },
    { label: 'Critical Error', pattern: '[KafkaServer id={brokerId}] Fatal error during KafkaServer startup. Prepare to shutdown', level: 'ERROR', component: 'kafka.server.KafkaServer' },
    { label: 'Critical Error', pattern: '[ReplicaManager broker={brokerId}] Stopping serving replicas in dir {logDir}', level: 'ERROR', component: 'kafka.server.ReplicaManager' },
  ],
});
