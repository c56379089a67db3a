import { formatDate, formatTime, type Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { MONTHS, expandComponent, moment, pad, sticky } from './headers';
import TEMPLATES_MACOS from './templates/macos.json';

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
  templates: familyTemplates(TEMPLATES_MACOS),
});
