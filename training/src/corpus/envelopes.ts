import { apacheTimestamp, formatDate, formatTime, isoTimestamp, randomMoment, syslogTimestamp } from './fillers';
import type { Prng } from './prng';
import { FILLERS } from './fillers';

/**
 * Envelopes wrap a bare message the way real systems print it: syslog,
 * Java/Python/Go logger prefixes, container runtimes, JSON lines, logfmt.
 * Each label's corpus spreads over all of them, so the model learns the
 * message, not the wrapper. `level` is one of a label's plausible levels.
 */
export type Level = 'TRACE' | 'DEBUG' | 'INFO' | 'NOTICE' | 'WARN' | 'ERROR' | 'CRITICAL' | 'FATAL' | 'ALERT';

/** How much wrapping a template tolerates. `none`: the template is already a whole line (an access log). */
export type EnvelopePolicy = 'any' | 'transport-only' | 'none';

type Envelope = (message: string, level: Level, rng: Prng) => string;

const LOGGER_PACKAGES = ['com.acme.billing.InvoiceService', 'com.acme.crm.LeadController', 'org.example.hr.PayrollJob', 'io.shop.checkout.CartHandler', 'com.acme.auth.LoginFilter', 'net.corp.sync.Replicator', 'com.acme.platform.HealthMonitor', 'org.example.api.GatewayFilter'];
const PY_LOGGERS = ['app.billing', 'worker.tasks', 'crm.sync', 'analytics.pipeline', 'hr.payroll', 'api.views', 'auth.security', 'root', 'celery.worker', 'scheduler.jobs'];
const PROGRAMS = ['app', 'sshd', 'cron', 'billing', 'crmd', 'kernel', 'systemd', 'java', 'node', 'python3', 'nginx', 'postgres', 'dockerd', 'kubelet'];
const THREADS = ['main', 'http-nio-8080-exec-3', 'pool-2-thread-1', 'scheduling-1', 'worker-7', 'kafka-consumer-0', 'AsyncTask-12', 'Timer-0'];

const short = (level: Level): string => ({ TRACE: 'T', DEBUG: 'D', INFO: 'I', NOTICE: 'I', WARN: 'W', ERROR: 'E', CRITICAL: 'F', FATAL: 'F', ALERT: 'E' })[level];
const lower = (level: Level): string => level.toLowerCase();
const pyLevel = (level: Level): string => (level === 'WARN' ? 'WARNING' : level === 'FATAL' || level === 'ALERT' ? 'CRITICAL' : level === 'NOTICE' ? 'INFO' : level);
const jsonEscape = (s: string): string => JSON.stringify(s);
const logfmtValue = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Envelopes that only add transport framing (no logger, no level word). */
const TRANSPORT: Envelope[] = [
  (m, _l, r) => `${syslogTimestamp(randomMoment(r))} ${FILLERS.host(r)} ${r.pick(PROGRAMS)}[${FILLERS.pid(r)}]: ${m}`,
  (m, _l, r) => `${isoTimestamp(randomMoment(r)).replace('Z', `${r.int(100000, 999999)}Z`)} stdout F ${m}`,
  (m, _l, r) => `<${r.int(8, 190)}>1 ${isoTimestamp(randomMoment(r))} ${FILLERS.host(r)} ${r.pick(PROGRAMS)} ${FILLERS.pid(r)} - - ${m}`,
  (m, _l, r) => `${FILLERS.pod(r)} ${r.pick(['app', 'server', 'worker'])} ${m}`,
];

