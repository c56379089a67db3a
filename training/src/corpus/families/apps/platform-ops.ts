import { appLogFile, bracketedIso, journal, kubectlPrefix, syslog } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';

import TEMPLATES_PLATFORM_OPS from './templates/platform-ops.json';

// The operations side of the business apps: backups, system updates,
// reboots and restarts by an operator, disk cleanup, file uploads,
// scheduled tasks, replication and mail delivery. Much of the original
// project's data is this, as bare messages from the five modern apps; the
// monitors that watch the same hosts are health-monitor and security-monitor.
export const platformOps = defineFamily({
  family: 'platform-ops',
  description: 'operations of the business apps: backups, updates, reboots, cleanup, uploads, scheduled tasks, replication, mail delivery',
  sources: ['ModernCRM', 'ModernHR', 'BillingSystem', 'AnalyticsEngine', 'ThirdPartyAPI', 'backup-agent'],
  formats: [syslog('ops-agent'), journal('maintenance'), bracketedIso, appLogFile('Scheduler'), kubectlPrefix(['ops-agent', 'backup'])],
  bareShare: 0.45,
  templates: familyTemplates(TEMPLATES_PLATFORM_OPS),
});
