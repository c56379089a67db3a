import type { Filler } from '../../fillers';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { moment, pad } from './headers';
import TEMPLATES_HEALTH_APP from './templates/health-app.json';

/**
 * A phone fitness app's own log file (pedometer, heart rate, sleep, cloud
 * sync): `yyyyMMdd-HH:mm:ss:SSS|Component|pid|message`, no level. Sensor
 * readings and step totals are routine activity data (System Notification,
 * not Resource Usage: they measure the user, not the device); the app's own
 * storage and battery figures are Resource Usage; a failed save or upload is
 * Error; the step service dying is Critical Error.
 */

/** `20171223-22:15:29:606|Step_SensorMgr|30002312|message` */
const appLine: LineFormat = (m, { component, rng }) => {
  const t = moment(rng);
  return `${t.year}${pad(t.month, 2)}${pad(t.day, 2)}-${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}:${pad(t.millis, 3)}|${component ?? 'Step_SensorMgr'}|${rng.pick(['30002312', '30002315', '30002412', String(rng.int(20000000, 39999999))])}|${m}`;
};

const dayStart: Filler = (r) => String(1700000000000 + r.int(0, 900) * 86400000 - 28800000);
const epochMs: Filler = (r) => String(r.int(1700000000000, 1780000000000));
const steps: Filler = (r) => String(r.int(0, 25000));
const summary: Filler = (r) => {
  const s = r.int(0, 25000);
  return `${dayStart(r)}##${s}##${r.int(s * 60, s * 80)}##${r.int(0, 20000)}##${r.int(0, 30000)}##${r.int(1000000, 99999999)}`;
};
const timeRange: Filler = (r) => {
  const start = r.int(1700000000000, 1780000000000);
  return `startTime=${start}, endTime=${start + r.int(60000, 3600000)}`;
};
const dataType: Filler = (r) => r.pick(['40002', '40003', '50001', '22100', '30005']);
const recordId: Filler = (r) => String(r.int(1, 999999));

export const healthApp = defineFamily({
  family: 'health-app',
  description: 'A phone fitness app log: pedometer, heart rate, sleep, cloud sync (pipe-separated, no level)',
  sources: ['health-app', 'mobile-app'],
  formats: [appLine],
  bareShare: 0.2,
  fillers: { timeRange, dayStart, epochMs, steps, summary, dataType, recordId },
  templates: familyTemplates(TEMPLATES_HEALTH_APP),
});
