import type { Prng } from './prng';
import * as V from './vocabulary';

/**
 * Slot fillers: `{name}` in a template becomes `FILLERS.name(rng)`. Values
 * are realistic and varied (several shapes per kind of identifier) so that a
 * model cannot key on one ID format.
 */
export type Filler = (rng: Prng) => string;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Moment {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
}

export function randomMoment(rng: Prng): Moment {
  return {
    year: rng.pick([2023, 2024, 2025, 2025, 2026]),
    month: rng.int(1, 12),
    day: rng.int(1, 28),
    hour: rng.int(0, 23),
    minute: rng.int(0, 59),
    second: rng.int(0, 59),
    millis: rng.int(0, 999),
  };
}

export const formatDate = (m: Moment): string => `${m.year}-${pad(m.month, 2)}-${pad(m.day, 2)}`;
export const formatTime = (m: Moment): string => `${pad(m.hour, 2)}:${pad(m.minute, 2)}:${pad(m.second, 2)}`;
export const isoTimestamp = (m: Moment): string => `${formatDate(m)}T${formatTime(m)}.${pad(m.millis, 3)}Z`;
export const syslogTimestamp = (m: Moment): string => `${MONTHS[m.month - 1]} ${String(m.day).padStart(2, ' ')} ${formatTime(m)}`;
export const apacheTimestamp = (m: Moment): string =>
  `${pad(m.day, 2)}/${MONTHS[m.month - 1]}/${m.year}:${formatTime(m)} +0000`;

const uuid: Filler = (r) => `${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${r.hex(3)}-${r.hex(12)}`;
const ipv4: Filler = (r) =>
  r.weighted<string>([
    [`10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`, 3],
    [`192.168.${r.int(0, 255)}.${r.int(1, 254)}`, 2],
    [`172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`, 1],
    [`${r.int(11, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`, 3],
  ]);
const hostname: Filler = (r) =>
  r.weighted<string>([
    [`${r.pick(V.HOST_ROLES)}-${pad(r.int(1, 40), 2)}`, 3],
    [`${r.pick(V.ENVIRONMENTS)}-${r.pick(V.HOST_ROLES)}-${r.int(1, 12)}`, 2],
    [`ip-10-${r.int(0, 255)}-${r.int(0, 255)}-${r.int(1, 254)}.ec2.internal`, 1],
    [`${r.pick(V.HOST_ROLES)}${r.int(1, 9)}.${r.pick(['corp.local', 'acme.io', 'dc1.example.net'])}`, 1],
    [`cp-1.slowvm1.tcloud-pg0.utah.cloudlab.us`, 0.2],
  ]);
const username: Filler = (r) =>
  r.weighted<string>([
    [`User${r.int(1, 9999)}`, 3],
    [`${r.pick(V.FIRST_NAMES)}.${r.pick(V.LAST_NAMES)}`, 2],
    [`${r.pick(V.FIRST_NAMES)[0]}${r.pick(V.LAST_NAMES)}`, 2],
    [`${r.pick(V.FIRST_NAMES)}${r.int(1, 99)}`, 1],
    [`${r.pick(V.FIRST_NAMES)}@${r.pick(V.EMAIL_DOMAINS)}`, 2],
    [r.pick(['svc-backup', 'svc_deploy', 'jenkins', 'ci-bot', 'admin', 'root', 'operator']), 1],
  ]);
const userId: Filler = (r) =>
  r.weighted<string>([
    [String(r.int(100, 99999)), 4],
    [`U${r.int(10000, 999999)}`, 1],
    [`usr_${r.hex(10)}`, 1],
    [uuid(r), 1],
  ]);
