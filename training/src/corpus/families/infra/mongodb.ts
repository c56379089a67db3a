import { formatDate, formatTime, randomMoment, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { braces, oneOf, pad, peerIp, sticky } from './shared';

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
  templates: [
    { label: 'System Notification', level: 'INFO', weight: 4, component: 'NETWORK 22943', pattern: braces('"ctx":"listener","msg":"Connection accepted","attr":«"remote":"{remote}","uuid":«"uuid":«"$uuid":"{uuid4}"»»,"connectionId":{conn},"connectionCount":{count}»»') },
    { label: 'System Notification', level: 'INFO', weight: 4, component: 'NETWORK 22944', pattern: braces('"ctx":"conn{connFirst}","msg":"Connection ended","attr":«"remote":"{remote}","uuid":«"uuid":«"$uuid":"{uuid4}"»»,"connectionId":{connAgain},"connectionCount":{count}»»') },
    { label: 'System Notification', level: 'INFO', weight: 2, component: 'NETWORK 51800', pattern: braces('"ctx":"conn{connFirst}","msg":"client metadata","attr":«"remote":"{remote}","client":"conn{connAgain}","doc":«{driver},"os":«"type":"Linux","name":"linux","architecture":"x86_64"»»»»') },
    { label: 'System Notification', level: 'INFO', weight: 3, component: 'COMMAND 51803', pattern: braces('"ctx":"conn{conn}","msg":"Slow query","attr":«"type":"command","ns":"{nsFirst}","command":«"find":"{collAgain}","filter":«"status":"pending"»,"limit":{int:1:500}»,"planSummary":"{plan}","keysExamined":{docs},"docsExamined":{docs},"nreturned":{int:0:500},"numYields":{int:0:9000},"reslen":{int:100:999999},"protocol":"op_msg","durationMillis":{ms}»»') },
    { label: 'User Action', level: 'INFO', weight: 2, component: 'ACCESS 5286306', pattern: braces('"ctx":"conn{conn}","msg":"Successfully authenticated","attr":«"client":"{remote}","isSpeculative":{true|false},"isClusterMember":false,"mechanism":"SCRAM-SHA-256","user":"{mongoUser}","db":"{dbName}","result":0»»') },
    { label: 'Security Alert', level: 'INFO', weight: 3, component: 'ACCESS 5286307', pattern: braces('"ctx":"conn{conn}","msg":"Failed to authenticate","attr":«"client":"{remote}","isSpeculative":false,"isClusterMember":false,"mechanism":"{SCRAM-SHA-256|SCRAM-SHA-1}","user":"{mongoUser}","db":"{dbName}","error":"{AuthenticationFailed: SCRAM authentication failed, storedKey mismatch|UserNotFound: Could not find user \\"{mongoUser}\\" for db \\"{dbName}\\"}","result":{18|11}»»') },
    { label: 'Security Alert', level: 'INFO', component: 'ACCESS 20249', pattern: braces('"ctx":"conn{conn}","msg":"Authentication failed","attr":«"mechanism":"SCRAM-SHA-1","speculative":false,"principalName":"{mongoUser}","authenticationDatabase":"{dbName}","remote":"{remote}","extraInfo":«»,"error":"AuthenticationFailed: SCRAM authentication failed, storedKey mismatch"»»') },
    { label: 'Security Alert', level: 'WARN', component: 'CONTROL 22120', pattern: braces('"ctx":"initandlisten","msg":"Access control is not enabled for the database. Read and write access to data and configuration is unrestricted","tags":["startupWarnings"]»') },
    { label: 'Resource Usage', level: 'WARN', component: 'CONTROL 22178', pattern: braces('"ctx":"initandlisten","msg":"/sys/kernel/mm/transparent_hugepage/enabled is \'always\'. We suggest setting it to \'never\'","tags":["startupWarnings"]»') },
    { label: 'Resource Usage', level: 'WARN', component: 'CONTROL 5123300', pattern: braces('"ctx":"initandlisten","msg":"vm.max_map_count is too low","attr":«"currentValue":65530,"recommendedMinimum":{1677720|838860},"maxConns":{51200|819200}»,"tags":["startupWarnings"]»') },
    { label: 'System Notification', level: 'INFO', weight: 2, component: 'STORAGE 22430', pattern: braces('"ctx":"Checkpointer","msg":"WiredTiger message","attr":«"message":"{wtStamp}, WT_SESSION.checkpoint: [WT_VERB_CHECKPOINT_PROGRESS] saving checkpoint snapshot min: {docs}, snapshot max: {docs} snapshot count: 0, oldest timestamp: ({int:1672531200:1798761600}, {int:1:99}) , meta checkpoint timestamp: ({int:1672531200:1798761600}, {int:1:99}) base write gen: {docs}"»»') },
    { label: 'System Notification', level: 'INFO', component: 'CONTROL 4615611', pattern: braces('"ctx":"initandlisten","msg":"MongoDB starting","attr":«"pid":{pid},"port":27017,"dbPath":"/{data/db|var/lib/mongodb}","architecture":"64-bit","host":"{host}"»»') },
    { label: 'System Notification', level: 'INFO', component: 'NETWORK 23016', pattern: braces('"ctx":"listener","msg":"Waiting for connections","attr":«"port":27017,"ssl":"{off|on}"»»') },
    { label: 'System Notification', level: 'INFO', component: 'CONTROL 23377', pattern: braces('"ctx":"SignalHandler","msg":"Received signal","attr":«"signal":15,"error":"Terminated"»»') },
    { label: 'System Notification', level: 'INFO', component: 'CONTROL 20565', pattern: braces('"ctx":"SignalHandler","msg":"Now exiting"»') },
    { label: 'System Notification', level: 'INFO', weight: 2, component: 'REPL 21358', pattern: braces('"ctx":"ReplCoord-{int:0:40}","msg":"Replica set state transition","attr":«"newState":"{PRIMARY|SECONDARY|RECOVERING|STARTUP2}","oldState":"{SECONDARY|STARTUP2|PRIMARY|RECOVERING}"»»') },
    { label: 'System Notification', level: 'INFO', component: 'REPL 21331', pattern: braces('"ctx":"OplogApplier-0","msg":"Transition to primary complete; database writes are now permitted"»') },
    { label: 'System Notification', level: 'INFO', component: 'ELECTION 21438', pattern: braces('"ctx":"ReplCoord-{int:0:40}","msg":"Conducting a dry run election to see if we could be elected","attr":«"currentTerm":{term}»»') },
    { label: 'System Notification', level: 'INFO', component: 'ELECTION 21450', pattern: braces('"ctx":"ReplCoord-{int:0:40}","msg":"Election succeeded, assuming primary role","attr":«"term":{term}»»') },
    { label: 'System Notification', level: 'INFO', component: 'REPL 21809', pattern: braces('"ctx":"conn{conn}","msg":"Stepping down from primary in response to stepdown command","attr":«"force":false»»') },
    { label: 'Critical Error', level: 'INFO', weight: 2, component: 'REPL 21216', pattern: braces('"ctx":"ReplCoord-{int:0:40}","msg":"Member is in new state","attr":«"hostAndPort":"{member}","newState":"(not reachable/healthy)"»»') },
    { label: 'Error', level: 'INFO', component: 'REPL_HB 23974', pattern: braces('"ctx":"ReplCoord-{int:0:40}","msg":"Heartbeat failed after max retries","attr":«"target":"{member}","maxHeartbeatRetries":2,"error":«"code":{6|91|89},"codeName":"{HostUnreachable|ShutdownInProgress|NetworkTimeout}","errmsg":"{Error connecting to {member} :: caused by :: Connection refused|Couldn\'t get a connection within the time limit}"»»»') },
    { label: 'Error', level: 'INFO', component: 'ROLLBACK 21593', pattern: braces('"ctx":"BackgroundSync","msg":"Transition to ROLLBACK"»') },
    { label: 'Error', level: 'INFO', component: 'ROLLBACK 21606', pattern: braces('"ctx":"BackgroundSync","msg":"Rollback finished. The final minValid is","attr":«"minValid":«"ts":«"$timestamp":«"t":{int:1672531200:1798761600},"i":{int:1:99}»»,"t":{term}»»»') },
    { label: 'Error', level: 'ERROR', component: 'STORAGE 22435', pattern: braces('"ctx":"{Checkpointer|conn{conn}}","msg":"WiredTiger error","attr":«"error":28,"message":"{wtStamp}, file:collection-{int:0:99}-{docs}.wt, WT_SESSION.checkpoint: __posix_file_write, 617: /data/db/collection-{int:0:99}-{docs}.wt: handle-write: pwrite: failed to write {4096|32768} bytes at offset {docs}: No space left on device"»»') },
    { label: 'Critical Error', level: 'FATAL', component: '- 23089', pattern: braces('"ctx":"{Checkpointer|conn{conn}|initandlisten}","msg":"Fatal assertion","attr":«"msgid":{50853|28559|34433},"file":"src/mongo/db/storage/wiredtiger/wiredtiger_util.cpp","line":{int:100:900}»»') },
    { label: 'Critical Error', level: 'FATAL', component: 'STORAGE 28595', pattern: braces('"ctx":"initandlisten","msg":"Terminating.","attr":«"reason":"{13: Permission denied|2: No such file or directory|28: No space left on device}"»»') },
    { label: 'Error', level: 'INFO', component: 'COMMAND 20883', pattern: braces('"ctx":"conn{conn}","msg":"Interrupted operation as its client disconnected","attr":«"opId":{docs}»»') },
    { label: 'Deprecation Warning', level: 'WARN', component: 'COMMAND 5578800', pattern: braces('"ctx":"conn{conn}","msg":"Deprecated operation requested. For more details see https://dochub.mongodb.org/core/legacy-opcode-removal","attr":«"op":"{query|insert|getMore}","clientInfo":«{driver},"remote":"{remote}"»»»') },
  ],
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
  templates: [
    { label: 'System Notification', level: 'INFO', weight: 4, component: 'NETWORK', pattern: '[listener] connection accepted from {remote} #{conn} ({count} connections now open)' },
    { label: 'System Notification', level: 'INFO', weight: 4, component: 'NETWORK', pattern: '[conn{conn}] end connection {remote} ({count} connections now open)' },
    { label: 'System Notification', level: 'INFO', weight: 2, component: 'NETWORK', pattern: '[conn{conn}] received client metadata from {remote} conn{conn}: {lb} driver: {lb} name: "{nodejs|PyMongo|mongo-java-driver}", version: "{int:3:4}.{int:0:12}.{int:0:9}" {rb}, os: {lb} type: "Linux", name: "linux", architecture: "x86_64" {rb} {rb}' },
    { label: 'System Notification', level: 'INFO', weight: 3, component: 'COMMAND', pattern: '[conn{conn}] command {nsFirst} command: find {lb} find: "{collAgain}", filter: {lb} status: "pending" {rb} {rb} planSummary: {plan} keysExamined:{docs} docsExamined:{docs} cursorExhausted:1 numYields:{int:0:900} nreturned:{int:0:500} reslen:{int:100:99999} protocol:op_msg {ms}ms' },
    { label: 'User Action', level: 'INFO', component: 'ACCESS', pattern: '[conn{conn}] Successfully authenticated as principal {mongoUser} on {dbName} from client {remote}' },
    { label: 'Security Alert', level: 'INFO', weight: 2, component: 'ACCESS', pattern: '[conn{conn}] SASL SCRAM-SHA-1 authentication failed for {mongoUser} on {dbName} from client {remote} ; {AuthenticationFailed: SCRAM-SHA-1 authentication failed, storedKey mismatch|UserNotFound: Could not find user {mongoUser}@{dbName}}' },
    { label: 'Security Alert', level: 'INFO', component: 'CONTROL', pattern: '[initandlisten] ** WARNING: Access control is not enabled for the database.' },
    { label: 'Resource Usage', level: 'INFO', component: 'CONTROL', pattern: "[initandlisten] ** WARNING: /sys/kernel/mm/transparent_hugepage/{enabled|defrag} is 'always'." },
    { label: 'System Notification', level: 'INFO', component: 'CONTROL', pattern: '[initandlisten] MongoDB starting : pid={pid} port=27017 dbpath=/var/lib/mongodb 64-bit host={host}' },
    { label: 'System Notification', level: 'INFO', component: 'NETWORK', pattern: '[initandlisten] waiting for connections on port 27017' },
    { label: 'System Notification', level: 'INFO', component: 'REPL', pattern: '[replexec-{int:0:40}] transition to {PRIMARY|SECONDARY|RECOVERING} from {SECONDARY|STARTUP2|PRIMARY}' },
    { label: 'System Notification', level: 'INFO', component: 'ELECTION', pattern: "[replexec-{int:0:40}] Starting an election, since we've seen no PRIMARY in the past {10000|5000}ms" },
    { label: 'Critical Error', level: 'INFO', component: 'REPL', pattern: '[replexec-{int:0:40}] Member {member} is now in state RS_DOWN' },
    { label: 'Error', level: 'INFO', component: 'ROLLBACK', pattern: '[rsBackgroundSync] transition to ROLLBACK' },
    { label: 'Critical Error', level: 'FATAL', component: '-', pattern: '[{WTCheckpointThread|conn{conn}}] Fatal Assertion {50853|28559} at src/mongo/db/storage/wiredtiger/wiredtiger_util.cpp {int:100:900}' },
    { label: 'Error', level: 'ERROR', component: 'STORAGE', pattern: '[WTCheckpointThread] WiredTiger error (28) [{int:1500000000:1700000000}:{int:0:999999}][{int:1:9999}:0x7f{hex8}], file:WiredTiger.wt, WT_SESSION.checkpoint: /data/db/WiredTiger.turtle.set: handle-open: open: No space left on device' },
  ],
});
