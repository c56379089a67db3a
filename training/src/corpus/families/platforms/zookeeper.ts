import { formatDate, formatTime, type Filler } from '../../fillers';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { expandComponent, moment, pad } from './headers';
import TEMPLATES_ZOOKEEPER from './templates/zookeeper.json';

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
  templates: familyTemplates(TEMPLATES_ZOOKEEPER),
});