const version: Filler = (r) => r.weighted<string>([[`${r.int(1, 9)}.${r.int(0, 20)}.${r.int(0, 30)}`, 4], [`${r.int(1, 12)}.${r.int(0, 9)}`, 2], [`v${r.int(1, 5)}.${r.int(0, 9)}.${r.int(0, 9)}`, 1], [`${r.pick([2023, 2024, 2025])}.${r.int(1, 12)}.${r.int(1, 4)}`, 1]]);
const apiPath: Filler = (r) => {
  const resource = r.pick(V.API_RESOURCES);
  return r.weighted<string>([
    [`/api/v${r.int(1, 3)}/${resource}`, 2],
    [`/api/v${r.int(1, 3)}/${resource}/${r.int(1, 99999)}`, 3],
    [`/v2/${r.hex(32)}/servers/detail`, 1],
    [`/${resource}/${uuid(r)}`, 1],
    [`/${resource}?page=${r.int(1, 40)}&limit=${r.pick([10, 20, 50, 100])}`, 1],
    [r.pick(['/', '/index.html', '/favicon.ico', '/healthz', '/readyz', '/metrics', '/login', '/logout', '/static/js/app.9f3c2.js', '/wp-login.php', '/robots.txt']), 2],
  ]);
};
const statusCode: Filler = (r) =>
  String(r.weighted<number>([[200, 10], [201, 2], [204, 2], [301, 1], [302, 2], [304, 2], [400, 2], [401, 2], [403, 2], [404, 3], [409, 1], [422, 1], [429, 1], [500, 2], [502, 1], [503, 1], [504, 1]]));
const fileName: Filler = (r) => `${r.pick(V.FILE_STEMS)}_${r.int(1, 9999)}.${r.pick(V.FILE_EXTENSIONS)}`;
const componentId: Filler = (r) => r.weighted<string>([[`Component${r.int(1, 99)}`, 3], [`CMP-${r.int(100, 9999)}`, 1], [`${r.pick(['psu', 'fan', 'raid', 'nic', 'ctrl', 'disk'])}-${r.int(0, 16)}`, 1], [`unit ${r.int(1, 64)}`, 1]]);
const ticketId: Filler = (r) => r.weighted<string>([[String(r.int(1000, 99999)), 3], [`TCK-${r.int(1000, 99999)}`, 1], [`CASE-${r.int(10000, 999999)}`, 1], [`#${r.int(100, 99999)}`, 1], [`${r.pick(['SUP', 'OPS', 'CRM'])}-${r.int(10, 9999)}`, 1]]);
const orderId: Filler = (r) => r.weighted<string>([[String(r.int(1000, 999999)), 3], [`ORD-${r.int(100000, 999999)}`, 1], [`PO-${r.int(2023, 2026)}-${pad(r.int(1, 9999), 4)}`, 1], [`SO${r.int(10000, 99999)}`, 1]]);
const invoiceId: Filler = (r) => r.weighted<string>([[`INV-${r.int(2023, 2026)}-${pad(r.int(1, 99999), 5)}`, 2], [String(r.int(10000, 999999)), 2], [`in_${r.hex(14)}`, 1]]);
const duration: Filler = (r) => r.weighted<string>([[`${r.int(1, 999)}ms`, 3], [`${(r.next() * 30).toFixed(2)}s`, 2], [`${r.int(1, 59)}m${r.int(0, 59)}s`, 1], [`${r.int(1, 9000)} ms`, 1]]);
const percent: Filler = (r) => r.weighted<string>([[`${r.int(1, 99)}%`, 3], [`${(r.next() * 100).toFixed(1)}%`, 2]]);
const highPercent: Filler = (r) => r.weighted<string>([[`${r.int(85, 100)}%`, 3], [`${(85 + r.next() * 15).toFixed(1)}%`, 2]]);
const mb: Filler = (r) => String(r.pick([512, 1024, 2048, 4096, 8192, 16384, 32768, 64172, 96258, r.int(100, 99999)]));
const gb: Filler = (r) => String(r.pick([10, 15, 20, 40, 50, 80, 100, 200, 250, 500, 1000, 2000, r.int(1, 4096)]));
const podName: Filler = (r) => `${r.pick(V.SERVICES)}-${r.hex(9)}-${r.hex(5)}`;
const containerId: Filler = (r) => r.hex(12);
const traceId: Filler = (r) => r.weighted<string>([[r.hex(32), 2], [uuid(r), 2], [`req-${uuid(r)}`, 2], [r.hex(16), 1]]);
const serverId: Filler = (r) => r.weighted<string>([[String(r.int(1, 99)), 4], [hostname(r), 2], [`srv-${r.int(100, 999)}`, 1]]);
const account: Filler = (r) => r.weighted<string>([[`Account${r.int(1000, 9999)}`, 2], [`acct_${r.hex(8)}`, 1], [String(r.int(100000, 999999)), 2], [`${r.pick(V.FIRST_NAMES)}@${r.pick(V.EMAIL_DOMAINS)}`, 1]]);

