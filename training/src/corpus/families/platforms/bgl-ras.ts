import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { epochSeconds, moment, pad } from './headers';

/**
 * Blue Gene/L style RAS events (the control system's RAS database as text):
 * `- <epoch> <date> <location> <timestamp> <location> RAS <facility> <severity> message`.
 *
 * Labels: a FATAL kernel interrupt, a core dump, an uncorrectable memory error
 * or a dead card is Critical Error. An error the hardware *corrected* (parity,
 * ECC, torus CRC) is Error here, never System Notification or Resource
 * Usage: a read or transfer did fail and was repaired, nothing is down, and
 * rising counts are what a reader must notice before the card dies. The same
 * rule holds for every corrected-error line below.
 */

const bglLevel = (level: FamilyLevel): string => {
  if (level === 'WARN') return 'WARNING';
  if (level === 'CRITICAL') return 'SEVERE';
  if (level === 'ALERT') return 'FAILURE';
  if (level === null || level === 'NOTICE' || level === 'DEBUG' || level === 'TRACE') return 'INFO';
  return level;
};

const rack = (r: Prng): string => `R${r.int(0, 7)}${r.int(0, 7)}-M${r.int(0, 1)}`;
const nodeCard = (r: Prng): string => `${rack(r)}-N${r.pick('0123456789ABCDEF'.split(''))}`;
const computeChip = (r: Prng): string => `${nodeCard(r)}-C:J${pad(r.int(2, 17), 2)}-U${r.pick(['01', '11'])}`;
const ioChip = (r: Prng): string => `${nodeCard(r)}-I:J18-U${r.pick(['01', '11'])}`;

/** Where each facility's events come from: a chip for KERNEL/APP, a card for the control system. */
function locationFor(facility: string, r: Prng): string {
  if (facility === 'KERNEL') return r.chance(0.8) ? computeChip(r) : ioChip(r);
  if (facility === 'APP') return r.chance(0.7) ? ioChip(r) : computeChip(r);
  if (facility === 'LINKCARD') return `${rack(r)}-L${r.int(0, 3)}-U`;
  if (facility === 'DISCOVERY' || facility === 'HARDWARE' || facility === 'MONITOR') return r.chance(0.8) ? nodeCard(r) : `${rack(r)}-S`;
  return r.chance(0.5) ? 'NULL' : nodeCard(r);
}

const rasLine: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  const facility = component ?? 'KERNEL';
  const where = locationFor(facility, rng);
  return `- ${epochSeconds(t)} ${t.year}.${pad(t.month, 2)}.${pad(t.day, 2)} ${where} ${t.year}-${pad(t.month, 2)}-${pad(t.day, 2)}-${pad(t.hour, 2)}.${pad(t.minute, 2)}.${pad(t.second, 2)}.${pad(rng.int(0, 999999), 6)} ${where} RAS ${facility} ${bglLevel(level)} ${m}`;
};

const addr: Filler = (r) => `0x${r.hex(8)}`;
const ioIp: Filler = (r) => `172.16.96.${r.int(1, 254)}`;
const ioPort: Filler = (r) => String(r.int(32768, 60999));
const ioNode: Filler = (r) => `bglio${r.int(1, 1024)}`;
const userDir: Filler = (r) => `/p/gb${r.int(1, 2)}/${r.pick(['stella', 'jdoe', 'mkumar', 'lwong', 'psmith'])}/${r.pick(['RAPTOR', 'qbox', 'ddcMD', 'miranda', 'sweep3d'])}/${r.int(100, 9999)}`;
const ecid: Filler = (r) => Array.from({ length: 12 }, () => r.hex(2).toUpperCase()).join(':');
const dcr: Filler = (r) => `0x${r.hex(4)}`;
const corePid: Filler = (r) => String(r.int(0, 65535));

