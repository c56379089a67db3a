import type { Filler } from '../../fillers';
import { defineFamily, type LineFormat } from '../log-family';
import { epochSeconds, moment } from './headers';

/**
 * HPC cluster node-state logs of a cluster management system: `<id> <node>
 * <component> <event> <epoch> <flag> message`. A template's component is
 * `component|event`. A component turning unavailable, a failed power supply or
 * a temperature past the critical threshold is Critical Error; a full file
 * system domain or a temperature past the warning threshold is Resource Usage.
 */

const stateLine: LineFormat = (m, { component, rng }) => {
  const [comp = 'node', event = 'status'] = (component ?? '').split('|');
  const node = rng.pick([`node-${rng.int(0, 1023)}`, `node-D${rng.int(0, 9)}`, `gige${rng.int(1, 40)}`, `switch-${rng.int(1, 30)}`]);
  return `${rng.int(1, 450000)} ${node} ${comp} ${event} ${epochSeconds(moment(rng))} 1 ${m}`;
};

const hwid: Filler = (r) => String(r.int(1000, 9999));
const componentName: Filler = (r) => r.pick(['alt0', 'alt1', 'eth0', 'ServerNet', `SCSI-WWID:01000010:6005-08b4-0001-00c6-0006-3000-00${r.hex(2)}-0000`, 'cpu1', 'psu0']);
const command: Filler = (r) => String(r.int(100, 4000));
const domain: Filler = (r) => r.pick(['storage1', 'storage2', 'scratch', 'home', 'projects']);
const network: Filler = (r) => `${r.int(5, 10)}.${r.int(5, 96)}.${r.pick([0, 224])}.0`;

export const hpcNode = defineFamily({
  family: 'hpc-node',
  description: 'HPC cluster node state and command logs (component state changes, boots, file system domains, environment)',
  sources: ['hpc-cluster', 'hpc'],
  formats: [stateLine],
  fillers: { hwid, componentName, command, domain, network },
  templates: [
    { label: 'Critical Error', pattern: 'Component State Change: Component \\042{componentName}\\042 is in the unavailable state (HWID={hwid})', level: null, component: 'unix.hw|state_change.unavailable', weight: 3 },
    { label: 'System Notification', pattern: 'Component State Change: Component \\042{componentName}\\042 is in the {available|running} state (HWID={hwid})', level: null, component: 'unix.hw|state_change.available', weight: 2 },
    { label: 'System Notification', pattern: 'Targeting domains:node-D{int:0:9} and nodes:node-[{int:0:500}-{int:501:1023}] child of command {command}', level: null, component: 'node|cmd', weight: 3 },
    { label: 'System Notification', pattern: 'Command has completed successfully', level: null, component: 'node|cmd', weight: 2 },
    { label: 'System Notification', pattern: 'NIFF: node node-{int:0:1023} has detected an available network connection on network {network} via interface {alt0|eth0|eth1}', level: null, component: 'node|status', weight: 2 },
    { label: 'System Notification', pattern: 'ServerFileSystem: Server fs{int:1:8}: domain {domain} has been brought online', level: null, component: 'node|status' },
    { label: 'Error', pattern: '{boot|halt|reboot} (command {command}) Error: {Command Aborted|Connection Lost|Timed out waiting for response}', level: null, component: 'node|boot', weight: 2 },
    { label: 'Error', pattern: 'NIFF: node node-{int:0:1023} has detected a failed network connection on network {network} via interface {alt0|eth0|eth1}', level: null, component: 'node|status' },
    { label: 'Error', pattern: 'Link error on broadcast tree Interconnect-{int:0:3}T00:00:{int:0:3}:{int:0:7}', level: null, component: 'switch_module|error' },
    { label: 'Resource Usage', pattern: 'ClusterFileSystem: ServerFileSystem domain {domain} is full', level: null, component: 'domain|status', weight: 2 },
    { label: 'Resource Usage', pattern: 'Temperature ({int:55:79}C) exceeds warning threshold', level: null, component: 'node|temp' },
    { label: 'Resource Usage', pattern: 'Fan speeds ( {int:3000:4500} {int:3000:4500} {int:3000:4500} {int:3000:4500} {int:3000:4500} {int:3000:4500} )', level: null, component: 'node|env' },
    { label: 'Critical Error', pattern: 'Temperature ({int:90:110}C) exceeds critical threshold, node powered off', level: null, component: 'node|temp' },
    { label: 'Critical Error', pattern: 'PSU failure ( ambient={int:20:45} )', level: null, component: 'node|psu', weight: 2 },
    { label: 'Critical Error', pattern: 'Power supply {int:0:3} failed (HWID={hwid})', level: null, component: 'node|psu' },
  ],
});
