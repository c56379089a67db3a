import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { MONTHS, moment, pad } from './headers';
import TEMPLATES_WINDOWS from './templates/windows.json';

/**
 * Windows event logs (System, Application, Security) as they are exported:
 * Event Viewer's tab-separated "Save as text", Snare/NXLog's syslog lines and
 * PowerShell's Get-WinEvent table. The multi-line event text arrives with
 * its lines joined. A template's component is `Source|EventID|Task|Channel`.
 * Successful logons of people and account changes are User Action; failed
 * logons, lockouts and a cleared audit log are Security Alert; a service that
 * stops unexpectedly, an unexpected shutdown or an application crash is
 * Critical Error.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface EventMeta {
  source: string;
  id: string;
  task: string;
  channel: string;
}

const meta = (component: string | undefined): EventMeta => {
  const [source = 'Service Control Manager', id = '7036', task = 'None', channel = 'System'] = (component ?? '').split('|');
  return { source, id, task, channel };
};

/** The Level column: Security events show their audit keyword instead. */
function levelColumn(level: FamilyLevel, m: EventMeta, message: string): string {
  if (m.channel === 'Security') return /failed/i.test(message) && !/successfully/.test(message) ? 'Audit Failure' : 'Audit Success';
  if (level === 'CRITICAL' || level === 'FATAL') return 'Critical';
  if (level === 'ERROR' || level === 'ALERT') return 'Error';
  if (level === 'WARN') return 'Warning';
  return 'Information';
}

const usTime = (r: Prng): string => {
  const t = moment(r);
  const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${t.month}/${t.day}/${t.year} ${h12}:${pad(t.minute, 2)}:${pad(t.second, 2)} ${t.hour < 12 ? 'AM' : 'PM'}`;
};
const computer = (r: Prng): string => r.pick([`DESKTOP-${r.hex(7).toUpperCase()}`, `WIN-${r.hex(11).toUpperCase()}`, `SRV-DC0${r.int(1, 4)}`, `FS0${r.int(1, 9)}.corp.contoso.com`, `LT-${r.int(1000, 9999)}`, `SQL0${r.int(1, 4)}`]);

/** Event Viewer "Save All Events As... Text": `Level<TAB>Date and Time<TAB>Source<TAB>Event ID<TAB>Task Category<TAB>message`. */
const savedText: LineFormat = (msg, { level, component, rng }) => {
  const m = meta(component);
  return [levelColumn(level, m, msg), usTime(rng), m.source, m.id, m.task, msg].join('\t');
};

/** Snare / NXLog over syslog: `<14>Jan  2 03:04:05 HOST MSWinEventLog<TAB>1<TAB>System<TAB>...`. */
const snare: LineFormat = (msg, { level, component, rng }) => {
  const m = meta(component);
  const t = moment(rng);
  const host = computer(rng);
  const when = `${DAYS[rng.int(0, 6)]} ${MONTHS[t.month - 1]} ${pad(t.day, 2)} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)} ${t.year}`;
  const column = levelColumn(level, m, msg);
  const kind = column === 'Audit Success' ? 'Success Audit' : column === 'Audit Failure' ? 'Failure Audit' : column;
  return `<${rng.pick([13, 14, 11, 12])}>${MONTHS[t.month - 1]} ${String(t.day).padStart(2, ' ')} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)} ${host} MSWinEventLog\t1\t${m.channel}\t${rng.int(1, 999999)}\t${when}\t${m.id}\t${m.source}\tN/A\tN/A\t${kind}\t${host}\t${m.task}\t\t${msg}\t${rng.int(1, 999999)}`;
};

/** `Get-WinEvent | Format-Table TimeCreated,Id,LevelDisplayName,Message -AutoSize -Wrap:$false` */
const winEventTable: LineFormat = (msg, { level, component, rng }) => {
  const m = meta(component);
  return `${usTime(rng).padEnd(22)} ${m.id.padStart(5)} ${levelColumn(level, m, msg).padEnd(16)} ${msg}`;
};

const domain: Filler = (r) => r.pick(['CORP', 'CONTOSO', 'FABRIKAM', 'WORKGROUP', 'AD']);
const account: Filler = (r) => r.pick(['alice', 'bob.smith', 'jdoe', 'Administrator', 'svc_sql', 'helpdesk01', 'priya.k', 'kenji.t', 'backup_svc', 'm.garcia']);
const sid: Filler = (r) => `S-1-5-21-${r.int(1000000000, 4294967295)}-${r.int(1000000000, 4294967295)}-${r.int(100000000, 4294967295)}-${r.int(500, 9999)}`;
const logonId: Filler = (r) => `0x${r.hex(r.int(5, 8)).toUpperCase().replace(/^0+/, '')}`;
const workstation: Filler = (r) => computer(r);
const service: Filler = (r) => r.pick(['Windows Update', 'Background Intelligent Transfer Service', 'Print Spooler', 'WinHTTP Web Proxy Auto-Discovery Service', 'Windows Modules Installer', 'Microsoft Defender Antivirus Service', 'Windows Error Reporting Service', 'Software Protection', 'SQL Server (MSSQLSERVER)', 'Windows Event Log', 'Remote Registry', 'Network List Service', 'Delivery Optimization']);
const kb: Filler = (r) => `KB${r.int(4000000, 5039999)}`;
const updateTitle: Filler = (r) => r.pick([`${r.int(2023, 2026)}-${pad(r.int(1, 12), 2)} Cumulative Update for Windows ${r.pick(['10 Version 22H2', '11 Version 23H2', 'Server 2022'])} for x64-based Systems (${kb(r)})`, `Security Intelligence Update for Microsoft Defender Antivirus - ${kb(r)} (Version 1.${r.int(380, 415)}.${r.int(100, 999)}.0)`, `${r.int(2023, 2026)}-${pad(r.int(1, 12), 2)} Cumulative Update for .NET Framework 3.5, 4.8 and 4.8.1 for Windows 10 Version 22H2 for x64 (${kb(r)})`]);
const exe: Filler = (r) => r.pick(['explorer.exe', 'chrome.exe', 'OUTLOOK.EXE', 'java.exe', 'w3wp.exe', 'sqlservr.exe', 'MsMpEng.exe', 'Teams.exe', 'svchost.exe', 'backup-agent.exe']);
const winErr: Filler = (r) => r.pick(['0x80070643', '0x800f0922', '0x80073701', '0x8024200B', '0x80240034']);
const disk: Filler = (r) => `\\Device\\Harddisk${r.int(0, 4)}\\DR${r.int(0, 9)}`;
const srcPort: Filler = (r) => String(r.int(49152, 65535));
const failureReason: Filler = (r) =>
  r.pick([
    'Unknown user name or bad password.  Status: 0xC000006D  Sub Status: 0xC000006A',
    'Unknown user name or bad password.  Status: 0xC000006D  Sub Status: 0xC0000064',
    'Account locked out.  Status: 0xC0000234  Sub Status: 0x0',
    'The user has not been granted the requested logon type at this machine.  Status: 0xC000015B  Sub Status: 0x0',
  ]);

export const windows = defineFamily({
  family: 'windows',
  description: 'Windows System, Application and Security event logs as exported (Event Viewer text, Snare/NXLog syslog, Get-WinEvent)',
  sources: ['windows-eventlog', 'windows-security', 'windows-system'],
  formats: [savedText, snare, winEventTable],
  fillers: { domain, account, sid, logonId, workstation, service, kb, updateTitle, exe, winErr, disk, srcPort, failureReason },
  templates: familyTemplates(TEMPLATES_WINDOWS),
});
