import { appLogFile, bracketedIso, structuredJson, syslog } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';

import TEMPLATES_SECURITY_MONITOR from './templates/security-monitor.json';

// The security monitoring on the business apps' hosts (an EDR/antivirus
// agent, file integrity monitoring, an IDS, fail2ban): what it raises.
export const securityMonitor = defineFamily({
  family: 'security-monitor',
  description: "security monitoring on the business apps' hosts: malware, intrusion and scan detection, file integrity, bans, and the agents' own routine",
  sources: ['ModernCRM', 'ModernHR', 'BillingSystem', 'AnalyticsEngine', 'ThirdPartyAPI', 'security-agent'],
  formats: [syslog('secmon'), bracketedIso, structuredJson(['edr.agent', 'fim.watcher', 'ids.sensor']), appLogFile('SecurityMonitor')],
  bareShare: 0.45,
  templates: familyTemplates(TEMPLATES_SECURITY_MONITOR),
});
