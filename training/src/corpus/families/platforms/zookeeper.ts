import { formatDate, formatTime, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { expandComponent, moment, pad } from './headers';

/**
 * Apache ZooKeeper servers. Client sessions coming and going (including the
 * WARN "caught end of stream exception" of a client that hung up) are
 * routine; a session that expires because its client stopped answering is a
 * timed-out connection (Error, as an MQTT keepalive timeout is), and so is a
 * broken quorum channel; a follower that lost its leader or a leader without
 * a quorum is Critical Error.
 */

/** log4j's level padded to five (`%-5p`). */
const level5 = (level: FamilyLevel): string => (level ?? 'INFO').padEnd(5, ' ');

/** 3.4: `2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - ...` */
const zk34Header: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  return `${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)} - ${level5(level)} [${expandComponent(component, rng, ZK_FILLERS)}] - ${m}`;
};

/** 3.5+: `2024-01-02 03:04:05,678 [myid:1] - INFO  [thread:Class@line] - ...` */
const zk35Header: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  return `${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)} [myid:${rng.int(1, 5)}] - ${level5(level)} [${expandComponent(component, rng, ZK_FILLERS)}] - ${m}`;
};

const sid: Filler = (r) => `0x${r.chance(0.8) ? `${r.int(1, 5)}${r.hex(r.pick([13, 14]))}` : r.hex(r.pick([11, 12]))}`.replace(/^0x0+/, '0x');
const zxid: Filler = (r) => `0x${r.int(1, 0x2f).toString(16)}${r.hex(8).replace(/^0+/, '')}`;
const snapshot: Filler = (r) => {
  const z = zxid(r);
  return `${z} to /var/lib/zookeeper/version-2/snapshot.${z.slice(2)}`;
};
const errorPath: Filler = (r) => {
  const p = znode(r);
  return `Error Path:${p} Error:KeeperErrorCode = ${r.pick(['NodeExists', 'NoNode', 'BadVersion', 'NotEmpty'])} for ${p}`;
};
const eport: Filler = (r) => String(r.int(32768, 60999));
const zkIp: Filler = (r) => `10.10.34.${r.int(11, 40)}`;
const timeout: Filler = (r) => String(r.pick([4000, 6000, 10000, 18000, 20000, 30000, 40000]));
const myid: Filler = (r) => String(r.int(1, 5));
const nio: Filler = () => 'NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181';
const peer: Filler = (r) => `QuorumPeer[myid=${r.int(1, 5)}]/0:0:0:0:0:0:0:0:2181`;
const zkState: Filler = (r) => r.pick(['LOOKING', 'FOLLOWING', 'LEADING']);
const znode: Filler = (r) => r.pick(['/brokers/ids', '/brokers/topics', '/controller', '/hbase/rs', '/hbase/master', '/admin/reassign_partitions', '/consumers', '/hadoop-ha/mycluster/ActiveStandbyElectorLock', '/config/changes', '/isr_change_notification']);

const zxidHex: Filler = (r) => zxid(r).slice(2);
const ZK_FILLERS = { zxidHex, snapshot, errorPath, sid, zxid, eport, zkIp, timeout, myid, nio, peer, zkState, znode };

