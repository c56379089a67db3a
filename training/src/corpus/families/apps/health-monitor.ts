import { appLogFile, bracketedIso, syslog } from '../formats';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';

import TEMPLATES_HEALTH_MONITOR from './templates/health-monitor.json';

// The health monitor that watches the business apps' hosts and services (a
// Nagios-style checker and its alert log): components, services and hosts
// down as a whole, and the resource readings and thresholds it reports.
const CHECKS = ['Disk /var', 'Memory', 'CPU Load', 'HTTP', 'SMTP', 'PostgreSQL', 'RAID', 'Backup Freshness', 'Swap', 'NTP'];

/** The monitor's state word for the level of its message. */
function nagiosState(level: FamilyLevel): string {
  if (level === null || level === 'INFO' || level === 'NOTICE' || level === 'DEBUG' || level === 'TRACE') return 'OK';
  return level === 'WARN' ? 'WARNING' : 'CRITICAL';
}

/** Nagios's alert log line: `[1701421234] SERVICE ALERT: web-01;Disk /var;WARNING;HARD;3;message`. */
const nagiosAlert: LineFormat = (m, { level, rng }) => {
  const host = `${rng.pick(['web', 'db', 'app', 'mail', 'batch', 'storage'])}-${String(rng.int(1, 40)).padStart(2, '0')}`;
  return `[${rng.int(1672531200, 1798761599)}] SERVICE ALERT: ${host};${rng.pick(CHECKS)};${nagiosState(level)};${rng.pick(['SOFT', 'HARD'])};${rng.int(1, 4)};${m}`;
};

export const healthMonitor = defineFamily({
  family: 'health-monitor',
  description: "the business apps' health monitor: components, services and hosts down as a whole, resource readings and thresholds",
  sources: ['ModernCRM', 'ModernHR', 'BillingSystem', 'AnalyticsEngine', 'ThirdPartyAPI', 'monitoring'],
  formats: [nagiosAlert, syslog('health-monitor'), bracketedIso, appLogFile('Monitor')],
  bareShare: 0.45,
  templates: familyTemplates(TEMPLATES_HEALTH_MONITOR),
});
