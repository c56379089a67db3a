import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { MONTHS, moment, pad } from './headers';

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
  templates: [
    { label: 'User Action', pattern: 'An account was successfully logged on.  Subject:  Security ID: S-1-5-18  Account Name: {workstation}$  Account Domain: {domain}  Logon ID: 0x3E7  Logon Information:  Logon Type: {2|3|7|10|11}  Restricted Admin Mode: -  Virtual Account: No  Elevated Token: {Yes|No}  New Logon:  Security ID: {sid}  Account Name: {account}  Account Domain: {domain}  Logon ID: {logonId}  Network Information:  Workstation Name: {workstation}  Source Network Address: {ip}  Source Port: {srcPort}  Detailed Authentication Information:  Logon Process: {User32|NtLmSsp|Kerberos|Advapi}  Authentication Package: {Negotiate|NTLM|Kerberos}', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4624|Logon|Security', weight: 3 },
    { label: 'System Notification', pattern: 'An account was successfully logged on.  Subject:  Security ID: S-1-5-18  Account Name: {workstation}$  Account Domain: {domain}  Logon ID: 0x3E7  Logon Information:  Logon Type: 5  Restricted Admin Mode: -  Virtual Account: No  Elevated Token: Yes  New Logon:  Security ID: {S-1-5-18  Account Name: SYSTEM|S-1-5-19  Account Name: LOCAL SERVICE|S-1-5-20  Account Name: NETWORK SERVICE}  Account Domain: NT AUTHORITY  Logon ID: 0x3E7  Process Information:  Process ID: 0x{hex8}  Process Name: C:\\Windows\\System32\\services.exe', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4624|Logon|Security', weight: 2 },
    { label: 'Security Alert', pattern: 'An account failed to log on.  Subject:  Security ID: S-1-0-0  Account Name: -  Account Domain: -  Logon ID: 0x0  Logon Type: {3|10|2}  Account For Which Logon Failed:  Security ID: S-1-0-0  Account Name: {account}  Account Domain: {domain}  Failure Information:  Failure Reason: {failureReason}  Network Information:  Workstation Name: {workstation}  Source Network Address: {ip}  Source Port: {srcPort}', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4625|Logon|Security', weight: 3 },
    { label: 'User Action', pattern: 'An account was logged off.  Subject:  Security ID: {sid}  Account Name: {account}  Account Domain: {domain}  Logon ID: {logonId}  Logon Type: {2|3|10}', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4634|Logoff|Security', weight: 2 },
    { label: 'User Action', pattern: 'Special privileges assigned to new logon.  Subject:  Security ID: {sid}  Account Name: {account}  Account Domain: {domain}  Logon ID: {logonId}  Privileges: SeSecurityPrivilege  SeBackupPrivilege  SeRestorePrivilege  SeTakeOwnershipPrivilege  SeDebugPrivilege  SeSystemEnvironmentPrivilege  SeLoadDriverPrivilege  SeImpersonatePrivilege', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4672|Special Logon|Security' },
    { label: 'User Action', pattern: 'A user account was created.  Subject:  Security ID: {sid}  Account Name: {account}  Account Domain: {domain}  Logon ID: {logonId}  New Account:  Security ID: {sid}  Account Name: {account}  Account Domain: {domain}', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4720|User Account Management|Security' },
    { label: 'User Action', pattern: 'A user account was deleted.  Subject:  Security ID: {sid}  Account Name: {account}  Account Domain: {domain}  Logon ID: {logonId}  Target Account:  Security ID: {sid}  Account Name: {account}  Account Domain: {domain}', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4726|User Account Management|Security' },
    { label: 'User Action', pattern: 'An attempt was made to reset an account\'s password.  Subject:  Security ID: {sid}  Account Name: {account}  Account Domain: {domain}  Logon ID: {logonId}  Target Account:  Security ID: {sid}  Account Name: {account}  Account Domain: {domain}', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4724|User Account Management|Security' },
    { label: 'User Action', pattern: 'A member was added to a security-enabled {local|global} group.  Subject:  Security ID: {sid}  Account Name: {account}  Account Domain: {domain}  Logon ID: {logonId}  Member:  Security ID: {sid}  Account Name: CN={account},OU=Users,DC=corp,DC=contoso,DC=com  Group:  Security ID: S-1-5-32-{544|555|551}  Group Name: {Administrators|Remote Desktop Users|Backup Operators}  Group Domain: Builtin', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4732|Security Group Management|Security' },
    { label: 'Security Alert', pattern: 'A user account was locked out.  Subject:  Security ID: S-1-5-18  Account Name: {workstation}$  Account Domain: {domain}  Logon ID: 0x3E7  Account That Was Locked Out:  Security ID: {sid}  Account Name: {account}  Additional Information:  Caller Computer Name: {workstation}', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4740|User Account Management|Security', weight: 2 },
    { label: 'Security Alert', pattern: 'Kerberos pre-authentication failed.  Account Information:  Security ID: {sid}  Account Name: {account}  Service Information:  Service Name: krbtgt/{domain}  Network Information:  Client Address: ::ffff:{ip}  Client Port: {srcPort}  Additional Information:  Ticket Options: 0x40810010  Failure Code: 0x18  Pre-Authentication Type: 2', level: 'INFO', component: 'Microsoft-Windows-Security-Auditing|4771|Kerberos Authentication Service|Security' },
    { label: 'Security Alert', pattern: 'The audit log was cleared.  Subject:  Security ID: {sid}  Account Name: {account}  Domain Name: {domain}  Logon ID: {logonId}', level: 'INFO', component: 'Microsoft-Windows-Eventlog|1102|Log clear|Security' },
    { label: 'System Notification', pattern: 'The {service} service entered the {running|stopped} state.', level: 'INFO', component: 'Service Control Manager|7036|None|System', weight: 4 },
    { label: 'System Notification', pattern: 'The start type of the {service} service was changed from {demand start to auto start|auto start to demand start|disabled to demand start|auto start to disabled}.', level: 'INFO', component: 'Service Control Manager|7040|None|System' },
    { label: 'System Notification', pattern: 'The Event log service was {started|stopped}.', level: 'INFO', component: 'EventLog|6005|None|System' },
    { label: 'System Notification', pattern: 'The system uptime is {int:60:9000000} seconds.', level: 'INFO', component: 'EventLog|6013|None|System', weight: 2 },
    { label: 'System Notification', pattern: 'The process C:\\Windows\\{servicing\\TrustedInstaller.exe|system32\\svchost.exe -k netsvcs -p -s UsoSvc} ({workstation}) has initiated the restart of computer {workstation} on behalf of user NT AUTHORITY\\SYSTEM for the following reason: Operating System: Service pack (Planned)  Reason Code: 0x80020010  Shutdown Type: restart  Comment: ', level: 'INFO', component: 'User32|1074|None|System' },
    { label: 'User Action', pattern: 'The process C:\\Windows\\system32\\{winlogon.exe|shutdown.exe|explorer.exe} ({workstation}) has initiated the {restart|power off} of computer {workstation} on behalf of user {domain}\\{account} for the following reason: {No title for this reason could be found|Other (Planned)|Application: Maintenance (Planned)}  Reason Code: 0x{500ff|80000000|84040001}  Shutdown Type: {restart|power off}  Comment: ', level: 'INFO', component: 'User32|1074|None|System' },
    { label: 'System Notification', pattern: 'Installation Successful: Windows successfully installed the following update: {updateTitle}', level: 'INFO', component: 'Microsoft-Windows-WindowsUpdateClient|19|Windows Update Agent|System', weight: 2 },
    { label: 'System Notification', pattern: 'Installation Started: Windows has started installing the following update: {updateTitle}', level: 'INFO', component: 'Microsoft-Windows-WindowsUpdateClient|43|Windows Update Agent|System' },
    { label: 'System Notification', pattern: 'The system time has changed to \u200e{iso} from \u200e{iso}.  Change Reason: System time synchronized with the hardware clock.', level: 'INFO', component: 'Microsoft-Windows-Kernel-General|1|None|System' },
    { label: 'Error', pattern: 'Installation Failure: Windows failed to install the following update with error {winErr}: {updateTitle}.', level: 'ERROR', component: 'Microsoft-Windows-WindowsUpdateClient|20|Windows Update Agent|System', weight: 2 },
    { label: 'Error', pattern: 'Name resolution for the name {host} timed out after none of the configured DNS servers responded.', level: 'WARN', component: 'Microsoft-Windows-DNS-Client|1014|(1014)|System', weight: 2 },
    { label: 'Error', pattern: 'An error was detected on device {disk} during a paging operation.', level: 'WARN', component: 'disk|51|None|System' },
    { label: 'Error', pattern: 'The IO operation at logical block address 0x{hex8} for Disk {int:0:4} (PDO name: \\Device\\000000{int:30:99}) was retried.', level: 'WARN', component: 'disk|153|None|System' },
    { label: 'Error', pattern: 'The driver detected a controller error on {disk}.', level: 'ERROR', component: 'disk|11|None|System' },
    { label: 'Resource Usage', pattern: 'Windows successfully diagnosed a low virtual memory condition. The following programs consumed the most virtual memory: {exe} ({pid}) consumed {int:100000000:9000000000} bytes, {exe} ({pid}) consumed {int:10000000:900000000} bytes, and {exe} ({pid}) consumed {int:10000000:900000000} bytes.', level: 'WARN', component: 'Microsoft-Windows-Resource-Exhaustion-Detector|2004|Resource Exhaustion Diagnosis Events|System' },
    { label: 'Resource Usage', pattern: 'The {C|D|E}: disk is at or near capacity.  You may need to delete some files.', level: 'WARN', component: 'srv|2013|None|System' },
    { label: 'Critical Error', pattern: 'The {service} service terminated unexpectedly.  It has done this {int:1:9} time(s).  The following corrective action will be taken in {60000|120000|0} milliseconds: Restart the service.', level: 'ERROR', component: 'Service Control Manager|7031|None|System', weight: 2 },
    { label: 'Critical Error', pattern: 'The {service} service terminated unexpectedly.  It has done this {int:1:9} time(s).', level: 'ERROR', component: 'Service Control Manager|7034|None|System' },
    { label: 'Critical Error', pattern: 'The {service} service failed to start due to the following error:  {The service did not respond to the start or control request in a timely fashion.|The system cannot find the file specified.|Access is denied.}', level: 'ERROR', component: 'Service Control Manager|7000|None|System' },
    { label: 'Critical Error', pattern: 'The previous system shutdown at {int:1:12}:{int:10:59}:{int:10:59} {AM|PM} on \u200e{int:1:12}/\u200e{int:1:28}/\u200e{int:2023:2026} was unexpected.', level: 'ERROR', component: 'EventLog|6008|None|System', weight: 2 },
    { label: 'Critical Error', pattern: 'The system has rebooted without cleanly shutting down first. This error could be caused if the system stopped responding, crashed, or lost power unexpectedly.', level: 'CRITICAL', component: 'Microsoft-Windows-Kernel-Power|41|(63)|System' },
    { label: 'Critical Error', pattern: 'The computer has rebooted from a bugcheck.  The bugcheck was: 0x{0000007e|00000050|0000009f|000000d1|00000133} (0x{hex8}, 0x{hex8}, 0x{hex8}, 0x{hex8}). A dump was saved in: C:\\Windows\\MEMORY.DMP. Report Id: {uuid}.', level: 'ERROR', component: 'Microsoft-Windows-WER-SystemErrorReporting|1001|None|System' },
    { label: 'Critical Error', pattern: 'The device, {disk}, has a bad block.', level: 'ERROR', component: 'disk|7|None|System' },
    { label: 'Critical Error', pattern: 'A corruption was discovered in the file system structure on volume {C:|D:|\\\\?\\Volume{lb}{uuid}{rb}}.', level: 'ERROR', component: 'Ntfs|55|None|System' },
    { label: 'Critical Error', pattern: 'Faulting application name: {exe}, version: {int:1:20}.{int:0:9}.{int:0:30000}.{int:0:999}, time stamp: 0x{hex8}  Faulting module name: {ntdll.dll|KERNELBASE.dll|ucrtbase.dll|clr.dll|jvm.dll}, version: 10.0.{19041|22621}.{int:1:4000}, time stamp: 0x{hex8}  Exception code: 0x{c0000005|c0000409|e0434352|c0000374}  Fault offset: 0x{hex8}  Faulting process id: 0x{int:100:9999}  Faulting application path: C:\\Program Files\\{exe}', level: 'ERROR', component: 'Application Error|1000|(100)|Application', weight: 2 },
    { label: 'Critical Error', pattern: 'Application: {exe}  Framework Version: v4.0.30319  Description: The process was terminated due to an unhandled exception.  Exception Info: System.{NullReferenceException|OutOfMemoryException|IO.FileNotFoundException|InvalidOperationException}', level: 'ERROR', component: '.NET Runtime|1026|None|Application' },
  ],
});
