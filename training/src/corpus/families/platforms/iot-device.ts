import type { Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';

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
  templates: [
    { label: 'System Notification', pattern: 'connected with {ssid}, aid = {int:1:20}, channel {1|6|11|36}, BW20, bssid = {mac}', level: 'INFO', component: 'wifi', weight: 2 },
    { label: 'System Notification', pattern: 'sta ip: {lanIp}, mask: 255.255.255.0, gw: 192.168.{1|10|50}.1', level: 'INFO', component: 'esp_netif_handlers', weight: 2 },
    { label: 'System Notification', pattern: 'MQTT_EVENT_{CONNECTED|DISCONNECTED|SUBSCRIBED, msg_id={int:1:9999}|PUBLISHED, msg_id={int:1:9999}}', level: 'INFO', component: 'mqtt_app', weight: 3 },
    { label: 'System Notification', pattern: 'temperature={float:-10:45:2} C humidity={float:10:95:1} % pressure={float:960:1040:1} hPa', level: 'INFO', component: 'bme280', weight: 4 },
    { label: 'System Notification', pattern: 'published {temperature|humidity|motion|door|power} reading to {home|plant2|lab}/{sensor-{int:1:99}|esp32-{hex8}}/state ({int:8:200} bytes)', level: 'INFO', component: 'telemetry', weight: 3 },
    { label: 'System Notification', pattern: 'Starting OTA update from https://ota.{example.com|acme-iot.io}/firmware/{firmware}.bin', level: 'INFO', component: 'esp_https_ota', weight: 1 },
    { label: 'System Notification', pattern: 'Writing to partition subtype {16|17} at offset 0x{110000|210000}', level: 'INFO', component: 'esp_ota_ops' },
    { label: 'System Notification', pattern: 'OTA update to {firmware} successful, rebooting...', level: 'INFO', component: 'ota' },
    { label: 'System Notification', pattern: 'Entering deep sleep for {10|60|300|900} seconds', level: 'INFO', component: 'power' },
    { label: 'Resource Usage', pattern: 'Free heap: {int:8000:300000} bytes, min free: {int:2000:200000} bytes', level: 'INFO', component: 'sysmon', weight: 2 },
    { label: 'Resource Usage', pattern: 'Battery voltage {float:3.0:3.45:2} V ({int:2:15}%), entering low power mode', level: 'WARN', component: 'power' },
    { label: 'Error', pattern: 'Sensor read failed: {timeout|checksum error|I2C NACK at address 0x{76|77|44}}', level: 'ERROR', component: 'dht22', weight: 2 },
    { label: 'Error', pattern: 'retry to connect to the AP', level: 'INFO', component: 'wifi_station', weight: 2 },
    { label: 'Error', pattern: 'connect to the AP fail', level: 'INFO', component: 'wifi_station' },
    { label: 'Error', pattern: 'mqtt_message_receive: transport_read() error: errno={104|113|128}', level: 'ERROR', component: 'MQTT_CLIENT' },
    { label: 'Error', pattern: '{esp_ota_end failed (ESP_ERR_OTA_VALIDATE_FAILED)!|Image validation failed, image is corrupted|Firmware upgrade failed}', level: 'ERROR', component: 'esp_https_ota' },
    { label: 'Error', pattern: 'NVS partition was truncated and needs to be erased', level: 'WARN', component: 'nvs' },
    { label: 'Critical Error', pattern: 'Guru Meditation Error: Core  {0|1} panic\'ed ({LoadProhibited|StoreProhibited|IllegalInstruction|InstrFetchProhibited}). Exception was unhandled.', level: null, component: 'panic', weight: 2 },
    { label: 'Critical Error', pattern: 'Brownout detector was triggered', level: null, component: 'brownout' },
    { label: 'Critical Error', pattern: 'Task watchdog got triggered. The following tasks did not reset the watchdog in time:', level: 'ERROR', component: 'task_wdt' },
  ],
});