export const bglRas = defineFamily({
  family: 'bgl-ras',
  description: 'Blue Gene/L style supercomputer RAS events (kernel, ciod, MMCS, discovery, link cards)',
  sources: ['bluegene-ras', 'hpc'],
  formats: [rasLine],
  fillers: { addr, ioIp, ioPort, ioNode, userDir, ecid, dcr, corePid },
  templates: [
    { label: 'Error', pattern: 'instruction cache parity error corrected', level: 'INFO', component: 'KERNEL', weight: 3 },
    { label: 'Error', pattern: 'CE sym {int:0:31}, at {addr}, mask 0x{int:10:80}', level: 'INFO', component: 'KERNEL', weight: 3 },
    { label: 'Error', pattern: 'total of {int:1:9999} ddr error(s) detected and corrected{| over {int:1:9000} seconds}', level: 'INFO', component: 'KERNEL', weight: 2 },
    { label: 'Error', pattern: '{int:1:90} {torus receiver {x|y|z}{+|-} input pipe error(s)|L3 EDRAM error(s)|tree receiver {0|1|2} in re-synch state event(s)} (dcr {dcr}) detected and corrected', level: 'INFO', component: 'KERNEL', weight: 2 },
    { label: 'Error', pattern: 'ddr: activating redundant bit steering: rank={0|1} symbol={int:0:31}', level: 'INFO', component: 'KERNEL' },
    { label: 'System Notification', pattern: '{int:1:99999} {double-hummer|floating point|integer} alignment exceptions', level: 'INFO', component: 'KERNEL', weight: 2 },
    { label: 'System Notification', pattern: '{shutdown complete|Node card is fully functional|Kernel booting}', level: 'INFO', component: 'KERNEL' },
    { label: 'System Notification', pattern: 'idoproxydb has been started: $Name: V1R{2|3}M{0|1}_{020|240|310}_2006 $ Input parameters: -enableflush -loguserinfo db.properties BlueGene1', level: 'INFO', component: 'BGLMASTER' },
    { label: 'System Notification', pattern: 'mmcs_db_server has been started: ./mmcs_db_server --useDatabase BGL --dbproperties serverdb.properties --iolog /bgl/BlueLight/logs/BGL --reconnect-blocks all', level: 'INFO', component: 'BGLMASTER' },
    { label: 'System Notification', pattern: 'Ido chip status changed: {ecid} ip=10.{int:0:7}.{int:0:255}.{int:1:254} v={int:10:15} t={int:1:6} status=M {Mon|Tue|Wed|Thu|Fri} Jun {int:10:28} {int:10:23}:{int:10:59}:{int:10:59} PDT 2005', level: 'INFO', component: 'DISCOVERY', weight: 2 },
    { label: 'System Notification', pattern: 'PrepareForService shutting down Node card(mLctn(R{int:0:7}{int:0:7}-M{0|1}-N{int:0:9}), mCardSernum(203231503833343000000000594c31{hex8}), mLp(FF:F2:9F:15:{int:10:99}:{int:10:99}:00:0D:60:EA:{int:10:99}:{int:10:99}), mIp(10.{int:0:7}.{int:0:255}.{int:1:254}), mType(4)) as part of Service Action {int:100:999}', level: 'WARN', component: 'HARDWARE' },
    { label: 'Error', pattern: 'ciod: failed to read message prefix on control stream (CioStream socket to {ioIp}:{ioPort}', level: 'FATAL', component: 'APP', weight: 3 },
    { label: 'Error', pattern: 'ciod: Error reading message prefix after {LOAD_MESSAGE|LOGIN_MESSAGE|KILL_MESSAGE} on CioStream socket to {ioIp}:{ioPort}: {Link has been severed|Connection reset by peer|Connection timed out}', level: 'FATAL', component: 'APP', weight: 2 },
    { label: 'Error', pattern: 'ciod: LOGIN chdir({userDir}) failed: {No such file or directory|Permission denied|Input/output error}', level: 'FATAL', component: 'APP' },
    { label: 'Error', pattern: 'ciod: Error loading {userDir}/{a.out|raptor|qbox.x}: invalid or missing program image, {Exec format error|No such file or directory|Permission denied}', level: 'FATAL', component: 'APP' },
    { label: 'Error', pattern: 'NFS Mount failed on {ioNode}, slept {int:1:9} seconds, retrying ({int:1:9})', level: 'WARN', component: 'KERNEL' },
    { label: 'Error', pattern: 'Lustre mount FAILED : {ioNode} : block_id : location', level: 'FATAL', component: 'KERNEL' },
    { label: 'Error', pattern: 'MailboxMonitor::serviceMailboxes() lib_ido_error: -1033 BGLERR_IDO_PKT_TIMEOUT connection lost to {node|link|service} card', level: 'ERROR', component: 'MMCS', weight: 2 },
    { label: 'Error', pattern: 'Node card VPD check: U{01|11} node in processor card slot J{int:10:17} do not match. VPD ecid {ecid}, found {ecid}', level: 'WARN', component: 'DISCOVERY' },
    { label: 'Error', pattern: 'monitor caught java.lang.{IllegalStateException|UnsupportedOperationException}: while executing {CONTROL|I2C} Operation', level: 'ALERT', component: 'MONITOR' },
    { label: 'Error', pattern: 'BglIdoChip table has {int:2:4} IDOs with the same IP address (10.{int:0:7}.{int:0:255}.{int:1:254})', level: 'ERROR', component: 'MMCS' },
    { label: 'Critical Error', pattern: 'generating core.{corePid}', level: 'INFO', component: 'KERNEL', weight: 3 },
    { label: 'Critical Error', pattern: '{data TLB error interrupt|instruction TLB error interrupt|data storage interrupt|machine check interrupt|program interrupt: illegal instruction|program interrupt: fp unavailable|external input interrupt (unit=0x{int:10:20} bit=0x{int:10:30}): uncorrectable torus error}', level: 'FATAL', component: 'KERNEL', weight: 3 },
    { label: 'Critical Error', pattern: 'instruction address: {addr}', level: 'FATAL', component: 'KERNEL', weight: 2 },
    { label: 'Critical Error', pattern: 'rts: kernel terminated for reason {1001|1002|1004}', level: 'FATAL', component: 'KERNEL' },
    { label: 'Critical Error', pattern: '{rts panic! - stopping execution|rts internal error|rts tree/torus link training failed: wanted: A B C X+ X- Y+ Y- Z+ Z- got: A B C X+ X- Y+ Y-}', level: 'FATAL', component: 'KERNEL' },
    { label: 'Critical Error', pattern: 'uncorrectable error detected in EDRAM bank {0|1}', level: 'FATAL', component: 'KERNEL' },
    { label: 'Critical Error', pattern: 'ddr: Unable to steer rank={0|1} symbol={int:0:31} - rank is already steering symbol {int:0:31}. Due to multiple symbols being over the correctable error threshold, consider replacing the card', level: 'FATAL', component: 'KERNEL' },
    { label: 'Critical Error', pattern: 'idoproxydb hit ASSERT condition: ASSERT expression=0 Source file=idotransportmgr.cpp Source line={1043|1127} Function=int IdoTransportMgr::SendPacket(IdoUdpMgr*, BglCtlPavTrace*)', level: 'ALERT', component: 'BGLMASTER' },
    { label: 'Critical Error', pattern: 'Linkcard power module U{int:50:60} is not accessible', level: 'FATAL', component: 'LINKCARD' },
    { label: 'Critical Error', pattern: 'NodeCard is not fully functional', level: 'ERROR', component: 'MONITOR' },
  ],
});
