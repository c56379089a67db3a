import type { Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { digits, moment, pad } from './headers';
import TEMPLATES_WINDOWS_CBS from './templates/windows-cbs.json';

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
/** The program that opened a servicing session: a name (a variable), though one is several words. */
const client: Filler = (r) => r.pick(['WindowsUpdateAgent', 'DISM Package Manager Provider', 'TiWorker.exe', 'UpdateAgentLCU']);
/** The two clients that install packages. */
const execClient: Filler = (r) => r.pick(['WindowsUpdateAgent', 'DISM Package Manager Provider']);
const wcpFile: Filler = (r) => r.pick(['wmpeffects.dll', 'tquery.dll', 'ieframe.dll', 'mshtml.dll', 'ntoskrnl.exe', 'shell32.dll']);

export const windowsCbs = defineFamily({
  family: 'windows-cbs',
  description: 'Windows component-based servicing log (CBS.log, TrustedInstaller and CSI)',
  sources: ['windows-cbs', 'cbs.log'],
  formats: [cbsHeader],
  fillers: { kb, pkgVersion, pkg, parent, session, stack, stackDir, csiSeq, csiTime, stackAddrs, applState, wcpFile, client, execClient },
  templates: familyTemplates(TEMPLATES_WINDOWS_CBS),
});
