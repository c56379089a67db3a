import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { moment, pad, sticky } from './headers';

/**
 * Android logcat (system_server, ART, lmkd, healthd, wpa_supplicant and apps).
 * Process starts and kills of cached apps are routine; lmkd's kills with
 * their memory figures are Resource Usage (reclaiming memory is its job: the
 * line is a threshold report, unlike the kernel OOM killer, which means the
 * system ran out); an ANR, an app's FATAL EXCEPTION or a native crash is
 * Critical Error; an SELinux denial is Security Alert.
 */

const letter = (level: FamilyLevel): string => {
  if (level === 'TRACE') return 'V';
  if (level === 'DEBUG') return 'D';
  if (level === 'WARN') return 'W';
  if (level === 'ERROR' || level === 'ALERT') return 'E';
  if (level === 'FATAL' || level === 'CRITICAL') return 'F';
  return 'I';
};

const pidFor = (r: Prng, tag: string): number => (/^(ActivityManager|ActivityTaskManager|PowerManagerService|WindowManager|DisplayPowerController|ConnectivityService|BatteryService)$/.test(tag) ? r.int(900, 2200) : r.int(80, 32000));

/** `logcat -v threadtime`: `01-02 03:04:05.678  1234  5678 I ActivityManager: message` */
const threadtime: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  const tag = component ?? 'ActivityManager';
  const pid = pidFor(rng, tag);
  return `${pad(t.month, 2)}-${pad(t.day, 2)} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.millis, 3)} ${String(pid).padStart(5, ' ')} ${String(rng.chance(0.4) ? pid : rng.int(pid, pid + 3000)).padStart(5, ' ')} ${letter(level)} ${tag}: ${m}`;
};

/** `logcat -v brief`: `I/ActivityManager( 1234): message` */
const brief: LineFormat = (m, { level, component, rng }) => {
  const tag = component ?? 'ActivityManager';
  return `${letter(level)}/${tag}(${String(pidFor(rng, tag)).padStart(5, ' ')}): ${m}`;
};

const pkgName: Filler = (r) => r.pick(['com.whatsapp', 'com.google.android.gms', 'com.android.chrome', 'com.instagram.android', 'com.spotify.music', 'com.google.android.apps.maps', 'com.example.shop', 'com.acme.banking', 'com.android.vending', 'com.google.android.youtube', 'com.tencent.mm', 'com.huawei.health']);
const app = sticky(pkgName);
const uid: Filler = (r) => `u0a${r.int(10, 400)}`;
const activity: Filler = (r) => r.pick(['.MainActivity', '.ui.HomeActivity', '.LauncherActivity', 'com.google.android.apps.maps.MapsActivity', '.activity.SplashActivity']);
const processState: Filler = (r) => r.pick(['empty #17', 'empty #20', 'cch-empty', 'excessive cached', 'remove task', 'stop com.example.shop due to from pid 1234']);
const wakeTag: Filler = (r) => r.pick(['*alarm*', 'NlpWakeLock', '*job*/com.google.android.gms/.gcm.GcmService', 'AudioMix', 'WifiSuspend', 'GCoreFlp', 'Icing', '*sync*/com.google.android.gms.people/com.google/user@example.com', 'RILJ', 'show keyguard']);
const lockId: Filler = (r) => String(r.int(10000000, 299999999));
const bssid: Filler = (r) => Array.from({ length: 6 }, () => r.hex(2)).join(':');
const kb: Filler = (r) => String(r.int(2000, 400000));
/** `12345kB < 67890kB`: free swap below the limit. */
const swapBelow: Filler = (r) => {
  const limit = r.int(50000, 600000);
  return `${r.int(0, limit - 1)}kB < ${limit}kB`;
};
const window: Filler = (r) => `Window{${r.hex(7)} u0 ${r.pick(['com.android.systemui/com.android.systemui.statusbar.phone.StatusBar', 'NotificationShade', 'com.android.launcher3/com.android.launcher3.uioverrides.QuickstepLauncher', 'com.whatsapp/com.whatsapp.HomeActivity', 'InputMethod'])}}`;
const selinuxCtx: Filler = (r) => r.pick(['u:r:untrusted_app:s0:c' + r.int(100, 255) + ',c256,c512,c768', 'u:r:platform_app:s0:c512,c768', 'u:r:priv_app:s0:c512,c768', 'u:r:hal_camera_default:s0']);
const tcontext: Filler = (r) => r.pick(['u:object_r:sysfs:s0', 'u:object_r:proc_net:s0', 'u:object_r:vendor_default_prop:s0', 'u:object_r:system_data_file:s0', 'u:object_r:serialno_prop:s0']);

