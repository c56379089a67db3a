import type { Filler } from '../../fillers';
import { defineFamily, type LineFormat } from '../log-family';
import { epochSeconds, moment, pad } from './headers';

/**
 * An MQTT broker serving IoT devices (mosquitto's log: `<epoch>: message`, or
 * with `log_timestamp_format %Y-%m-%dT%H:%M:%S`). Devices connecting and
 * leaving are routine; a keepalive timeout or socket error is Error; a client
 * refused as not authorised is Security Alert.
 */

const epochLine: LineFormat = (m, { rng }) => `${epochSeconds(moment(rng))}: ${m}`;
const isoLine: LineFormat = (m, { rng }) => {
  const t = moment(rng);
  return `${t.year}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}: ${m}`;
};

const clientId: Filler = (r) => r.pick([`sensor-${pad(r.int(1, 9999), 4)}`, `esp32-${r.hex(6)}`, `thermostat-${r.int(1, 90)}`, `gateway-${r.pick(['hall', 'lab', 'plant2', 'roof'])}`, `mqttjs_${r.hex(8)}`, `tasmota_${r.hex(6).toUpperCase()}`, `shellyplug-s-${r.hex(6).toUpperCase()}`, 'node-red', `auto-${r.hex(8).toUpperCase()}-${r.hex(4).toUpperCase()}`]);
const deviceIp: Filler = (r) => `192.168.${r.pick([1, 10, 50])}.${r.int(2, 254)}`;
const eport: Filler = (r) => String(r.int(1024, 65535));
const mqttUser: Filler = (r) => r.pick(['iot', 'sensors', 'homeassistant', 'gateway', 'admin', 'device']);

export const mqttBroker = defineFamily({
  family: 'mqtt-broker',
  description: 'An MQTT broker for IoT devices (mosquitto log)',
  sources: ['mosquitto', 'iot'],
  formats: [epochLine, epochLine, isoLine],
  bareShare: 0.2,
  fillers: { clientId, deviceIp, eport, mqttUser },
  templates: [
    { label: 'System Notification', pattern: 'New connection from {deviceIp}:{eport} on port {1883|8883}.', level: null, weight: 4 },
    { label: 'System Notification', pattern: 'New client connected from {deviceIp}:{eport} as {clientId} (p{2|5}, c{0|1}, k{15|30|60|120}{|, u\'{mqttUser}\'}).', level: null, weight: 4 },
    { label: 'System Notification', pattern: 'Client {clientId} disconnected.', level: null, weight: 2 },
    { label: 'System Notification', pattern: 'Client {clientId} closed its connection.', level: null, weight: 2 },
    { label: 'System Notification', pattern: 'Client {clientId} already connected, closing old connection.', level: null },
    { label: 'System Notification', pattern: 'Saving in-memory database to /var/lib/mosquitto/mosquitto.db.', level: null, weight: 2 },
    { label: 'System Notification', pattern: '{mosquitto version 2.0.{int:11:18} starting|Config loaded from /etc/mosquitto/mosquitto.conf.|Opening ipv{4|6} listen socket on port {1883|8883}.|mosquitto version 2.0.{int:11:18} running|mosquitto version 2.0.{int:11:18} terminating}', level: null },
    { label: 'Error', pattern: 'Client {clientId} has exceeded timeout, disconnecting.', level: null, weight: 2 },
    { label: 'Error', pattern: 'Socket error on client {clientId}, disconnecting.', level: null, weight: 2 },
    { label: 'Error', pattern: 'OpenSSL Error[0]: error:{0A00010B:SSL routines::wrong version number|0A000418:SSL routines::tlsv1 alert unknown ca|1408F10B:SSL routines:ssl3_get_record:wrong version number}', level: null },
    { label: 'Security Alert', pattern: 'Client {clientId} disconnected, not authorised.', level: null, weight: 2 },
    { label: 'Security Alert', pattern: 'Client <unknown> disconnected, not authorised.', level: null },
    { label: 'Security Alert', pattern: 'Denied PUBLISH from {clientId} (d0, q{0|1}, r{0|1}, m{int:1:9000}, \'{$SYS/broker/config|cmnd/tasmota_{hex8}/Power|home/+/set}\', ... ({int:1:90} bytes))', level: null },
    { label: 'Resource Usage', pattern: 'Outgoing messages are being dropped for client {clientId}.', level: null },
    { label: 'Critical Error', pattern: '{Error: Out of memory.|Error: Address already in use|Error: Unable to open pwfile "/etc/mosquitto/passwd".}', level: null },
    { label: 'Deprecation Warning', pattern: 'Warning: The {bind_address|port} option is deprecated and will be removed in a future version. Use the listener option instead.', level: null },
  ],
});
