import { formatDate, formatTime, randomMoment, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { oneOf, pad, peerIp, sticky } from './shared';
import TEMPLATES_MONGODB from './templates/mongodb.json';
import TEMPLATES_MONGODB_LEGACY from './templates/mongodb-legacy.json';

/**
 * MongoDB's logs: structured JSON since 4.4 (`{"t":{"$date":...},"s":"I",
 * "c":"NETWORK", "id":22943, "ctx":"listener","msg":"Connection
 * accepted",...}`) and the text lines of 4.2 and older. Connections, slow
 * queries, checkpoints and elections are System Notification; a successful
 * authentication is User Action and a failed one Security Alert; a member
 * that went down is Critical Error, as is a fatal assertion; a rollback or a
 * failed write is Error; startup warnings about kernel memory settings are
 * Resource Usage.
 */

function severity(level: FamilyLevel): string {
  if (level === 'WARN') return 'W';
  if (level === 'ERROR') return 'E';
  if (level === 'FATAL' || level === 'CRITICAL') return 'F';
  if (level === 'DEBUG' || level === 'TRACE') return 'D1';
  return 'I';
}

/** The component is `<c> <id>`; mongod pads both so `"id"` and `"ctx"` line up. */
const jsonLine: LineFormat = (m, { level, component, rng }) => {
  const t = randomMoment(rng);
  const [c, id] = (component ?? 'NETWORK 22943').split(' ');
  const s = severity(level);
  return `{"t":{"$date":"${formatDate(t)}T${formatTime(t)}.${pad(t.millis, 3)}+00:00"},"s":"${s}",${' '.repeat(Math.max(1, 3 - s.length))}"c":"${c}",${' '.repeat(Math.max(1, 9 - c.length))}"id":${id},${' '.repeat(Math.max(1, 8 - id.length))}${m}`;
};

const connId = sticky((r) => String(r.int(1, 999999)));
const namespace = sticky((r) => r.pick(['orders.orders', 'app.users', 'shop.carts', 'events.clicks', 'analytics.daily_rollup', 'app.sessions']));
const remote: Filler = (r) => `${peerIp(r)}:${r.int(1024, 65535)}`;
const ns = oneOf(['orders.orders', 'app.users', 'admin.$cmd', 'shop.carts', 'events.clicks', 'local.oplog.rs', 'config.system.sessions', 'analytics.daily_rollup']);
const dbName = oneOf(['admin', 'app', 'orders', 'shop', 'test']);
const mongoUser = oneOf(['admin', 'app', 'root', 'backup', 'monitor', 'readonly', '__system']);
const member: Filler = (r) => `${r.pick(['mongo-0', 'mongo-1', 'mongo-2', 'rs0-a', 'rs0-b', 'db1'])}.${r.pick(['mongo.svc.cluster.local', 'internal', 'example.net'])}:27017`;
const driver = oneOf(['"driver":{"name":"nodejs","version":"6.3.0"}', '"driver":{"name":"PyMongo","version":"4.6.1"}', '"driver":{"name":"mongo-java-driver|sync","version":"4.11.1"}', '"driver":{"name":"mongo-go-driver","version":"1.13.1"}']);
const wtStamp: Filler = (r) => `[${r.int(1672531200, 1798761600)}:${r.int(0, 999999)}][${r.int(1, 99999)}:0x7f${r.hex(10)}]`;
const plan = oneOf(['COLLSCAN', 'IXSCAN { customerId: 1 }', 'IXSCAN { createdAt: -1 }', 'IDHACK']);

export const MONGODB = defineFamily({
  family: 'mongodb',
  description: 'MongoDB 4.4+ structured JSON log',
  sources: ['mongod', 'mongodb'],
  formats: [jsonLine],
  bareShare: 0,
  fillers: { connFirst: connId.first, connAgain: connId.again, nsFirst: namespace.first, collAgain: (r) => namespace.again(r).split('.')[1], remote, ns, dbName, mongoUser, member, driver, wtStamp, plan, uuid4: (r) => `${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-a${r.hex(3)}-${r.hex(12)}`, conn: (r) => String(r.int(1, 999999)), count: (r) => String(r.int(1, 5000)), ms: (r) => String(r.int(100, 90000)), docs: (r) => String(r.int(0, 9999999)), term: (r) => String(r.int(1, 300)) },
  templates: familyTemplates(TEMPLATES_MONGODB),
});

/** `2019-03-04T10:11:12.345+0000 I NETWORK  [conn123] ...`: the component column is padded to 8. */
const textLine: LineFormat = (m, { level, component, rng }) => {
  const t = randomMoment(rng);
  const s = severity(level);
  return `${formatDate(t)}T${formatTime(t)}.${pad(t.millis, 3)}+0000 ${s} ${(component ?? 'NETWORK').padEnd(8, ' ')} ${m}`;
};

export const MONGODB_LEGACY = defineFamily({
  family: 'mongodb-legacy',
  description: 'MongoDB 4.2 and older text log',
  sources: ['mongod', 'mongodb'],
  formats: [textLine],
  bareShare: 0.1,
  fillers: { nsFirst: namespace.first, collAgain: (r) => namespace.again(r).split('.')[1], remote, ns, dbName, mongoUser, member, plan, conn: (r) => String(r.int(1, 999999)), count: (r) => String(r.int(1, 5000)), ms: (r) => String(r.int(100, 90000)), docs: (r) => String(r.int(0, 9999999)) },
  templates: familyTemplates(TEMPLATES_MONGODB_LEGACY),
});
