import type { Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { epochSeconds, moment, pad } from './headers';
import TEMPLATES_BGL_RAS from './templates/bgl-ras.json';

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
  templates: familyTemplates(TEMPLATES_BGL_RAS),
});
