import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { moment, pad, sticky } from './headers';
import TEMPLATES_ANDROID from './templates/android.json';

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
/** A dead process's adjustment type and state (`cch CEM`, `cch+35 CEM`, `prev LAST`): printed from the process record, a value. */
const diedState: Filler = (r) => r.pick(['cch CEM', 'cch CRE', 'prev LAST', '']) || `cch+${r.int(5, 75)} CEM`;
/** The charger healthd reports (none, USB, AC, wireless): a value, empty when none. */
const chargerType: Filler = (r) => r.pick(['', 'u', 'a', 'w']);
/** The thread an app crashed on: a name, though one is two words. */
const crashThread: Filler = (r) => r.pick(['main', 'OkHttp Dispatcher', 'WorkManager-WorkManagerTaskExecutor-thread-1', 'RenderThread']);
/** The permission an SELinux denial names (`{ open }` is a permission, not a state word): a value. */
const avcPermission: Filler = (r) => r.pick(['read', 'open', 'getattr', 'search']);
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
  fillers: { swapBelow, pkgName, theApp: app.draw, sameApp: app.again, uid, activity, processState, wakeTag, lockId, bssid, kb, window, selinuxCtx, tcontext, diedState, chargerType, crashThread, avcPermission },
  templates: familyTemplates(TEMPLATES_ANDROID),
});
