import type { Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { digits, moment, pad } from './headers';

/**
 * Windows component-based servicing (C:\Windows\Logs\CBS\CBS.log, written
 * by TrustedInstaller). Almost all of it is routine chatter about packages
 * and sessions; an HRESULT failure of one package or upload is Error.
 */

const cbsLevel = (level: FamilyLevel): string => (level === 'ERROR' || level === 'CRITICAL' || level === 'FATAL' ? 'Error' : level === 'WARN' ? 'Warning' : 'Info');

/** `2016-09-28 04:30:30, Info                  CBS    message`: the level padded to 22, the component to 6. */
const cbsHeader: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  return `${t.year}-${pad(t.month, 2)}-${pad(t.day, 2)} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}, ${cbsLevel(level).padEnd(22, ' ')}${(component ?? 'CBS').padEnd(7, ' ')}${m}`;
};

const kb: Filler = (r) => `KB${r.weighted<number>([[r.int(2500000, 3200000), 2], [r.int(4000000, 5039999), 2]])}`;
const pkgVersion: Filler = (r) => r.pick(['6.1.1.1', '6.1.1.2', '6.1.2.0', '6.3.1.1', '10.0.1.2', `10.0.${r.pick([17763, 19041, 22621])}.${r.int(1, 4000)}`]);
const pkg: Filler = (r) =>
  r.weighted<string>([
    [`Package_for_${kb(r)}~31bf3856ad364e35~amd64~~${pkgVersion(r)}`, 3],
    [`Package_${r.int(1, 900)}_for_${kb(r)}~31bf3856ad364e35~amd64~~${pkgVersion(r)}`, 2],
    [`Microsoft-Windows-${r.pick(['Client-Features', 'NetFx3-OnDemand', 'InternetExplorer-Optional', 'Foundation', 'Hyper-V-Feature'])}-Package~31bf3856ad364e35~amd64~~${pkgVersion(r)}`, 1],
  ]);
const parent: Filler = (r) => `Microsoft-Windows-${r.pick(['Client-Features', 'Foundation', 'ServerStandard', 'HomePremiumEdition', 'ProfessionalEdition', 'Server-Core'])}-Package~31bf3856ad364e35~amd64~~6.1.7601.${r.pick([17514, 17592, 23505, 24384])}`;
const session: Filler = (r) => `${digits(r, 8)}_${digits(r, 10)}`;
const stack: Filler = (r) => `v6.1.7601.${r.pick([23505, 24384, 24499, 17592])}`;
const stackDir: Filler = (r) => `amd64_microsoft-windows-servicingstack_31bf3856ad364e35_6.1.7601.${r.pick([23505, 24384, 17592])}_none_${r.hex(16)}`;
const csiSeq: Filler = (r) => r.int(1, 0x2ff).toString(16).padStart(8, '0');
const csiTime: Filler = (r) => {
  const t = moment(r);
  return `${t.year}/${t.month}/${t.day}:${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.millis, 3)}`;
};
const stackAddrs: Filler = (r) => Array.from({ length: 6 }, () => `@0x${r.pick(['7fe', '7fef', 'ff8'])}${r.hex(r.pick([7, 8]))}`).join(' ');
const applState: Filler = (r) => r.pick(['112', '80', '0', '16', '96']);
const wcpFile: Filler = (r) => r.pick(['wmpeffects.dll', 'tquery.dll', 'ieframe.dll', 'mshtml.dll', 'ntoskrnl.exe', 'shell32.dll']);