/** Envelopes that add a logger and a level. */
const STRUCTURED: Envelope[] = [
  // log4j / logback
  (m, l, r) => {
    const t = randomMoment(r);
    return `${formatDate(t)} ${formatTime(t)},${String(t.millis).padStart(3, '0')} ${l === 'CRITICAL' ? 'FATAL' : l} [${r.pick(THREADS)}] ${r.pick(LOGGER_PACKAGES)} - ${m}`;
  },
  // Spring Boot
  (m, l, r) => {
    const t = randomMoment(r);
    const pkg = r.pick(LOGGER_PACKAGES).split('.');
    const abbreviated = pkg.map((p, i) => (i < pkg.length - 1 ? p[0] : p)).join('.');
    return `${formatDate(t)} ${formatTime(t)}.${String(t.millis).padStart(3, '0')}  ${(l === 'WARN' || l === 'INFO' ? l : l === 'CRITICAL' || l === 'FATAL' ? 'ERROR' : l).padStart(5)} ${FILLERS.pid(r)} --- [${r.pick(THREADS)}] ${abbreviated.padEnd(40).slice(0, 40)} : ${m}`;
  },
  // Python logging, default and common formats
  (m, l, r) => {
    const t = randomMoment(r);
    return `${formatDate(t)} ${formatTime(t)},${String(t.millis).padStart(3, '0')} - ${r.pick(PY_LOGGERS)} - ${pyLevel(l)} - ${m}`;
  },
  (m, l, r) => `${pyLevel(l)}:${r.pick(PY_LOGGERS)}:${m}`,
  (m, l, r) => `[${formatDate(randomMoment(r))} ${formatTime(randomMoment(r))}] ${pyLevel(l)} in ${r.pick(['app', 'views', 'tasks', 'models'])}: ${m}`,
  // klog (Kubernetes components)
  (m, l, r) => {
    const t = randomMoment(r);
    return `${short(l)}${String(t.month).padStart(2, '0')}${String(t.day).padStart(2, '0')} ${formatTime(t)}.${r.int(100000, 999999)}       1 ${r.pick(['controller.go', 'server.go', 'sync.go', 'reconciler.go'])}:${r.int(20, 900)}] ${m}`;
  },
  // JSON lines (pino, zap, structlog...)
  (m, l, r) => `{"ts":"${isoTimestamp(randomMoment(r))}","level":"${lower(l)}","service":"${FILLERS.service(r)}","msg":${jsonEscape(m)}}`,
  (m, l, r) => `{"timestamp": "${isoTimestamp(randomMoment(r))}", "severity": "${l}", "logger": "${r.pick(PY_LOGGERS)}", "message": ${jsonEscape(m)}, "trace_id": "${r.hex(32)}"}`,
  // logfmt
  (m, l, r) => `time=${isoTimestamp(randomMoment(r))} level=${lower(l)} component=${FILLERS.service(r)} msg=${logfmtValue(m)}`,
  (m, l, r) => `ts=${isoTimestamp(randomMoment(r))} lvl=${short(l) === 'F' ? 'crit' : lower(l).slice(0, 4)} caller=${r.pick(['main.go', 'handler.go', 'worker.go'])}:${r.int(10, 400)} msg=${logfmtValue(m)}`,
  // Node / Rails / generic bracketed
  (m, l, r) => `[${isoTimestamp(randomMoment(r))}] ${l}: ${m}`,
  (m, l, r) => `${isoTimestamp(randomMoment(r))} [${l}] ${m}`,
  (m, l, r) => `${l[0]}, [${isoTimestamp(randomMoment(r)).replace('Z', '')} #${FILLERS.pid(r)}] ${l.padStart(5)} -- : ${m}`,
  (m, l, r) => `${apacheTimestamp(randomMoment(r)).slice(0, 20)} ${l} ${r.pick(PY_LOGGERS)}: ${m}`,
];

export function wrap(message: string, policy: EnvelopePolicy, level: Level, rng: Prng): string {
  if (policy === 'none') return message;
  const roll = rng.next();
  if (policy === 'transport-only') return roll < 0.7 ? message : rng.pick(TRANSPORT)(message, level, rng);
  // Bare messages stay the most common single shape (as in the original project data).
  if (roll < 0.4) return message;
  if (roll < 0.5) return rng.pick(TRANSPORT)(message, level, rng);
  return rng.pick(STRUCTURED)(message, level, rng);
}
