import { appLogFile, bracketedIso, structuredJson, syslog } from '../formats';
import { defineFamily } from '../log-family';
import { crit, dep, err, res, sec, sys } from './template-kit';

// The security monitoring on the business apps' hosts (an EDR/antivirus
// agent, file integrity monitoring, an IDS, fail2ban): what it raises.
export const securityMonitor = defineFamily({
  family: 'security-monitor',
  description: "security monitoring on the business apps' hosts: malware, intrusion and scan detection, file integrity, bans, and the agents' own routine",
  sources: ['ModernCRM', 'ModernHR', 'BillingSystem', 'AnalyticsEngine', 'ThirdPartyAPI', 'security-agent'],
  formats: [syslog('secmon'), bracketedIso, structuredJson(['edr.agent', 'fim.watcher', 'ids.sensor']), appLogFile('SecurityMonitor')],
  bareShare: 0.45,
  templates: [
    // The original project's lines, verbatim.
    sec('WARN', 'Server {serverId} experienced {a |}potential security incident'),
    sec(null, 'Potential security breach identified on server {serverId}'),
    sec('ALERT', 'Anomalous activity identified on server {serverId}'),

    // What the agents on the hosts raise.
    sec('ERROR', 'Malware signature {Trojan.GenericKD.{int:1000000:9999999}|EICAR-Test-File|Win32.Emotet} detected in {file}'),
    sec('CRITICAL', 'Ransomware-like file encryption activity detected on {host}'),
    sec('WARN', 'Port scan detected from {ip}: {int:100:65000} ports probed in {int:2:120} seconds'),
    sec(null, 'Firewall: dropped {int:100:100000} packets from blacklisted address {ip}'),
    sec('WARN', 'Security audit: root login via SSH from {ip} {accepted|detected} outside maintenance window'),
    sec('ALERT', 'File integrity monitoring: {/etc/passwd|/etc/shadow|/usr/bin/sudo|/etc/ssh/sshd_config} modified unexpectedly on {host}'),
    sec('CRITICAL', 'Audit log tampering detected on {host}: {int:10:2000} entries deleted'),
    sec('ERROR', 'Data exfiltration suspected: {int:1:50} GB sent from {host} to {ip}'),
    sec('WARN', 'Certificate pinning failure for {service}: possible man-in-the-middle'),
    sec(null, 'TLS client presented a revoked certificate (serial {hex8}) from {ip}'),
    sec('NOTICE', 'fail2ban.actions: NOTICE [sshd] Ban {ip}'),
    sec('ERROR', 'Privileged command executed by unauthorized user {user}: {rm -rf /var/log|chmod 777 /etc|useradd backdoor}'),
    sec('WARN', 'Detected attempt to disable antivirus on {host} by {user}'),
    sec('CRITICAL', 'Root privileges obtained by {user} through exploited {setuid binary|kernel vulnerability|misconfigured sudo rule}'),
    sec(null, 'IDS alert: ET SCAN {Nmap Scripting Engine|Suspicious inbound to MSSQL port 1433|Potential SSH Scan} from {ip}'),
    sec('ERROR', 'Suspicious process {nc -e /bin/sh|/dev/shm/.x/miner|powershell -enc} spawned by {user} on {host}'),
    sec('WARN', 'Threat detected: {threat} traffic from {ip} against {service}'),
    sec('ERROR', 'Security incident opened: {host} {shows signs of compromise|contacted a known command-and-control server|is running an unknown binary}'),
    sec(null, 'Antivirus quarantined {file} on {host}: {Trojan|Backdoor|Exploit}.{Agent|Generic}.{int:100:999}'),
    sec('WARN', 'Alert: new SSH key added to root authorized_keys on {host}'),

    // The agents' own routine, failures and notices.
    sys('INFO', 'Signature database updated to version {int:20240101:20261231}.{int:1:9}', 3),
    sys(null, 'Scheduled scan of {host} completed: {int:1000:900000} files scanned, 0 threats found', 3),
    sys('INFO', 'Security agent {version} started on {host}'),
    sys('DEBUG', 'File integrity baseline refreshed: {int:1000:90000} files'),
    sys('INFO', 'fail2ban.actions: NOTICE [sshd] Unban {ip}'),
    res('INFO', 'Quarantine storage: {int:1:900} MB used of {int:1:10} GB'),
    res('DEBUG', 'Scan engine memory {int:50:900} MB, CPU {percent}'),
    err('WARN', 'Failed to upload telemetry to {host}: {cause}'),
    err('ERROR', 'Signature update failed: {cause}'),
    crit('CRITICAL', 'Security agent on {host} stopped unexpectedly; real-time protection is off'),
    dep('WARN', 'Signature format v2 is deprecated and will no longer be published after {date}; upgrade the agent to {version}'),
  ],
});
