import { criLine, logfmt, zapJson } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';

import TEMPLATES_GO_SERVICE from './templates/go-service.json';

// Business services in Go (zap or logrus/go-kit logfmt): request lines,
// consumers, caches, feature flags, single failures and crashes.
const CALLERS = ['http/server.go', 'api/handler.go', 'worker/consumer.go', 'cache/redis.go', 'flags/client.go', 'cmd/server/main.go'];

export const goService = defineFamily({
  family: 'go-service',
  description: 'business services in Go: request lines, consumers, caches, feature flags, single failures and crashes',
  sources: ['inventory-api', 'shipping-service', 'fraud-detector'],
  formats: [zapJson(CALLERS), logfmt('api'), criLine],
  bareShare: 0.4,
  fillers: {
    flag: (r) => r.pick(['new-checkout', 'search-v2', 'dark-mode', 'bulk-export', 'async-invoices', 'recommendations', 'beta-dashboard', 'one-click-refund']),
  },
  templates: familyTemplates(TEMPLATES_GO_SERVICE),
});
