import { FILLERS, formatDate, formatTime, type Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { moment, pad } from './headers';
import TEMPLATES_OPENSTACK from './templates/openstack.json';

/**
 * OpenStack services (nova, neutron, cinder, keystone) through oslo.log. The
 * WSGI servers' request lines are HTTP Status whatever their code; resource
 * claims and the resource tracker's views are Resource Usage; the lifecycle of
 * an instance is System Notification; keystone refusing credentials is
 * Security Alert.
 */

const osloLevel = (level: FamilyLevel): string => {
  if (level === 'WARN') return 'WARNING';
  if (level === 'FATAL' || level === 'CRITICAL' || level === 'ALERT') return 'CRITICAL';
  if (level === 'NOTICE' || level === null) return 'INFO';
  return level;
};

/** The request context oslo.log prints: `[req-<uuid> <user> <project> - - -]`, newer `... - default default]`, or none. */
function requestContext(r: Prng): string {
  const req = `req-${FILLERS.uuid(r)}`;
  return r.weighted<string>([
    [`[${req} ${r.hex(32)} ${r.hex(32)} - - -]`, 3],
    [`[${req} ${r.hex(32)} ${r.hex(32)} - default default]`, 2],
    [`[${req} - - - - -]`, 2],
    ['[-]', 1],
  ]);
}

/** `2017-05-16 00:00:00.008 25746 INFO nova.compute.manager [req-... ...] message` */
const osloHeader: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  return `${formatDate(t)} ${formatTime(t)}.${pad(t.millis, 3)} ${rng.int(1000, 65000)} ${osloLevel(level)} ${component ?? 'nova.compute.manager'} ${requestContext(rng)} ${m}`;
};

/** The same line without time, pid and level, as collectors that parse the header keep it: `nova.osapi_compute.wsgi.server [req-...] 10.11.10.1 "GET ..." status: 200 ...`. */
const loggerAndContext: LineFormat = (m, { component, rng }) => `${component ?? 'nova.compute.manager'} ${requestContext(rng)} ${m}`;

const instance: Filler = (r) => `[instance: ${FILLERS.uuid(r)}]`;
/** The instance directory is named after the instance: `[instance: X] Deleting instance files /var/lib/nova/instances/X_del`. */
const instanceFiles: Filler = (r) => {
  const id = FILLERS.uuid(r);
  return `[instance: ${id}] Deleting instance files /var/lib/nova/instances/${id}_del`;
};
const instanceFilesDeleted: Filler = (r) => {
  const id = FILLERS.uuid(r);
  return `[instance: ${id}] Deletion of /var/lib/nova/instances/${id}_del complete`;
};
const baseFile: Filler = (r) => `/var/lib/nova/instances/_base/${r.hex(40)}`;
const computeNode: Filler = (r) => r.pick([`cp-${r.int(1, 9)}.slowvm1.tcloud-pg0.utah.cloudlab.us`, `compute-${pad(r.int(1, 40), 2)}`, `overcloud-novacompute-${r.int(0, 9)}.localdomain`, `nova-compute-${r.int(0, 20)}`]);
/** `host:nodename`, which for libvirt compute nodes is the same name twice. */
const serviceRecord: Filler = (r) => {
  const node = computeNode(r);
  return `${node}:${node}`;
};
const secs: Filler = (r) => (r.next() * r.pick([2, 30, 90]) + 0.01).toFixed(2);
const wsgiTime: Filler = (r) => (r.next() * r.pick([0.3, 1, 4])).toFixed(7);
const novaApiPath: Filler = (r) => {
  const project = r.hex(32);
  return r.pick([
    `/v2/${project}/servers/detail`,
    `/v2/${project}/servers/${FILLERS.uuid(r)}`,
    `/v2.1/${project}/servers/${FILLERS.uuid(r)}/action`,
    `/v2/${project}/flavors/detail`,
    `/v2.1/${project}/os-hypervisors/detail`,
    `/v2/${project}/servers`,
  ]);
};
const metadataPath: Filler = (r) => r.pick(['/openstack/2013-10-17', '/openstack/2013-10-17/meta_data.json', '/openstack/2013-10-17/vendor_data.json', '/openstack/2013-10-17/user_data', '/latest/meta-data/', '/latest/meta-data/instance-id', '/2009-04-04/meta-data/public-keys/']);
const osStatus: Filler = (r) => String(r.weighted<number>([[200, 10], [202, 3], [204, 2], [400, 1], [403, 1], [404, 3], [409, 1], [500, 1]]));
const flavorMb: Filler = (r) => String(r.pick([512, 1024, 2048, 4096, 8192, 16384]));
const claim: Filler = (r) => `memory ${flavorMb(r)} MB, disk ${r.pick([0, 1, 10, 20, 40, 80])} GB, vcpus ${r.pick([1, 2, 4, 8])} CPU`;
const memView: Filler = (r) => {
  const total = r.pick([64172, 32011, 128825, 257842]);
  const used = r.int(1, 60) * 512;
  return `Total memory: ${total} MB, used: ${used}.00 MB`;
};
const memLimit: Filler = (r) => {
  const total = r.pick([64172, 32011, 128825]);
  const limit = Math.round(total * 1.5);
  const used = r.int(1, 60) * 512;
  return `memory limit: ${limit}.00 MB, free: ${limit - used}.00 MB`;
};
const finalView: Filler = (r) => {
  const ram = r.pick([64172, 32011, 128825]);
  const vcpus = r.pick([8, 16, 32, 48]);
  return `name=${computeNode(r)} phys_ram=${ram}MB used_ram=${r.int(1, 100) * 512}MB phys_disk=${r.pick([15, 100, 440, 1800])}GB used_disk=${r.pick([0, 1, 20, 40, 120])}GB total_vcpus=${vcpus} used_vcpus=${r.int(0, vcpus)} pci_stats=[]`;
};
const vcpus: Filler = (r) => `Total usable vcpus: ${r.pick([8, 16, 32, 48])}, total allocated vcpus: ${r.int(0, 40)}`;
const image: Filler = (r) => FILLERS.uuid(r);
const osUser: Filler = (r) => r.pick(['admin', 'demo', 'nova', 'neutron', 'glance', 'cinder', 'alice', 'svc-terraform', 'ci-deployer']);

export const openstack = defineFamily({
  family: 'openstack',
  description: 'OpenStack nova, neutron, cinder and keystone through oslo.log',
  sources: ['nova-compute', 'nova-api', 'neutron', 'cinder', 'keystone', 'openstack'],
  formats: [osloHeader, osloHeader, loggerAndContext],
  fillers: { serviceRecord, instanceFiles, instanceFilesDeleted, instance, baseFile, computeNode, secs, wsgiTime, novaApiPath, metadataPath, osStatus, claim, memView, memLimit, finalView, vcpus, image, osUser },
  templates: familyTemplates(TEMPLATES_OPENSTACK),
});
