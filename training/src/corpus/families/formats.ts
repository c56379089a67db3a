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

/*
 * Application loggers. Each prints the template's own level in the logger's
 * words. `null` (the program prints no level for that message) leaves the
 * level out of formats that can go without one (JSON, logfmt, bracketed);
 * loggers whose every line has a level (logback, Spring Boot, Python
 * logging, Ruby) print such a message bare, as the app's own stdout writes
 * reach the same stream. Logger names come from the family (a template's
 * `component` wins).
 */

const THREADS = ['main', 'http-nio-8080-exec-3', 'http-nio-8080-exec-11', 'pool-2-thread-1', 'scheduling-1', 'task-4', 'worker-7', 'kafka-consumer-0', 'AsyncTask-12', 'Timer-0', 'reactor-http-epoll-2', 'ForkJoinPool.commonPool-worker-5'];

const loggerOf = (loggers: readonly string[], component: string | undefined, rng: { pick<T>(items: readonly T[]): T }): string => component ?? rng.pick(loggers);

/** `com.acme.billing.InvoiceService` as logback's `%logger{36}` / Spring Boot print it when it is long: `c.a.b.InvoiceService`. */
function abbreviateLogger(logger: string): string {
  if (logger.length <= 30) return logger;
  const parts = logger.split('.');
  return parts.map((p, i) => (i < parts.length - 1 ? p[0] : p)).join('.');
}

/** Logback/SLF4J have no FATAL: the most severe is ERROR. */
const slf4jLevel = (level: FamilyLevel): string | null => (level === null ? null : levelWord(level) === 'FATAL' ? 'ERROR' : levelWord(level));

/** Logback's common pattern `%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg`. */
export const logback =
  (loggers: readonly string[]): LineFormat =>
  (m, { level, component, rng }) => {
    const word = slf4jLevel(level);
    if (word === null) return m;
    const t = randomMoment(rng);
    return `${formatDate(t)} ${formatTime(t)}.${pad(t.millis, 3)} [${rng.pick(THREADS)}] ${word.padEnd(5)} ${abbreviateLogger(loggerOf(loggers, component, rng))} - ${m}`;
  };

/** Spring Boot's default console line: `2025-03-02T10:15:30.123Z  INFO 4711 --- [app] [main] c.a.b.InvoiceService : msg` (the app name since 3.2). */
export const springBoot =
  (appName: string, loggers: readonly string[]): LineFormat =>
  (m, { level, component, rng }) => {
    const word = slf4jLevel(level);
    if (word === null) return m;
    const t = randomMoment(rng);
    const app = rng.chance(0.5) ? `[${appName}] ` : '';
    const logger = abbreviateLogger(loggerOf(loggers, component, rng)).padEnd(40).slice(0, 40);
    return `${formatDate(t)}T${formatTime(t)}.${pad(t.millis, 3)}Z ${word.padStart(5)} ${FILLERS.pid(rng)} --- ${app}[${rng.pick(THREADS).padStart(15).slice(-15)}] ${logger} : ${m}`;
  };

/** Python logging, the formats apps configure most: `%(asctime)s - %(name)s - %(levelname)s - %(message)s` and `%(asctime)s %(levelname)s [%(name)s] %(message)s`. */
export const pythonLogging =
  (loggers: readonly string[]): LineFormat =>
  (m, { level, component, rng }) => {
    if (level === null) return m;
    const t = randomMoment(rng);
    const stamp = `${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)}`;
    const name = loggerOf(loggers, component, rng);
    return rng.chance(0.5) ? `${stamp} - ${name} - ${pythonLevel(level)} - ${m}` : `${stamp} ${pythonLevel(level)} [${name}] ${m}`;
  };

/** Python's `logging.basicConfig()` default, `LEVEL:name:message`, and Django's `verbose` format. */
export const pythonBasic =
  (loggers: readonly string[]): LineFormat =>
  (m, { level, component, rng }) => {
    if (level === null) return m;
    const name = loggerOf(loggers, component, rng);
    if (rng.chance(0.6)) return `${pythonLevel(level)}:${name}:${m}`;
    const t = randomMoment(rng);
    return `${pythonLevel(level)} ${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)} ${name.split('.').pop()} ${FILLERS.pid(rng)} ${rng.int(139000000000000, 140999999999999)} ${m}`;
  };

/** Ruby's Logger as Rails writes it: `I, [2025-03-02T10:15:30.123456 #4711]  INFO -- : msg`. */
export const rails: LineFormat = (m, { level, rng }) => {
  if (level === null) return m;
  const word = levelWord(level);
  const t = randomMoment(rng);
  return `${word[0]}, [${formatDate(t)}T${formatTime(t)}.${pad(t.millis, 3)}${pad(rng.int(0, 999), 3)} #${FILLERS.pid(rng)}] ${word.padStart(5)} -- : ${m}`;
};