/** Named fillers; `{int:a:b}` and `{float:a:b:digits}` are parsed separately in template.ts. */
export const FILLERS: Readonly<Record<string, Filler>> = {
  uuid,
  ip: ipv4,
  host: hostname,
  user: username,
  userId,
  version,
  path: apiPath,
  status: statusCode,
  method: (r) => r.pick(V.HTTP_METHODS),
  userAgent: (r) => r.pick(V.USER_AGENTS),
  file: fileName,
  component: (r) => r.pick(V.COMPONENTS),
  essentialService: (r) => r.pick(V.ESSENTIAL_SERVICES),
  componentId,
  ticket: ticketId,
  order: orderId,
  invoice: invoiceId,
  duration,
  percent,
  highPercent,
  mb,
  gb,
  pod: podName,
  container: containerId,
  trace: traceId,
  serverId,
  account,
  hex32: (r) => r.hex(32),
  hex8: (r) => r.hex(8),
  service: (r) => r.pick(V.SERVICES),
  db: (r) => r.pick(V.DATABASES),
  table: (r) => r.pick(V.TABLES),
  queue: (r) => r.pick(V.QUEUES),
  job: (r) => r.pick(V.JOB_NAMES),
  region: (r) => r.pick(V.REGIONS),
  feature: (r) => r.pick(V.CAMEL_FEATURES),
  replacement: (r) => r.pick(V.CAMEL_REPLACEMENTS),
  apiFunction: (r) => r.pick(V.API_FUNCTIONS),
  apiReplacement: (r) => r.pick(V.API_REPLACEMENTS),
  library: (r) => r.pick(V.LIBRARIES),
  configKey: (r) => r.pick(V.CONFIG_KEYS),
  entity: (r) => r.pick(V.WORKFLOW_ENTITIES),
  reason: (r) => r.pick(V.WORKFLOW_REASONS),
  threat: (r) => r.pick(V.SECURITY_THREATS),
  role: (r) => r.pick(V.PRIVILEGED_ROLES),
  country: (r) => r.pick(V.COUNTRIES),
  cause: (r) => r.pick(V.ERROR_CAUSES),
  date: (r) => formatDate(randomMoment(r)),
  datetime: (r) => {
    const m = randomMoment(r);
    return `${formatDate(m)} ${formatTime(m)}`;
  },
  iso: (r) => isoTimestamp(randomMoment(r)),
  apacheTime: (r) => apacheTimestamp(randomMoment(r)),
  quarter: (r) => `Q${r.int(1, 4)}`,
  year: (r) => String(r.int(2025, 2027)),
  month: (r) => r.pick(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']),
  bytes: (r) => String(r.weighted<number>([[r.int(0, 999), 1], [r.int(1000, 99999), 3], [r.int(100000, 9999999), 1]])),
  latency: (r) => (r.next() * r.pick([0.05, 0.5, 3])).toFixed(7),
  port: (r) => String(r.pick([22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9200, 27017, r.int(1024, 65535)])),
  pid: (r) => String(r.int(100, 65000)),
  lb: () => '{',
  rb: () => '}',
};
