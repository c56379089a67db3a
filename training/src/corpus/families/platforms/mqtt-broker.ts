import type { Filler } from '../../fillers';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { epochSeconds, moment, pad } from './headers';
import TEMPLATES_MQTT_BROKER from './templates/mqtt-broker.json';

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
  templates: familyTemplates(TEMPLATES_MQTT_BROKER),
});
