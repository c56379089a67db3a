import type { Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import TEMPLATES_IOT_DEVICE from './templates/iot-device.json';

/**
 * Firmware logs of ESP32-class IoT devices (ESP-IDF's `I (1234) tag: message`,
 * milliseconds since boot). Sensor readings are routine; a failed read,
 * connect or OTA image is Error; low battery and heap figures are Resource
 * Usage; a CPU panic, brownout or watchdog reset is Critical Error.
 */

const idfLetter = (level: FamilyLevel): string => (level === 'ERROR' || level === 'FATAL' || level === 'CRITICAL' || level === 'ALERT' ? 'E' : level === 'WARN' ? 'W' : level === 'DEBUG' ? 'D' : level === 'TRACE' ? 'V' : 'I');

/**
 * `I (12345) wifi: message`; ESP-IDF also colours lines, which a serial
 * capture keeps. The panic handler and the brownout detector print straight
 * to the UART, without a header: their templates have no level.
 */
const idfLine: LineFormat = (m, { level, component, rng }) => (level === null ? m : `${idfLetter(level)} (${rng.int(20, 90000000)}) ${component ?? 'app_main'}: ${m}`);
const coloured: LineFormat = (m, context) => {
  if (context.level === null) return m;
  const colour = { E: '31', W: '33', I: '32', D: '0', V: '0' }[idfLetter(context.level)] ?? '0';
  return `\u001b[0;${colour}m${idfLine(m, context)}\u001b[0m`;
};

const ssid: Filler = (r) => r.pick(['IoT-Plant2', 'HomeNet', 'WAREHOUSE_5G', 'esp-setup', 'Office-Guest', 'sensors']);
const mac: Filler = (r) => Array.from({ length: 6 }, () => r.hex(2)).join(':');
const lanIp: Filler = (r) => `192.168.${r.pick([1, 10, 50])}.${r.int(2, 254)}`;
const firmware: Filler = (r) => `v${r.int(1, 3)}.${r.int(0, 9)}.${r.int(0, 20)}`;

export const iotDevice = defineFamily({
  family: 'iot-device',
  description: 'ESP32-class IoT device firmware logs (ESP-IDF format): Wi-Fi, MQTT, sensors, OTA, power',
  sources: ['esp32', 'iot-device', 'iot'],
  formats: [idfLine, idfLine, coloured],
  fillers: { ssid, mac, lanIp, firmware },
  templates: familyTemplates(TEMPLATES_IOT_DEVICE),
});