export const zookeeper = defineFamily({
  family: 'zookeeper',
  description: 'Apache ZooKeeper ensemble servers (log4j with [thread:Class@line])',
  sources: ['zookeeper'],
  formats: [zk34Header, zk35Header],
  fillers: ZK_FILLERS,
  templates: [
    { label: 'System Notification', pattern: 'Accepted socket connection from /{zkIp}:{eport}', level: 'INFO', component: '{nio}:NIOServerCnxnFactory@197', weight: 4 },
    { label: 'System Notification', pattern: 'Client attempting to establish new session at /{zkIp}:{eport}', level: 'INFO', component: '{nio}:ZooKeeperServer@839', weight: 3 },
    { label: 'System Notification', pattern: 'Client attempting to renew session {sid} at /{zkIp}:{eport}', level: 'INFO', component: '{nio}:ZooKeeperServer@832' },
    { label: 'System Notification', pattern: 'Established session {sid} with negotiated timeout {timeout} for client /{zkIp}:{eport}', level: 'INFO', component: 'CommitProcessor:{myid}:ZooKeeperServer@595', weight: 3 },
    { label: 'System Notification', pattern: 'Closed socket connection for client /{zkIp}:{eport} which had sessionid {sid}', level: 'INFO', component: '{nio}:NIOServerCnxn@1001', weight: 4 },
    { label: 'System Notification', pattern: 'Closed socket connection for client /{zkIp}:{eport} (no session established for client)', level: 'INFO', component: '{nio}:NIOServerCnxn@1001', weight: 2 },
    { label: 'System Notification', pattern: 'caught end of stream exception', level: 'WARN', component: '{nio}:NIOServerCnxn@357', weight: 2 },
    { label: 'System Notification', pattern: 'EndOfStreamException: Unable to read additional data from client sessionid {sid}, likely client has closed socket', level: 'WARN', component: '{nio}:NIOServerCnxn@349', weight: 2 },
    { label: 'Error', pattern: 'Expiring session {sid}, timeout of {timeout}ms exceeded', level: 'INFO', component: 'SessionTracker:ZooKeeperServer@325', weight: 2 },
    { label: 'System Notification', pattern: 'Processed session termination for sessionid: {sid}', level: 'INFO', component: 'ProcessThread(sid:{myid} cport:-1)::PrepRequestProcessor@476', weight: 3 },
    { label: 'System Notification', pattern: 'Notification: {myid} (n.leader), {zxid} (n.zxid), 0x{int:1:9} (n.round), {zkState} (n.state), {myid} (n.sid), 0x{int:1:40} (n.peerEPoch), {zkState} (my state)', level: 'INFO', component: 'WorkerReceiver[myid={myid}]:FastLeaderElection@542', weight: 2 },
    { label: 'System Notification', pattern: 'Notification time out: {400|800|1600|3200|6400|12800|25600|51200|60000}', level: 'INFO', component: '{peer}:FastLeaderElection@774' },
    { label: 'System Notification', pattern: '{LOOKING|FOLLOWING|LEADING}', level: 'INFO', component: '{peer}:QuorumPeer@738' },
    { label: 'System Notification', pattern: '{LEADING|FOLLOWING} - LEADER ELECTION TOOK - {int:2:60000}', level: 'INFO', component: '{peer}:Leader@358' },
    { label: 'System Notification', pattern: 'Getting a snapshot from leader{| {zxid}}', level: 'INFO', component: '{peer}:Learner@325' },
    { label: 'System Notification', pattern: 'Snapshotting: {snapshot}', level: 'INFO', component: 'SyncThread:{myid}:FileTxnSnapLog@240' },
    { label: 'System Notification', pattern: 'Creating new log file: log.{zxidHex}', level: 'INFO', component: 'SyncThread:{myid}:FileTxnLog@199' },
    { label: 'System Notification', pattern: 'Have smaller server identifier, so dropping the connection: ({int:2:5}, {myid})', level: 'INFO', component: 'WorkerSender[myid={myid}]:QuorumCnxManager@368' },
    { label: 'System Notification', pattern: 'Send worker leaving thread', level: 'WARN', component: 'SendWorker:{myid}:QuorumCnxManager$SendWorker@727' },
    { label: 'System Notification', pattern: 'Received connection request /{zkIp}:{eport}', level: 'INFO', component: '/{zkIp}:3888:QuorumCnxManager$Listener@511' },
    { label: 'System Notification', pattern: 'autopurge.snapRetainCount set to {3|5|10}', level: 'INFO', component: 'main:DatadirCleanupManager@78' },
    { label: 'System Notification', pattern: 'Follower sid: {myid} : info : org.apache.zookeeper.server.quorum.QuorumPeer$QuorumServer@{hex8}', level: 'INFO', component: 'LearnerHandler-/{zkIp}:{eport}:LearnerHandler@279' },
    { label: 'Error', pattern: 'Cannot open channel to {myid} at election address /{zkIp}:3888', level: 'WARN', component: 'WorkerSender[myid={myid}]:QuorumCnxManager@368', weight: 2 },
    { label: 'Error', pattern: 'Cannot open channel to {myid} at election address /{zkIp}:3888 java.net.ConnectException: Connection refused', level: 'WARN', component: '{peer}:QuorumCnxManager@368' },
    { label: 'Error', pattern: 'Connection broken for id {myid}, my id = {myid}, error = ', level: 'WARN', component: 'RecvWorker:{myid}:QuorumCnxManager$RecvWorker@762' },
    { label: 'Error', pattern: 'Interrupted while waiting for message on queue', level: 'WARN', component: 'SendWorker:{myid}:QuorumCnxManager$SendWorker@706' },
    { label: 'Error', pattern: 'Exception causing close of session {sid} due to java.io.IOException: {Connection reset by peer|Broken pipe|Len error {int:1048577:9000000}}', level: 'WARN', component: '{nio}:NIOServerCnxn@362' },
    { label: 'Error', pattern: 'Got user-level KeeperException when processing sessionid:{sid} type:{create|delete|setData} cxid:0x{int:1:4095} zxid:{zxid} txntype:-1 reqpath:n/a {errorPath}', level: 'INFO', component: 'ProcessThread(sid:{myid} cport:-1)::PrepRequestProcessor@645', weight: 2 },
    { label: 'Resource Usage', pattern: 'Too many connections from /{zkIp} - max is {60|100|200}', level: 'WARN', component: '{nio}:NIOServerCnxnFactory@193' },
    { label: 'Resource Usage', pattern: 'fsync-ing the write ahead log in SyncThread:{myid} took {int:1000:40000}ms which will adversely effect operation latency. See the ZooKeeper troubleshooting guide', level: 'WARN', component: 'SyncThread:{myid}:FileTxnLog@334' },
    { label: 'Security Alert', pattern: 'Client failed to SASL authenticate: javax.security.sasl.SaslException: {GSS initiate failed|DIGEST-MD5: digest response format violation. Mismatched response.}', level: 'WARN', component: '{nio}:ZooKeeperServer@1034' },
    { label: 'Critical Error', pattern: 'Exception when following the leader', level: 'WARN', component: '{peer}:Follower@89' },
    { label: 'Critical Error', pattern: 'Shutting down, reason: Not sufficient followers synced, only synced with sids: [ {myid} ]', level: 'INFO', component: '{peer}:Leader@496' },
    { label: 'Critical Error', pattern: 'Unexpected exception causing shutdown while sock still open', level: 'ERROR', component: 'LearnerHandler-/{zkIp}:{eport}:LearnerHandler@633' },
  ],
});
