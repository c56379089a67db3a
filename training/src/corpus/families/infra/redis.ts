import { randomMoment, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { MONTHS, oneOf, pad, together } from './shared';
import TEMPLATES_REDIS from './templates/redis.json';

/**
 * Redis and Redis Sentinel: `1234:M 02 Jan 2024 03:04:05.678 * message`
 * (pid, role M/S/C/X, level mark `.` `-` `*` `#`). The component is the
 * role letter (C for the fork that saves, X for Sentinel). Saves, syncs
 * and startup are System Notification; copy-on-write and memory or
 * backlog warnings are Resource Usage; a lost master link or a failed save
 * is Error; a master or replica declared down, a crash or a corrupt file
 * is Critical Error; a completed failover is System Notification.
 */

function mark(level: FamilyLevel): string {
  if (level === 'WARN' || level === 'ERROR' || level === 'CRITICAL' || level === 'FATAL') return '#';
  if (level === 'DEBUG' || level === 'TRACE') return '.';
  return '*';
}

const redisLine: LineFormat = (m, { level, component, rng }) => {
  const t = randomMoment(rng);
  return `${rng.int(1, 65000)}:${component ?? 'M'} ${pad(t.day, 2)} ${MONTHS[t.month - 1]} ${t.year} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.millis, 3)} ${mark(level)} ${m}`;
};

const peer: Filler = (r) => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
const master = oneOf(['mymaster', 'redis-master', 'cache', 'sessions', 'queue']);
const mb: Filler = (r) => String(r.weighted<number>([[r.int(0, 9), 3], [r.int(10, 999), 2], [r.int(1000, 20000), 1]]));
/** Copy-on-write while the fork saves: the current and average sizes within the peak. */
const cow = together(['cowNow', 'cowPeak', 'cowAvg'], (r) => {
  const peak = r.weighted<number>([[r.int(0, 9), 3], [r.int(10, 999), 2], [r.int(1000, 20000), 1]]);
  return { cowNow: String(Math.floor(peak * r.next())), cowPeak: String(peak), cowAvg: String(Math.floor(peak * r.next())) };
});
const ver = oneOf(['7.2.4', '7.0.15', '6.2.14', '7.4.1', '6.0.16', '5.0.7']);

export const REDIS = defineFamily({
  family: 'redis',
  description: 'Redis server and Sentinel log',
  sources: ['redis', 'redis-sentinel'],
  formats: [redisLine],
  bareShare: 0.15,
  fillers: { ...cow, peer, master, mb, ver, secs: (r) => (r.next() * 5).toFixed(3), keys: (r) => String(r.int(0, 9999999)), id: (r) => r.hex(40), epoch: (r) => String(r.int(1, 60)), offset: (r) => String(r.int(1, 99999999999)) },
  templates: familyTemplates(TEMPLATES_REDIS),
});
