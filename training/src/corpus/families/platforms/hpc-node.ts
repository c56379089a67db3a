import type { Filler } from '../../fillers';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { epochSeconds, moment } from './headers';
import TEMPLATES_HPC_NODE from './templates/hpc-node.json';

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
  templates: familyTemplates(TEMPLATES_HPC_NODE),
});
