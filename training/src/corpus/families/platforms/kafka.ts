import { FILLERS, formatDate, formatTime, type Filler } from '../../fillers';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { moment, pad } from './headers';
import TEMPLATES_KAFKA from './templates/kafka.json';

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
  templates: familyTemplates(TEMPLATES_KAFKA),
});
