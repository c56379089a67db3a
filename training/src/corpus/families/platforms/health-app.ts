import type { Filler } from '../../fillers';
import { defineFamily, type LineFormat } from '../log-family';
import { moment, pad } from './headers';

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
  templates: [
    { label: 'System Notification', pattern: 'onStepCountChanged {steps}', level: null, component: 'Step_SensorMgr', weight: 4 },
    { label: 'System Notification', pattern: 'getTodaySummary = {summary}', level: null, component: 'Step_Prefs', weight: 3 },
    { label: 'System Notification', pattern: 'computeCalories cached={true|false} totalCalories={int:0:400000}', level: null, component: 'Step_Calorie', weight: 3 },
    { label: 'System Notification', pattern: 'flushCacheToDB by {onStepCountChanged|onScreenOff|timer|onDayChanged}', level: null, component: 'Step_Store', weight: 3 },
    { label: 'System Notification', pattern: 'onReceive action:android.intent.action.{SCREEN_ON|SCREEN_OFF|USER_PRESENT|TIME_TICK|DATE_CHANGED}', level: null, component: 'Step_ScreenReceiver', weight: 3 },
    { label: 'System Notification', pattern: 'REPORT : {steps} {int:0:9000} {int:0:400000} {int:0:900}', level: null, component: 'Step_Reporter', weight: 2 },
    { label: 'System Notification', pattern: 'setTodayTotalSteps={steps}', level: null, component: 'Step_Prefs', weight: 2 },
    { label: 'System Notification', pattern: 'heartRate sample bpm={int:42:190} confidence={0|1|2|3} ts={epochMs}', level: null, component: 'HR_Collector', weight: 3 },
    { label: 'System Notification', pattern: 'sleep stage changed: {AWAKE|LIGHT|DEEP|REM} -> {AWAKE|LIGHT|DEEP|REM} at {epochMs}', level: null, component: 'Sleep_Engine' },
    { label: 'System Notification', pattern: 'sync start: pendingRecords={int:0:900} lastSyncTime={epochMs}', level: null, component: 'Sync_CloudClient', weight: 2 },
    { label: 'System Notification', pattern: 'sync success: uploaded {int:1:900} records in {int:40:9000}ms', level: null, component: 'Sync_CloudClient', weight: 2 },
    { label: 'System Notification', pattern: 'registerSensor TYPE_STEP_COUNTER success, batchLatency={0|10000000|60000000}', level: null, component: 'Step_SensorMgr' },
    { label: 'User Action', pattern: 'user changed {daily step goal 8000 -> 10000|daily step goal 10000 -> 12000|weight 72.5kg -> 71.8kg|weight {int:50:120}.{int:0:9}kg -> {int:50:120}.{int:0:9}kg|unit metric -> imperial}', level: null, component: 'Profile_Settings' },
    { label: 'User Action', pattern: 'account login success uid={int:10000000:99999999} method={phone|email|google}', level: null, component: 'Account_Manager' },
    { label: 'Resource Usage', pattern: 'health db size {float:1:400:1} MB, records={int:1000:900000}', level: null, component: 'Health_DataStore' },
    { label: 'Resource Usage', pattern: 'free storage {int:20:199} MB below threshold 200 MB, stop caching raw samples', level: null, component: 'Health_DataStore' },
    { label: 'Resource Usage', pattern: 'battery {int:5:15}% low, sampling interval {1s -> 5s|5s -> 30s}', level: null, component: 'HR_Collector' },
    { label: 'Error', pattern: 'saveDetailData fail healthData=HealthData{lb}type={dataType}, value={int:0:30000}, {timeRange}{rb} errorCode={int:1:9}', level: null, component: 'Health_DataStore', weight: 2 },
    { label: 'Error', pattern: 'upload failed: {code=500 msg=Internal Server Error|code=503 msg=Service Unavailable|java.net.UnknownHostException: Unable to resolve host "api.fittrack.example": No address associated with hostname|java.net.SocketTimeoutException: timeout}, retry in {30|60|300}s', level: null, component: 'Sync_CloudClient', weight: 2 },
    { label: 'Error', pattern: 'registerSensor {TYPE_STEP_COUNTER|TYPE_HEART_RATE} failed: sensor not available', level: null, component: 'Step_SensorMgr' },
    { label: 'Critical Error', pattern: 'StepService died ({java.lang.IllegalStateException: Not allowed to start service Intent|java.lang.OutOfMemoryError: Failed to allocate a {int:100000:9000000} byte allocation}), restarting', level: null, component: 'Step_Service' },
  ],
});
