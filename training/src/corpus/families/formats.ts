import { formatDate, formatTime, isoTimestamp, randomMoment, syslogTimestamp, FILLERS } from '../fillers';
import type { FamilyLevel, LineFormat } from './log-family';

/**
 * Line formats shared by several families. A family with its own header
 * (HDFS's `081109 203615 148 INFO dfs.DataNode: ...`) writes its own
 * LineFormat next to its templates.
 */

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The level word most Java/Go/Python loggers print; `fallback` where the program logs none. */
export function levelWord(level: FamilyLevel, fallback = 'INFO'): string {
  if (level === null) return fallback;
  if (level === 'CRITICAL') return 'FATAL';
  if (level === 'ALERT' || level === 'NOTICE') return level === 'ALERT' ? 'ERROR' : 'INFO';
  return level;
}

/** Python logging's names. */
export function pythonLevel(level: FamilyLevel): string {
  const word = levelWord(level);
  return word === 'WARN' ? 'WARNING' : word === 'FATAL' ? 'CRITICAL' : word;
}

/** syslog (RFC 3164 as rsyslog writes it): `Dec 10 06:55:46 host program[pid]: message`. */
export const syslog =
  (program: string, withPid = true): LineFormat =>
  (m, { rng }) =>
    `${syslogTimestamp(randomMoment(rng))} ${FILLERS.host(rng)} ${program}${withPid ? `[${FILLERS.pid(rng)}]` : ''}: ${m}`;

/** log4j's common pattern `%d{ISO8601} %p [%t] %c - %m` (or with `: ` after the class, as Hadoop prints). */
export const log4j =
  (thread: () => string = () => 'main', separator = ' - '): LineFormat =>
  (m, { level, component, rng }) => {
    const t = randomMoment(rng);
    return `${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)} ${levelWord(level)} [${thread()}] ${component ?? 'root'}${separator}${m}`;
  };

/** A JSON line with the usual keys. */
export const jsonLine =
  (service: string): LineFormat =>
  (m, { level, rng }) =>
    `{"ts":"${isoTimestamp(randomMoment(rng))}","level":"${levelWord(level).toLowerCase()}","service":"${service}","msg":${JSON.stringify(m)}}`;

/** journald's short-iso output (`journalctl -o short-iso`). */
export const journal =
  (unit: string, withPid = true): LineFormat =>
  (m, { rng }) => {
    const t = randomMoment(rng);
    return `${formatDate(t)}T${formatTime(t)}+0000 ${FILLERS.host(rng)} ${unit}${withPid ? `[${FILLERS.pid(rng)}]` : ''}: ${m}`;
  };
