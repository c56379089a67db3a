import { formatDate, formatTime, type Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { MONTHS, expandComponent, moment, pad, sticky } from './headers';

/**
 * macOS system log: the old /var/log/system.log syslog shape and `log show`
 * output. A template's component is the process with its pid (`kernel[0]`,
 * `symptomsd[{int:180:260}]`). Wi-Fi, sleep and wake chatter is routine; a
 * sandbox denial is a MAC policy refusing a process (Security Alert, as
 * AppLocker/SELinux denials are); a crash report or a service exiting
 * abnormally is Critical Error.
 */

const macHost = (r: Prng): string => r.pick([`calvisitor-10-105-${r.int(160, 163)}-${r.int(1, 254)}`, `${r.pick(['Johns', 'Annas', 'Priyas', 'Kenjis'])}-MacBook-Pro`, `MacBook-Air-${r.int(2, 9)}`, `mbp-${r.hex(4)}.local`, 'iMac']);

const parseProcess = (text: string): { name: string; pid: string } => {
  const match = /^(.*)\[(\d+)\]$/.exec(text);
  return match ? { name: match[1], pid: match[2] } : { name: text, pid: '0' };
};

let componentFillers: Readonly<Record<string, Filler>> = {};

/** `Jul  1 09:00:55 calvisitor-10-105-160-95 kernel[0]: message` */
const systemLog: LineFormat = (m, { component, rng }) => {
  const t = moment(rng);
  return `${MONTHS[t.month - 1]} ${String(t.day).padStart(2, ' ')} ${formatTime(t)} ${macHost(rng)} ${expandComponent(component ?? 'kernel[0]', rng, componentFillers)}: ${m}`;
};

const logType = (level: FamilyLevel): string => (level === 'ERROR' ? 'Error' : level === 'FATAL' || level === 'CRITICAL' ? 'Fault' : level === 'DEBUG' ? 'Debug' : level === 'INFO' ? 'Info' : 'Default');

/** `log show`: `2024-01-02 03:04:05.678901-0700  0x1a2b     Default     0x0                  123    0    kernel: message` */
const logShow: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  const { name, pid } = parseProcess(expandComponent(component ?? 'kernel[0]', rng, componentFillers));
  const process = name.replace(/^com\.apple\.xpc\.launchd$/, 'launchd');
  return `${formatDate(t)} ${formatTime(t)}.${pad(t.millis * 1000 + rng.int(0, 999), 6)}${rng.pick(['-0700', '-0800', '+0000', '+0100', '-0400'])} 0x${rng.int(0x100, 0xfffff).toString(16).padEnd(8, ' ')} ${logType(level).padEnd(11, ' ')} 0x${rng.int(0, 0xfffff).toString(16).padEnd(19, ' ')} ${pid.padEnd(6, ' ')} ${rng.pick(['0', '0', '7', '14'])}    ${process}: ${m}`;
};

const mac: Filler = (r) => Array.from({ length: 6 }, () => r.hex(2)).join(':');
const uptime: Filler = (r) => `${r.int(1000, 999999)}.${pad(r.int(0, 999999), 6)}`;
const bundle: Filler = (r) => r.pick(['com.apple.quicklook.ThumbnailsAgent', 'com.apple.photoanalysisd', 'com.apple.mdworker.shared.0B000000-0300-0000-0000-000000000000', 'com.apple.Safari.SafeBrowsing.Service', 'com.apple.cloudphotod', 'com.apple.nsurlsessiond', 'com.google.keystone.agent', 'com.microsoft.OneDrive.FinderSync']);
const app: Filler = (r) => r.pick(['Safari', 'Google Chrome', 'Mail', 'Microsoft Word', 'Xcode', 'Slack', 'zoom.us', 'Finder', 'Preview', 'Spotlight']);
const sandboxed: Filler = (r) => r.pick(['com.apple.WebKit.WebContent', 'QuickLookSatellite', 'mdworker_shared', 'com.apple.Safari.SandboxBroker', 'AppleSpell', 'Slack Helper (Renderer)', 'com.apple.appkit.xpc.openAndSavePanelService']);
const userPath: Filler = (r) => `/Users/${r.pick(['john', 'anna', 'priya', 'kenji'])}/${r.pick(['Library/Cookies/Cookies.binarycookies', 'Documents/contracts/2024-q1.pdf', 'Library/Application Support/AddressBook/AddressBook-v22.abcddb', 'Desktop/keys.txt', '.ssh/id_rsa', 'Library/Mail/V10/MailData/Envelope Index'])}`;
const wakeReason: Filler = (r) => r.pick(['ARPT (Network)', 'RTC (Alarm)', 'EC.LidOpen (User)', 'XHC1 (User)', 'EC.PowerButton (User)', 'UserActivity Assertion']);