/** pino's JSON line (Node): numeric levels. */
const PINO_LEVELS: Record<string, number> = { TRACE: 10, DEBUG: 20, INFO: 30, WARN: 40, ERROR: 50, FATAL: 60 };
export const pino =
  (service: string): LineFormat =>
  (m, { level, rng }) => {
    const t = randomMoment(rng);
    const millis = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millis);
    const levelKey = level === null ? '' : `"level":${PINO_LEVELS[levelWord(level)]},`;
    return `{${levelKey}"time":${millis},"pid":${FILLERS.pid(rng)},"hostname":"${FILLERS.host(rng)}","name":"${service}","msg":${JSON.stringify(m)}}`;
  };

/** A structured JSON logger of Python or Java services (python-json-logger, logstash-logback-encoder, Cloud Logging's keys). */
export const structuredJson =
  (loggers: readonly string[]): LineFormat =>
  (m, { level, component, rng }) => {
    const severity = level === null ? '' : `"severity": "${rng.chance(0.5) ? levelWord(level) : pythonLevel(level)}", `;
    return `{"timestamp": "${isoTimestamp(randomMoment(rng))}", ${severity}"logger": "${loggerOf(loggers, component, rng)}", "message": ${JSON.stringify(m)}, "trace_id": "${rng.hex(32)}"}`;
  };

/** zap's production JSON (Go): `{"level":"info","ts":1733000000.123,"caller":"billing/invoice.go:88","msg":"..."}`. */
export const zapJson =
  (callers: readonly string[]): LineFormat =>
  (m, { level, rng }) => {
    const t = randomMoment(rng);
    const seconds = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) / 1000;
    const levelKey = level === null ? '' : `"level":"${levelWord(level).toLowerCase()}",`;
    return `{${levelKey}"ts":${seconds}.${pad(t.millis, 3)}${rng.int(100, 999)},"caller":"${rng.pick(callers)}:${rng.int(12, 480)}","msg":${JSON.stringify(m)}}`;
  };

const logfmtValue = (s: string): string => (/^[^\s"=]+$/.test(s) ? s : `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);

/** logfmt as logrus (`time="..." level=info msg="..."`) and go-kit (`ts=... caller=main.go:42 level=info msg=...`) write it. */
export const logfmt =
  (component: string): LineFormat =>
  (m, { level, rng }) => {
    const stamp = isoTimestamp(randomMoment(rng));
    const word = level === null ? null : levelWord(level).toLowerCase();
    if (rng.chance(0.5)) return `time="${stamp}"${word === null ? '' : ` level=${word === 'warn' ? 'warning' : word}`} msg=${logfmtValue(m)} component=${component}`;
    return `ts=${stamp} caller=${rng.pick(['main.go', 'handler.go', 'worker.go', 'client.go', 'service.go'])}:${rng.int(10, 400)}${word === null ? '' : ` level=${word}`} msg=${logfmtValue(m)}`;
  };

/** The bracketed ISO lines of small Node/Go/PHP apps: `[2025-03-02T10:15:30.123Z] WARN: msg` and `2025-03-02T10:15:30.123Z [WARN] msg`. */
export const bracketedIso: LineFormat = (m, { level, rng }) => {
  const stamp = isoTimestamp(randomMoment(rng));
  const word = level === null ? null : levelWord(level);
  if (rng.chance(0.5)) return `[${stamp}] ${word === null ? '' : `${word}: `}${m}`;
  return `${stamp} ${word === null ? '' : `[${word}] `}${m}`;
};

/** An application's own plain log file: `2025-03-02 10:15:30 [LegacyCRM] ERROR msg` (older in-house apps; many print no level). */
export const appLogFile =
  (appName: string): LineFormat =>
  (m, { level, rng }) => {
    const t = randomMoment(rng);
    return `${formatDate(t)} ${formatTime(t)} [${appName}] ${level === null ? '' : `${levelWord(level)} `}${m}`;
  };

/*
 * Transport framing with no level of its own: what a container runtime or
 * `kubectl logs --prefix` adds around a line the app printed bare.
 */

/** The CRI log file line (containerd, CRI-O): `2025-03-02T10:15:30.123456789Z stdout F msg`. */
export const criLine: LineFormat = (m, { rng }) => {
  const t = randomMoment(rng);
  return `${formatDate(t)}T${formatTime(t)}.${pad(t.millis, 3)}${pad(rng.int(0, 999999), 6)}Z ${rng.chance(0.8) ? 'stdout' : 'stderr'} F ${m}`;
};

/** `kubectl logs --prefix`: `[pod/billing-service-7d9f8b6c4-x2x5q/app] msg`. */
export const kubectlPrefix =
  (containers: readonly string[]): LineFormat =>
  (m, { rng }) =>
    `[pod/${FILLERS.pod(rng)}/${rng.pick(containers)}] ${m}`;
