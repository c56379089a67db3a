import { bracketedIso, criLine, kubectlPrefix, pino } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';

import TEMPLATES_NODE_SERVICE from './templates/node-service.json';

// Business services on Node.js (Express/Fastify with pino): requests, jobs,
// queues, socket errors, the runtime's and npm's deprecation warnings.

export const nodeService = defineFamily({
  family: 'node-service',
  description: "business services on Node.js: requests, jobs, queues, socket errors, Node's and npm's deprecation warnings",
  sources: ['web-frontend', 'notification-service', 'checkout'],
  formats: [pino('web'), bracketedIso, criLine, kubectlPrefix(['app', 'web'])],
  bareShare: 0.4,
  templates: familyTemplates(TEMPLATES_NODE_SERVICE),
});