componentFillers = { mac };
const crashed = sticky(app);

export const macos = defineFamily({
  family: 'macos',
  description: 'macOS system log (/var/log/system.log syslog shape and `log show`)',
  sources: ['macos', 'system.log'],
  formats: [systemLog, systemLog, logShow],
  fillers: { crashedApp: crashed.draw, sameApp: crashed.again, mac, uptime, bundle, app, sandboxed, userPath, wakeReason },
  templates: [
    { label: 'System Notification', pattern: 'ARPT: {uptime}: wl0: wl_update_tcpkeep_seq: Original Seq: {int:100000000:4294967295}, Ack: {int:100000000:4294967295}, Win size: {4096|65535|131072}', level: null, component: 'kernel[0]', weight: 3 },
    { label: 'System Notification', pattern: 'ARPT: {uptime}: AirPort: Link {Down|Up} on {awdl0|en0}.{| Reason 1 (Unspecified).| Reason 8 (Disassociated because station leaving).}', level: null, component: 'kernel[0]', weight: 2 },
    { label: 'System Notification', pattern: 'AirPort_Brcm43xx::powerChange: System {Wake|Sleep}{| - Full Wake/ Dark Wake / Maintenance wake}', level: null, component: 'kernel[0]', weight: 2 },
    { label: 'System Notification', pattern: 'en0: BSSID changed to {mac}', level: null, component: 'kernel[0]' },
    { label: 'System Notification', pattern: 'IOThunderboltSwitch<0>(0x0)::listenerCallback - Thunderbolt HPD packet for route = 0x0 port = {int:1:12} unplug = {0|1}', level: null, component: 'kernel[0]', weight: 2 },
    { label: 'System Notification', pattern: 'Previous sleep cause: {5|3|-128}', level: null, component: 'kernel[0]' },
    { label: 'System Notification', pattern: 'Wake reason: {wakeReason}', level: null, component: 'kernel[0]', weight: 2 },
    { label: 'System Notification', pattern: 'DarkWake from Deep Idle [CDNVA] : due to {NUB.SPMI0.SW3 RTC/Maintenance|ARPT/UserActivity|EC.SleepTimer/Maintenance} Using {AC|BATT} (Charge:{int:5:100}%)', level: null, component: 'kernel[0]', weight: 2 },
    { label: 'System Notification', pattern: 'PM response took {int:100:9999} ms ({int:40:500}, {powerd|WindowServer|coreaudiod|symptomsd})', level: null, component: 'kernel[0]' },
    { label: 'System Notification', pattern: '**** [IOBluetoothHostControllerUSBTransport][{SuspendDevice|ResumeDevice}] -- {Suspend|Resume} -- {suspend|resume}DeviceCallResult = 0x0000 (kIOReturnSuccess) -- 0x{hex8} ****', level: null, component: 'kernel[0]' },
    { label: 'System Notification', pattern: '{Google Chrome He|Slack Helper|Code Helper} (map: 0xffffff80{hex8}) triggered DYLD shared region unnest for map: 0xffffff80{hex8}, region 0x7fff{hex8}->0x7fff{hex8}. While not abnormal for debuggers, this increases system memory footprint until the target exits.', level: null, component: 'kernel[0]' },
    { label: 'System Notification', pattern: 'mDNS_RegisterInterface: Frequent transitions for interface {en0|awdl0|utun2} ({ip})', level: null, component: 'mDNSResponder[{int:80:120}]' },
    { label: 'System Notification', pattern: 'network changed: v4(en0{|+}:{ip}) DNS{|*} Proxy SMB', level: null, component: 'configd[{int:50:60}]', weight: 2 },
    { label: 'System Notification', pattern: '__73-[NetworkAnalyticsEngine observeValueForKeyPath:ofObject:change:context:]_block_invoke unexpected switch value {1|2|3}', level: null, component: 'symptomsd[{int:180:260}]', weight: 2 },
    { label: 'System Notification', pattern: 'CGXDisplayDidWakeNotification [{int:100000000000:999999999999}]: posting kCGSDisplayDidWake', level: null, component: 'WindowServer[{int:150:300}]' },
    { label: 'User Action', pattern: 'USER_PROCESS: {int:80:200} console', level: null, component: 'loginwindow[{int:80:200}]' },
    { label: 'User Action', pattern: 'DEAD_PROCESS: {int:80:200} console', level: null, component: 'sessionlogoutd[{int:1000:40000}]' },
    { label: 'Resource Usage', pattern: 'Thermal pressure state: {0|1|2} Memory pressure state: {0|1|2}', level: null, component: 'com.apple.CDScheduler[{int:40:60}]', weight: 2 },
    { label: 'Resource Usage', pattern: 'Battery level {int:2:10}% is below warning threshold ({10|5}%), time remaining {int:2:30} min', level: 'INFO', component: 'powerd[{int:60:120}]' },
    { label: 'Resource Usage', pattern: 'low disk space on volume "{Macintosh HD - Data|Data|Backup}": {int:100:2048} MB free of {251|500|1000} GB', level: null, component: 'kernel[0]' },
    { label: 'Error', pattern: '-[NetworkAnalyticsEngine _writeJournalRecord:fromCellFingerprint:key:atLOI:ofKind:lqm:isFaulty:] Hashing of the primary key failed. Dropping the journal record.', level: 'ERROR', component: 'symptomsd[{int:180:260}]' },
    { label: 'Error', pattern: 'disk{int:0:4}s{int:1:4}: I/O error.', level: null, component: 'kernel[0]' },
    { label: 'Error', pattern: 'nw_connection_copy_connected_local_endpoint [C{int:1:900}] Connection has no connected path', level: 'ERROR', component: '{nsurlsessiond|trustd|apsd}[{int:100:900}]' },
    { label: 'Security Alert', pattern: 'Sandbox: {sandboxed}({pid}) {|System Policy: }deny(1) file-read-data {userPath}', level: null, component: 'kernel[0]', weight: 2 },
    { label: 'Security Alert', pattern: 'ODRecordVerifyPassword failed with result kODErrorCredentialsInvalid', level: 'ERROR', component: 'opendirectoryd[{int:60:120}]' },
    { label: 'Critical Error', pattern: '({bundle}[{pid}]): Service exited with abnormal code: {1|2|70|255}', level: null, component: 'com.apple.xpc.launchd[1]', weight: 2 },
    { label: 'Critical Error', pattern: '({bundle}[{pid}]): Service exited due to {SIGSEGV|SIGABRT|SIGILL}', level: null, component: 'com.apple.xpc.launchd[1]' },
    { label: 'Critical Error', pattern: 'Saved crash report for {crashedApp}[{pid}] version {int:1:120}.{int:0:9} ({int:1000:19999}.{int:1:9}.{int:1:30}) to /Library/Logs/DiagnosticReports/{sameApp}-{date}-{int:100000:235959}.ips', level: null, component: 'ReportCrash[{int:1000:60000}]' },
    { label: 'Critical Error', pattern: 'low swap: killing largest compressed process with pid {pid} ({app}) and size {int:500:40000} MB', level: null, component: 'kernel[0]' },
    { label: 'Deprecation Warning', pattern: 'Endpoint has been activated through legacy launch(3) APIs. Please switch to XPC or bootstrap_check_in(): {com.apple.cvmsServ|com.apple.rcd|com.google.keystone.daemon|com.vmware.launchd.vmware-usbarbitrator}', level: null, component: 'com.apple.xpc.launchd[1]' },
  ],
});