export const android = defineFamily({
  family: 'android',
  description: 'Android logcat (threadtime and brief) from system_server, ART, lmkd, healthd and apps',
  sources: ['android', 'logcat'],
  formats: [threadtime, threadtime, brief],
  fillers: { swapBelow, pkgName, theApp: app.draw, sameApp: app.again, uid, activity, processState, wakeTag, lockId, bssid, kb, window, selinuxCtx, tcontext },
  templates: [
    { label: 'System Notification', pattern: 'Start proc {int:1000:32000}:{theApp}/{uid} for {{activity|pre-top-activity|top-activity} {lb}{sameApp}/{activity}{rb}|service {lb}{sameApp}/{.sync.SyncService|.push.FcmListenerService|com.google.android.gms.chimera.GmsBoundBrokerService}{rb}|broadcast {lb}{sameApp}/{.receivers.BootReceiver|androidx.work.impl.background.systemalarm.RescheduleReceiver}{rb}}', level: 'INFO', component: 'ActivityManager', weight: 3 },
    { label: 'System Notification', pattern: 'Killing {int:1000:32000}:{pkgName}/{uid} (adj {int:900:999}): {processState}', level: 'INFO', component: 'ActivityManager', weight: 3 },
    { label: 'System Notification', pattern: 'Process {pkgName} (pid {int:1000:32000}) has died: {cch CEM|cch CRE|prev LAST|cch+{int:5:75} CEM}', level: 'INFO', component: 'ActivityManager', weight: 2 },
    { label: 'System Notification', pattern: 'acquire lock={lockId}, flags=0x{1|6|1a|10000001}, tag="{wakeTag}", name={android|com.google.android.gms|com.android.phone}, ws={null|WorkSource{lb}{int:1000:10400}{rb}}, uid={1000|1001|10123|10098}, pid={int:900:32000}', level: 'DEBUG', component: 'PowerManagerService', weight: 4 },
    { label: 'System Notification', pattern: 'release lock={lockId}, flags=0x{0|1}, tag="{wakeTag}", name={android|com.google.android.gms}, ws={null|WorkSource{lb}{int:1000:10400}{rb}}, uid={1000|10123}, pid={int:900:32000}', level: 'DEBUG', component: 'PowerManagerService', weight: 4 },
    { label: 'System Notification', pattern: 'Going to sleep due to {screen timeout|power button|proximity sensor} (uid {1000|10098})...', level: 'INFO', component: 'PowerManagerService', weight: 2 },
    { label: 'System Notification', pattern: 'Waking up from sleep (uid={1000|10098} reason={android.policy:POWER|android.server.wm:TURN_ON|android.policy:LID})...', level: 'INFO', component: 'PowerManagerService', weight: 2 },
    { label: 'System Notification', pattern: 'Changing focus from {window} to {window} Callers=com.android.server.wm.DisplayContent.updateFocusedWindowLocked:{int:3000:4200} com.android.server.wm.RootWindowContainer.updateFocusedWindowLocked:{int:400:600}', level: 'TRACE', component: 'WindowManager' },
    { label: 'System Notification', pattern: '{Blocking screen on until initial contents have been drawn.|Unblocked screen on after {int:20:900} ms}', level: 'INFO', component: 'DisplayPowerController', weight: 2 },
    { label: 'System Notification', pattern: 'Animating brightness: target={float:0:1:6}, rate={0.0|0.2|0.7}', level: 'DEBUG', component: 'DisplayPowerController' },
    { label: 'System Notification', pattern: 'wlan0: CTRL-EVENT-CONNECTED - Connection to {bssid} completed [id={int:0:9} id_str=]', level: 'INFO', component: 'wpa_supplicant' },
    { label: 'System Notification', pattern: 'wlan0: CTRL-EVENT-DISCONNECTED bssid={bssid} reason={3|8|15} locally_generated={0|1}', level: 'INFO', component: 'wpa_supplicant' },
    { label: 'System Notification', pattern: 'Force stopping {pkgName} appid={int:10010:10400} user=0: {from pid {int:900:32000}|clear data|installPackageLI}', level: 'INFO', component: 'ActivityManager' },
    { label: 'Resource Usage', pattern: 'Low on memory:', level: 'INFO', component: 'ActivityManager' },
    { label: 'Resource Usage', pattern: 'Kill \'{pkgName}\' ({int:1000:32000}), uid {int:10010:10400}, oom_score_adj {int:700:999} to free {kb}kB rss, {kb}kB swap; reason: {low watermark is breached and swap is low ({swapBelow})|device is low on swap ({swapBelow}) and thrashing ({int:20:300}%)|min watermark is breached}', level: 'INFO', component: 'lowmemorykiller', weight: 2 },
    { label: 'Resource Usage', pattern: 'Killing \'{pkgName}\' ({int:1000:32000}), adj {int:900:1000}, to free {kb}kB on behalf of \'kswapd0\' ({int:60:120}) because cache {kb}kB is below limit {kb}kB for oom_score_adj {int:900:1000}', level: 'INFO', component: 'lowmemorykiller' },
    { label: 'Resource Usage', pattern: 'battery l={int:1:100} v={int:3400:4400} t={int:200:450} h=2 st={2|3|5} c={int:-900000:900000} fc={int:2800000:4500000} cc={int:1:900} chg={|u|a|w}', level: 'WARN', component: 'healthd', weight: 2 },
    { label: 'Resource Usage', pattern: 'Skipped {int:30:900} frames!  The application may be doing too much work on its main thread.', level: 'INFO', component: 'Choreographer', weight: 2 },
    { label: 'Resource Usage', pattern: 'Background concurrent copying GC freed {int:1000:900000}({int:100:90000}KB) AllocSpace objects, {int:0:90}({int:0:9000}KB) LOS objects, {int:20:90}% free, {int:2:200}MB/{int:4:400}MB, paused {int:20:900}us total {float:5:900:3}ms', level: 'INFO', component: 'art', weight: 2 },
    { label: 'Error', pattern: 'NetworkAgentInfo [WIFI () - {int:100:999}] validation failed', level: 'INFO', component: 'ConnectivityService' },
    { label: 'Error', pattern: 'Unable to resolve host "{api.example.com|graph.facebook.com|firebaseinstallations.googleapis.com}": No address associated with hostname', level: 'ERROR', component: 'FirebaseInstallations' },
    { label: 'Security Alert', pattern: 'type=1400 audit(0.0:{int:100:99999}): avc: denied {lb} {read|open|getattr|search} {rb} for name="{serialno|stat|cpuinfo_max_freq|tcp6}" dev="{proc|sysfs|tmpfs}" ino={int:1000:999999} scontext={selinuxCtx} tcontext={tcontext} tclass={file|dir} permissive=0', level: 'WARN', component: 'auditd', weight: 2 },
    { label: 'Critical Error', pattern: 'ANR in {theApp} ({sameApp}/{activity})', level: 'ERROR', component: 'ActivityManager', weight: 2 },
    { label: 'Critical Error', pattern: 'FATAL EXCEPTION: {main|OkHttp Dispatcher|WorkManager-WorkManagerTaskExecutor-thread-1|RenderThread}', level: 'ERROR', component: 'AndroidRuntime', weight: 2 },
    { label: 'Critical Error', pattern: 'Fatal signal {11 (SIGSEGV), code 1 (SEGV_MAPERR), fault addr 0x{0|8|10}|6 (SIGABRT), code -1 (SI_QUEUE)} in tid {int:1000:32000} ({RenderThread|main|HwBinder:1234_2|Thread-12}), pid {int:1000:32000} ({pkgName})', level: 'FATAL', component: 'libc' },
    { label: 'Critical Error', pattern: 'Scheduling restart of crashed service {pkgName}/{.sync.SyncService|.MessagingService|com.google.android.gms.chimera.PersistentApiService} in {1000|4000|16000}ms for {start-requested|connection}', level: 'WARN', component: 'ActivityManager' },
  ],
});
