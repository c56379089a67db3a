import { appLogFile, bracketedIso, syslog } from '../formats';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { crit, err, res, sys } from './template-kit';

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
  templates: [
    // The original project's lines, verbatim.
    crit(null, 'Email service experiencing issues with sending'),
    crit('CRITICAL', 'Essential system part malfunction: component ID {componentId}'),
    crit('ERROR', 'System component failure: ID {componentId}'),
    crit(null, 'Critical system unit error: unit ID {componentId}'),

    // A component, service or host down as a whole.
    crit('CRITICAL', '{component} is down{| since {datetime}}'),
    crit('ERROR', '{component} {crashed|went down|stopped responding} {unexpectedly|}{| on {host}}'),
    crit('CRITICAL', '{essentialService} is unavailable{| for all users}'),
    crit(null, '{essentialService} {outage|failure} detected{| in {region}}'),
    crit('ERROR', '{essentialService} not responding: all {int:2:12} instances unhealthy'),
    crit(null, 'CRITICAL: {component} unreachable, failing over'),
    crit('CRITICAL', 'Failover failed: no healthy {component} node available'),
    crit('FATAL', 'Cluster {db}-cluster lost quorum{| ({int:1:2} of {int:3:5} nodes reachable)}'),
    crit('ERROR', 'Primary database {host} is down, writes are failing'),
    crit('CRITICAL', 'Hardware failure detected on {host}: {RAID array degraded|memory ECC uncorrectable error|power supply failed|disk controller fault}'),
    crit(null, 'RAID array /dev/md{int:0:3} failed: {int:2:4} disks missing'),
    crit('ERROR', 'Storage array {componentId} offline, {int:2:80} volumes unavailable'),
    crit('CRITICAL', 'Message broker unreachable: all producers blocked'),
    crit('ERROR', 'Redis master {host} down; no replica promoted'),
    crit('CRITICAL', 'Load balancer has no healthy backends for {service}'),
    crit(null, 'DNS resolution failing for all internal hosts'),
    crit('CRITICAL', 'Core switch {componentId} failure, datacenter {dc1|dc2|fra1|iad3} network down'),
    crit('ERROR', 'Power failure in rack {int:1:40}, UPS on battery'),
    crit('CRITICAL', 'Critical: {essentialService} malfunction, immediate attention required'),
    crit('ERROR', 'Critical failure in {component}: {int:1:5} of {int:5:9} nodes crashed'),
    crit(null, 'Service {essentialService} has crashed and cannot restart'),
    crit('ERROR', 'Essential component {componentId} not functioning'),
    crit(null, 'Main {component} malfunctioned{|, system degraded}'),
    crit('CRITICAL', 'The {component} has failed and the platform is unavailable'),
    crit('ERROR', '{essentialService} experiencing {severe|major|critical} issues{| with delivery}'),
    crit(null, '{essentialService} {is |}failing to {send|process|deliver} {any |}{messages|requests|payments}'),
    crit('FATAL', 'System-wide outage: {component} unavailable'),
    crit('CRITICAL', 'Emergency: {db} database corrupted, service halted'),
    crit('ERROR', 'Filesystem /var/lib/{mysql|postgresql|docker} remounted read-only after I/O errors'),
    crit(null, 'SMART failure predicted on {host} disk /dev/sd{a|b|c}: replace immediately'),
    crit('CRITICAL', 'Certificate for {host} expired: all TLS connections failing'),
    crit('ERROR', 'License server unreachable: {service} disabled for all users'),
    crit('FATAL', 'Process {service} died unexpectedly; watchdog could not restart it'),
    crit('CRITICAL', 'Cooling failure: CPU temperature {int:95:110}C on {host}, emergency shutdown'),
    crit('ERROR', 'Database cluster node {host} has crashed; {the application is read-only|writes are blocked} until failover completes'),
    crit(null, 'The storage backend went offline, {nothing can be saved|queries cannot run|uploads are failing}'),
    crit('ERROR', 'Mail transfer agent is down, outbound email is not being delivered'),
    crit('CRITICAL', 'Key component {componentId} stopped working, {search|login|checkout} is broken for every {tenant|user|customer}'),
    crit(null, '{essentialService} experiencing {delivery|connectivity|processing} problems for all {outgoing messages|users|requests}'),
    crit('FATAL', 'Production is down: {component} {unreachable|crashed}'),
    crit('ERROR', 'Critical component {componentId} reported a fatal hardware fault'),
    crit('CRITICAL', '{component} malfunction detected: {essentialService} halted'),
    crit(null, 'Severe: {component} has stopped; no failover target'),
    crit('ERROR', 'System failure: {component} is not operational'),
    crit('CRITICAL', 'Emergency shutdown of {service} after {component} failure'),
    crit('ERROR', '{essentialService} is completely unavailable{| in {region}}'),
    crit('CRITICAL', 'All nodes of {component} are down'),
    crit(null, 'Outage: {essentialService} returning errors to {int:90:100}% of users'),
    crit('FATAL', 'Crash detected in core module {componentId}; service terminated'),
    crit('ERROR', 'Fatal: disk controller failure on {host}, database offline'),
    crit(null, 'The {component} became unresponsive and was declared dead'),
    crit('CRITICAL', 'P1 incident: {essentialService} down'),
    crit('ERROR', '{Email|Mail|Messaging|Notification} service {experiencing|facing|reporting} {issues|problems|failures} with {sending|delivery|all outgoing mail}'),
    crit(null, '{Email|SMTP|Mail} service is {down|not working|unavailable}{|, no messages can be sent}'),
    crit('CRITICAL', 'Power supply unit {int:1:2} failed on {host}; server is down'),
    crit('ERROR', '{host}: hardware fault ({memory|CPU|motherboard|storage controller}) took the server offline'),

    // The monitor's own routine and failures.
    sys(null, 'Service check {HTTP|SMTP|PostgreSQL|Backup Freshness} on {host} is OK again after {int:1:90} minutes', 3),
    sys(null, 'Host {host} is UP (PING OK - Packet loss = 0%, RTA = {float:0.1:40:2} ms)', 3),
    sys('INFO', 'Scheduled downtime for {host} started by {user}'),
    sys('DEBUG', 'Check results processed: {int:100:90000} services, {int:10:900} hosts in {duration}'),
    err('WARN', 'Check {HTTP|SMTP|PostgreSQL|Disk /var} on {host} timed out after {int:10:60} seconds'),
    err('ERROR', 'Could not send the alert notification to {user}: {cause}'),

    // Host resources, as the monitor measures them.
    res('INFO', 'CPU usage at {percent} on {host}'),
    res(null, '{host} cpu={percent} mem={percent} disk={percent}'),
    res('INFO', 'Memory usage: {float:0.1:60:1} GiB used of {int:4:256} GiB ({percent})'),
    res('DEBUG', 'Memory used: {mb} MB, free: {mb} MB, total: {mb} MB'),
    res('INFO', 'Disk usage on {/|/var|/data|/home|C:} is {percent} ({int:1:900} GB used of {int:100:2000} GB)'),
    res(null, 'Filesystem /dev/{sda1|nvme0n1p2|mapper/vg-data} {int:10:2000}G used, {int:1:900}G available ({percent} use)'),
    res('WARN', '{High|Elevated} memory usage on {host}: {highPercent} of {int:4:256} GB'),
    res('WARN', 'Disk space warning: {highPercent} used on {host}:{/var/lib/docker|/data|/var/log}'),
    res('WARN', 'CPU utilisation above {int:80:95}% threshold on {host} for {int:5:30} minutes (current {highPercent})'),
    res(null, 'Load average: {float:0:16:2}, {float:0:16:2}, {float:0:16:2}'),
    res('DEBUG', 'Network throughput on eth{int:0:3}: rx {int:1:900} MB/s tx {int:1:900} MB/s'),
    res('INFO', 'Inode usage on /{data|var|home} at {percent}'),
    res('INFO', 'Swap usage {percent} ({mb} MB used)'),
    res(null, 'Storage usage report: {int:1:900} TB used, {int:1:900} TB free, {percent} utilised'),
    res('DEBUG', 'GPU {int:0:7} utilization {percent}, memory {int:1:80} GiB / 80 GiB'),
    res('INFO', 'Open file descriptors: {int:100:65000} of {int:65536:1048576}'),
    res('INFO', 'Resources: {int:1:64} vCPU allocated, {int:1:512} GB memory allocated, {int:0:64} vCPU free'),
    res('WARN', 'Available memory dropped to {int:50:900} MB on {host}'),
    res(null, 'Free disk space on {host} is {int:1:50} GB ({percent} free)'),
    res('DEBUG', '{host}: {int:1:64} cores, {float:0:100:1}% idle, iowait {float:0:40:1}%'),
    res('INFO', 'Process {service} RSS {mb} MB, VSZ {mb} MB, CPU {percent}'),
    res('WARN', 'Disk {/var/lib/{service}|/data|/srv} is {percent} full ({int:10:900}G of {int:100:1000}G)'),
    res(null, 'CPU load on {host} averaged {percent} over the last {int:1:15} minutes'),
    res('INFO', 'Resource snapshot: {int:1:64} of {int:64:128} cores busy, {int:1:500} GB RAM used, {int:1:500} GB free'),
    res('INFO', '{host} is using {percent} of its memory and {percent} of its swap'),
    res('DEBUG', 'Storage quota: {int:1:900} GB used out of {int:100:1000} GB'),
    res(null, 'Current utilisation: CPU {percent}, RAM {percent}, disk {percent}'),
    res('INFO', 'Free memory on {host}: {int:100:9000} MB ({percent})'),
    res('DEBUG', 'Bucket {backups|media|exports} holds {int:1:900} GB in {int:1000:900000} objects'),
    res('WARN', 'Memory pressure on {host}: {int:50:500} MB available'),
    res('INFO', 'Top consumer on {host}: {service} using {percent} CPU and {int:100:9000} MB RAM'),
    res(null, 'Disk I/O on {host}: {int:1:900} MB/s read, {int:1:900} MB/s write, {percent} utilised'),
    res('INFO', 'Total memory: {mb} MB, used: {mb} MB, free: {mb} MB'),
    res('DEBUG', 'Container {container} memory {float:10:900:1}MiB / {int:1:16}GiB, cpu {float:0:400:2}%'),
    res('INFO', 'Container {service}: memory {int:50:900}MiB / {int:1:8}GiB, cpu {percent}'),
    res(null, 'Pod {pod} resource usage: cpu={int:1:2000}m memory={int:10:4000}Mi'),
    res('INFO', 'Bandwidth usage for {region}: {float:0:10:2} Gbps inbound, {float:0:10:2} Gbps outbound'),
  ],
});
