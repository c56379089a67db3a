import { FILLERS, formatDate, formatTime, type Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { moment, pad } from './headers';

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
  templates: [
    { label: 'HTTP Status', pattern: '{ip} "{GET|GET|POST|DELETE} {novaApiPath} HTTP/1.1" status: {osStatus} len: {int:200:9000} time: {wsgiTime}', level: 'INFO', component: 'nova.osapi_compute.wsgi.server', weight: 4 },
    { label: 'HTTP Status', pattern: '{ip},{ip} "GET {metadataPath} HTTP/1.1" status: {200|200|404} len: {int:100:2000} time: {wsgiTime}', level: 'INFO', component: 'nova.metadata.wsgi.server', weight: 3 },
    { label: 'System Notification', pattern: '{instance} Took {secs} seconds to spawn the instance on the hypervisor.', level: 'INFO', component: 'nova.compute.manager', weight: 2 },
    { label: 'System Notification', pattern: '{instance} Took {secs} seconds to build instance.', level: 'INFO', component: 'nova.compute.manager', weight: 2 },
    { label: 'System Notification', pattern: '{instance} VM {Started|Paused|Resumed|Stopped} (Lifecycle Event)', level: 'INFO', component: 'nova.compute.manager', weight: 3 },
    { label: 'System Notification', pattern: '{instance} During sync_power_state the instance has a pending task (spawning). Skip.', level: 'INFO', component: 'nova.compute.manager' },
    { label: 'System Notification', pattern: '{instance} Terminating instance', level: 'INFO', component: 'nova.compute.manager', weight: 2 },
    { label: 'System Notification', pattern: '{instance} Took {secs} seconds to destroy the instance on the hypervisor.', level: 'INFO', component: 'nova.compute.manager', weight: 2 },
    { label: 'System Notification', pattern: '{instance} Took {secs} seconds to deallocate network for instance.', level: 'INFO', component: 'nova.compute.manager' },
    { label: 'System Notification', pattern: '{instance} Instance destroyed successfully.', level: 'INFO', component: 'nova.virt.libvirt.driver', weight: 2 },
    { label: 'System Notification', pattern: '{instanceFiles}', level: 'INFO', component: 'nova.virt.libvirt.driver' },
    { label: 'System Notification', pattern: '{instanceFilesDeleted}', level: 'INFO', component: 'nova.virt.libvirt.driver' },
    { label: 'System Notification', pattern: '{instance} Creating image', level: 'INFO', component: 'nova.virt.libvirt.driver', weight: 2 },
    { label: 'System Notification', pattern: 'image {image} at ({baseFile}): checking', level: 'INFO', component: 'nova.virt.libvirt.imagecache', weight: 3 },
    { label: 'System Notification', pattern: 'Active base files: {baseFile}', level: 'INFO', component: 'nova.virt.libvirt.imagecache', weight: 2 },
    { label: 'System Notification', pattern: 'Removable base files: {baseFile}', level: 'INFO', component: 'nova.virt.libvirt.imagecache' },
    { label: 'System Notification', pattern: 'Unknown base file: {baseFile}', level: 'INFO', component: 'nova.virt.libvirt.imagecache' },
    { label: 'System Notification', pattern: 'Base or swap file too young to remove: {baseFile}', level: 'INFO', component: 'nova.virt.libvirt.imagecache' },
    { label: 'System Notification', pattern: 'Auditing locally available compute resources for node {computeNode}', level: 'INFO', component: 'nova.compute.resource_tracker', weight: 2 },
    { label: 'System Notification', pattern: 'Compute_service record updated for {serviceRecord}', level: 'INFO', component: 'nova.compute.resource_tracker', weight: 2 },
    { label: 'System Notification', pattern: 'Reconnected to AMQP server on {ip}:5672 via [amqp] client with port {int:32768:60999}.', level: 'INFO', component: 'oslo.messaging._drivers.impl_rabbit' },
    { label: 'System Notification', pattern: 'Port {uuid} updated. Details: {lb}\'device\': \'{uuid}\', \'network_id\': \'{uuid}\', \'admin_state_up\': True, \'network_type\': \'{vxlan|vlan|flat}\', \'segmentation_id\': {int:1:4094}{rb}', level: 'INFO', component: 'neutron.plugins.ml2.drivers.openvswitch.agent.ovs_neutron_agent' },
    { label: 'System Notification', pattern: 'Volume {uuid}: being created as {image|raw|snap} with specification: {lb}\'status\': u\'creating\', \'volume_name\': \'volume-{uuid}\', \'volume_size\': {1|10|20|50|100}{rb}', level: 'INFO', component: 'cinder.volume.flows.manager.create_volume' },
    { label: 'Resource Usage', pattern: '{instance} Attempting claim: {claim}', level: 'INFO', component: 'nova.compute.claims', weight: 2 },
    { label: 'Resource Usage', pattern: '{instance} {memView}', level: 'INFO', component: 'nova.compute.claims', weight: 2 },
    { label: 'Resource Usage', pattern: '{instance} {memLimit}', level: 'INFO', component: 'nova.compute.claims' },
    { label: 'Resource Usage', pattern: '{instance} Claim successful', level: 'INFO', component: 'nova.compute.claims', weight: 2 },
    { label: 'Resource Usage', pattern: '{vcpus}', level: 'INFO', component: 'nova.compute.resource_tracker', weight: 2 },
    { label: 'Resource Usage', pattern: 'Final resource view: {finalView}', level: 'INFO', component: 'nova.compute.resource_tracker', weight: 2 },
    { label: 'Error', pattern: 'HTTP exception thrown: {Instance {uuid} could not be found.|Flavor {int:1:99} could not be found.|Image {uuid} could not be found.}', level: 'INFO', component: 'nova.api.openstack.wsgi', weight: 2 },
    { label: 'Error', pattern: '{instance} Instance failed to spawn', level: 'ERROR', component: 'nova.compute.manager' },
    { label: 'Error', pattern: '{instance} Build of instance {uuid} aborted: {Volume {uuid} did not finish being created even after we waited {int:10:300} seconds or {int:10:300} attempts. And its status is error.|Failed to allocate the network(s), not rescheduling.}', level: 'ERROR', component: 'nova.compute.manager' },
    { label: 'Error', pattern: 'Failed to compute_task_build_instances: No valid host was found. There are not enough hosts available.', level: 'WARN', component: 'nova.scheduler.utils' },
    { label: 'Error', pattern: '{instance} Error from libvirt during destroy. Code={1|38|55}; Error=Failed to terminate process {pid} with SIGKILL: Device or resource busy', level: 'ERROR', component: 'nova.virt.libvirt.driver' },
    { label: 'Error', pattern: 'AMQP server on {ip}:5672 is unreachable: [Errno 111] ECONNREFUSED. Trying again in {1|2|4|8|16|32} seconds.', level: 'ERROR', component: 'oslo.messaging._drivers.impl_rabbit', weight: 2 },
    { label: 'Error', pattern: 'Error updating resources for node {computeNode}.', level: 'ERROR', component: 'nova.compute.manager' },
    { label: 'Error', pattern: 'Failed to run task cinder.scheduler.flows.create_volume.ScheduleCreateVolumeTask;volume:create: No valid backend was found. No weighed backends available', level: 'ERROR', component: 'cinder.scheduler.manager' },
    { label: 'Security Alert', pattern: 'Authorization failed. The request you have made requires authentication. from {ip}', level: 'WARN', component: 'keystone.common.wsgi', weight: 2 },
    { label: 'Security Alert', pattern: 'Could not find user: {osUser}.', level: 'WARN', component: 'keystone.common.wsgi' },
    { label: 'Security Alert', pattern: 'You are not authorized to perform the requested action: {identity:list_users|identity:create_project|identity:delete_user}.', level: 'WARN', component: 'keystone.common.wsgi' },
    { label: 'Critical Error', pattern: 'Agent healthcheck: found {int:1:4} dead agents out of {int:5:60}:', level: 'WARN', component: 'neutron.db.agents_db' },
    { label: 'Deprecation Warning', pattern: 'Option "{verbose|notification_driver|rpc_backend|auth_strategy}" from group "{DEFAULT|keystone_authtoken}" is deprecated for removal.  Its value may be silently ignored in the future.', level: 'WARN', component: 'oslo_config.cfg' },
  ],
});