export const windowsCbs = defineFamily({
  family: 'windows-cbs',
  description: 'Windows component-based servicing log (CBS.log, TrustedInstaller and CSI)',
  sources: ['windows-cbs', 'cbs.log'],
  formats: [cbsHeader],
  fillers: { kb, pkgVersion, pkg, parent, session, stack, stackDir, csiSeq, csiTime, stackAddrs, applState, wcpFile },
  templates: [
    { label: 'System Notification', pattern: 'Loaded Servicing Stack {stack} with Core: C:\\Windows\\winsxs\\{stackDir}\\cbscore.dll', level: 'INFO', component: 'CBS', weight: 2 },
    { label: 'System Notification', pattern: '{Starting TrustedInstaller initialization.|Ending TrustedInstaller initialization.|Starting the TrustedInstaller main loop.|TrustedInstaller service starts successfully.|Starting TrustedInstaller finalization.|Ending TrustedInstaller finalization.|Ending the TrustedInstaller main loop.}', level: 'INFO', component: 'CBS', weight: 3 },
    { label: 'System Notification', pattern: 'SQM: {Initializing online with Windows opt-in: False|Cleaning up report files older than 10 days.|Requesting upload of all unsent reports.|Queued 0 file(s) for upload with pattern: C:\\Windows\\servicing\\sqm\\*_all.sqm, flags: 0x6}', level: 'INFO', component: 'CBS', weight: 2 },
    { label: 'System Notification', pattern: 'Session: {session} initialized by client {WindowsUpdateAgent|DISM Package Manager Provider|TiWorker.exe|UpdateAgentLCU}{|, external staging directory: (null), external registry directory: (null)}', level: 'INFO', component: 'CBS', weight: 3 },
    { label: 'System Notification', pattern: 'Read out cached package applicability for package: {pkg}, ApplicableState: {applState}, CurrentState:{applState}', level: 'INFO', component: 'CBS', weight: 4 },
    { label: 'System Notification', pattern: 'Appl: detect Parent, Package: {pkg}, Parent: {parent}, Disposition = Detect, VersionComp: EQ, BuildComp: EQ, RevisionComp: GE, Exist: {present|absent}', level: 'INFO', component: 'CBS', weight: 3 },
    { label: 'System Notification', pattern: 'Appl: detectParent: package: {pkg}, no parent found, go absent', level: 'INFO', component: 'CBS', weight: 2 },
    { label: 'System Notification', pattern: 'Appl: Evaluating applicability block(detect{Update|Parent}), disposition is: Detect, applicability: {Applicable|NotApplicable}, result applicability state: {Installed|Absent|Staged}', level: 'INFO', component: 'CBS', weight: 2 },
    { label: 'System Notification', pattern: 'Warning: Unrecognized packageExtended attribute.', level: 'INFO', component: 'CBS', weight: 2 },
    { label: 'System Notification', pattern: 'Exec: Processing started.  Client: {WindowsUpdateAgent|DISM Package Manager Provider}, Session: {session}, Package: {pkg}', level: 'INFO', component: 'CBS' },
    { label: 'System Notification', pattern: 'Exec: Processing complete.  Session: {session}, Package: {pkg}, Identifier: {kb} [HRESULT = 0x00000000 - S_OK]', level: 'INFO', component: 'CBS' },
    { label: 'System Notification', pattern: 'Reboot mark {set|cleared}', level: 'INFO', component: 'CBS' },
    { label: 'System Notification', pattern: '{NonStart: Checking to ensure startup processing was not required.|NonStart: Success, startup processing not required as expected.|Startup processing thread terminated normally|CbsCoreFinalize: ExecutionEngineFinalize|CbsCoreFinalize: ManifestCacheFinalize}', level: 'INFO', component: 'CBS', weight: 2 },
    { label: 'System Notification', pattern: 'Scavenge: {Begin CSI Store|Completed, disposition: 0x0|Starts}', level: 'INFO', component: 'CBS' },
    { label: 'System Notification', pattern: '{Started|Ended} DPX phase: {Resume and Download Job|Apply Deltas Provided In File|Extract Files|Finish Job}', level: 'INFO', component: 'DPX' },
    { label: 'System Notification', pattern: '{csiSeq}@{csiTime} WcpInitialize (wcp.dll version 0.0.0.6) called (stack {stackAddrs})', level: 'INFO', component: 'CSI', weight: 2 },
    { label: 'System Notification', pattern: '{csiSeq}@{csiTime} CSI Transaction @0x{hex8} initialized for deployment engine {lb}d16d444c-56d8-11d5-882d-0080c847b195{rb} with flags 0000000{0|2} and client id [{int:10:40}]"TI{int:1:9}.{session}:{int:1:9}/"', level: 'INFO', component: 'CSI' },
    { label: 'System Notification', pattern: '{csiSeq} CSI Store {int:1000000:99999999} (0x{hex8}{hex8}) initialized', level: 'INFO', component: 'CSI', weight: 2 },
    { label: 'Error', pattern: 'Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]', level: 'INFO', component: 'CBS', weight: 2 },
    { label: 'Error', pattern: 'SQM: Failed to start {upload with file pattern: C:\\Windows\\servicing\\sqm\\*_std.sqm, flags: 0x2|standard sample upload.} [HRESULT = 0x80004005 - E_FAIL]', level: 'INFO', component: 'CBS', weight: 2 },
    { label: 'Error', pattern: 'Failed to FindFirstFile on file C:\\Windows\\{servicing\\Packages|winsxs\\Manifests}\\{pkg}.{mum|manifest} [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]', level: 'INFO', component: 'CBS' },
    { label: 'Error', pattern: 'Failed to process single phase execution. [HRESULT = 0x800f0922 - CBS_E_INSTALLERS_FAILED]', level: 'ERROR', component: 'CBS' },
    { label: 'Error', pattern: 'Exec: Failed to {resolve package|stage package} {pkg} [HRESULT = 0x{800f081f - CBS_E_SOURCE_MISSING|80073701 - ERROR_SXS_ASSEMBLY_MISSING}]', level: 'ERROR', component: 'CBS' },
    { label: 'Error', pattern: '{csiSeq} [SR] Cannot repair member file [l:{int:10:40}{lb}{int:5:20}{rb}]"{wcpFile}" of {Microsoft-Windows-MediaPlayer-Core|Microsoft-Windows-Shell32|Microsoft-Windows-IE-HTMLRendering}, Version = 6.1.7601.{int:17000:24000}, pA = PROCESSOR_ARCHITECTURE_AMD64 (9), Culture neutral, VersionScope = 1 nonSxS, PublicKeyToken = {lb}l:8 b:31bf3856ad364e35{rb}, Type neutral, TypeName neutral, PublicKey neutral in the store, hash mismatch', level: 'INFO', component: 'CSI' },
  ],
});
