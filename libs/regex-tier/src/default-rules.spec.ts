import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { Outcome } from '@logclass/contract';
import { defaultRulesPath } from './default-rules-path';
import { loadRules } from './load-rules';
import { RegexClassifier } from './regex-classifier';
import { requiredLiterals } from './required-literals';
import { prefilterAdmits } from './rule-prefilter';

/** The shipped rules against lines they must decide (with the rule expected) and near misses they must leave alone. */
const classifier = new RegexClassifier(loadRules());
const classify = (logMessage: string, source = 'ModernCRM') => classifier.classifyOne({ source, logMessage });

const POSITIVES: [rule: string, label: string, line: string][] = [
  ['user-logged-in', 'User Action', 'User User123 logged in.'],
  ['user-logged-in', 'User Action', 'user user_42 logged in'],
  ['user-logged-in', 'User Action', 'User jenkins has logged in'],
  ['user-logged-in', 'User Action', 'User mateo@mail.test logged in.'],
  ['user-logged-in', 'User Action', '[2024-01-01T00:00:00.000Z] INFO: auth: user "User12" logged in from 10.0.0.8'],
  ['user-logged-in', 'User Action', '2025-08-24 19:24:16,252 - root - INFO - User User4766 logged in successfully from 192.168.1.9'],
  ['user-logged-in', 'User Action', '{"ts":"2025-01-01T00:00:00Z","msg":"User User9 logged in."}'],
  ['user-logged-out', 'User Action', 'User User685 logged out.'],
  ['user-logged-out', 'User Action', 'User heidi.mueller logged out'],
  ['user-logged-out', 'User Action', 'ts=2025-01-01 msg="User ci-bot logged out."'],
  ['account-created-by-user', 'User Action', 'Account with ID 5351 created by User634.'],
  ['account-created-by-user', 'User Action', 'Account with ID usr_fc0b0f0 created by idubois.'],
  ['backup-started-or-ended', 'System Notification', 'Backup started at 2025-05-14 07:06:55.'],
  ['backup-started-or-ended', 'System Notification', 'Backup ended at 2025-08-08 13:06:23.'],
  ['backup-completed', 'System Notification', 'Backup completed successfully.'],
  ['backup-completed', 'System Notification', '{"message": "Backup completed successfully.", "trace_id": "ab12"}'],
  ['backup-completed', 'System Notification', 'backup succeeded'],
  ['backup-of-completed-in', 'System Notification', 'Nightly backup of analytics finished in 9.05s'],
  ['backup-job-finished-no-errors', 'System Notification', '[2025-11-11T03:12:02.814Z] INFO: Backup job sitemap-generate finished: 160 GB written, 0 errors'],
  ['system-updated-to-version', 'System Notification', 'System updated to version 3.2.1.'],
  ['system-updated-to-version', 'System Notification', 'System updated to version v2.0'],
  ['file-uploaded-successfully', 'System Notification', 'File data_6957.csv uploaded successfully by user User265.'],
  ['file-uploaded-to-storage', 'System Notification', 'File customers_354.xlsx (611 KB) uploaded to bucket by User5525'],
  ['disk-cleanup-completed', 'System Notification', 'Disk cleanup completed successfully.'],
  ['cleanup-removed-items', 'System Notification', 'INFO:crm.sync:Cleanup task removed 31 temporary files'],
  ['reboot-initiated-by-user', 'System Notification', 'System reboot initiated by user User243.'],
  ['reboot-initiated-by-user', 'System Notification', 'System reboot initiated by user olga.brown.'],
  ['scheduled-reboot', 'System Notification', 'System rebooting at 2026-02-27 20:16:45 for scheduled kernel update'],
  [
    'openstack-wsgi-access',
    'HTTP Status',
    'nova.osapi_compute.wsgi.server [req-b9bd9f1a-0a5b-4bdb-a2c4-3e1b0e0b7c1a 113d3a99c3da401fbd62cc2caa5b96d2 54fadb412c4e40cdbaed9335e4c35a9e - - -] 10.11.10.1 "GET /v2/54fadb412c4e40cdbaed9335e4c35a9e/servers/detail HTTP/1.1" status: 200 len: 1893 time: 0.2675118',
  ],
  [
    'openstack-wsgi-access',
    'HTTP Status',
    'nova.osapi_compute.wsgi.server [req-1 - - - - -] 192.168.17.56 "DELETE /v2/7071632b/servers/detail HTTP/1.1" status: 502 len: 1811 time: 0.4689654',
  ],
  ['common-log-format-access', 'HTTP Status', '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326'],
  ['common-log-format-access', 'HTTP Status', '43.42.71.58 - - [12/Jan/2024:00:57:54 +0000] "GET /healthz HTTP/1.1" 503 -'],
  ['envoy-access', 'HTTP Status', '[2025-06-13T02:20:35.711Z] "OPTIONS /api/v1/invoices HTTP/1.1" 504 - 0 27857 661 747 "192.168.63.238" "PostmanRuntime/7.36.0"'],
  ['uvicorn-access', 'HTTP Status', 'INFO:     172.19.254.203:6829 - "GET /v2/servers/detail HTTP/1.1" 200 OK'],
  ['runtime-deprecation-warning', 'Deprecation Warning', '(node:1310) [DEP0025] DeprecationWarning: sys is deprecated. Use util instead.'],
  ['runtime-deprecation-warning', 'Deprecation Warning', 'npm WARN deprecated request@2.88.2: request has been deprecated'],

  // Real formats, as the programs print them (often behind a syslog, journald or container header).
  ['common-log-format-access', 'HTTP Status', '203.0.113.7 - - [02/Feb/2025:14:03:11 +0000] "GET /robots.txt HTTP/1.1" 404 153 "-" "Mozilla/5.0 (compatible; Googlebot/2.1)"'],
  ['common-log-format-access', 'HTTP Status', 'shop.example.com:443 198.51.100.23 - alice [02/Feb/2025:14:03:12 +0100] "POST /cart/checkout HTTP/2.0" 500 612 "https://shop.example.com/cart" "Mozilla/5.0"'],
  ['common-log-format-access', 'HTTP Status', '[02/Feb/2025:14:03:12 +0000] 10.0.0.9 - - [02/Feb/2025:14:03:12 +0000] "GET /api/v1/items?page=2 HTTP/1.1" 200 5123 "-" "okhttp/4.12.0" 512 0.031 [shop-api-80] [] 10.1.4.7:8080 5123 0.030 200 4f1c'],
  ['common-log-format-access', 'HTTP Status', 'gunicorn[811]: 10.0.0.4 - - [02/Feb/2025:14:03:13 +0000] "GET /health HTTP/1.0" 200 2 "-" "kube-probe/1.29"'],
  ['openstack-wsgi-access', 'HTTP Status', '2025-03-11 09:40:00.031 4468 INFO nova.osapi_compute.wsgi.server [req-9e2b7c41-5d3a-4f08-b1c6-7a8e9f0d1c2b 6a1f3e9c0b2d4e5f8a7c6b5d4e3f2a1b 0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f - - -] 10.20.1.15 "GET /v2/0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f/servers/detail HTTP/1.1" status: 200 len: 1904 time: 0.3121458'],
  ['envoy-access', 'HTTP Status', '[2025-02-02T08:00:01.001Z] "GET /productpage HTTP/1.1" 200 - via_upstream - "-" 0 5289 23 22 "10.0.0.1" "Mozilla/5.0" "1b2c" "productpage:9080" "10.44.0.12:9080" inbound|9080|| 127.0.0.6:51531 10.44.0.12:9080 10.0.0.1:0 outbound_.9080_._.productpage.default.svc.cluster.local default'],
  ['haproxy-http-access', 'HTTP Status', 'Feb  2 08:00:02 lb1 haproxy[2210]: 198.51.100.9:51022 [02/Feb/2025:08:00:02.112] www~ app/web2 0/0/2/41/43 200 8812 - - --VN 12/12/3/1/0 0/0 "GET /assets/app.css HTTP/1.1"'],
  ['aws-elb-access', 'HTTP Status', 'https 2025-02-02T08:00:03.412345Z app/prod-alb/50dc6c495c0c9188 203.0.113.20:52311 10.0.2.15:8080 0.001 0.120 0.000 201 201 512 88 "POST https://api.example.com:443/v1/orders HTTP/1.1" "python-requests/2.31.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2'],
  ['django-runserver-access', 'HTTP Status', '[02/Feb/2025 08:00:04] "GET /admin/ HTTP/1.1" 302 0'],
  ['uvicorn-access', 'HTTP Status', 'INFO:     10.0.0.7:41872 - "GET /docs HTTP/1.1" 200 OK'],
  ['gin-access', 'HTTP Status', '[GIN] 2025/02/02 - 08:00:05 | 500 |    1.203851s |      10.0.0.31 | POST     "/api/v1/upload"'],
  ['morgan-access', 'HTTP Status', 'app-1  | GET /api/users/42 304 2.914 ms - -'],
  ['rails-completed', 'HTTP Status', 'I, [2025-02-02T08:00:06.123456 #7]  INFO -- : [a1b2c3] Completed 302 Found in 12ms (ActiveRecord: 2.1ms | Allocations: 1822)'],
  ['aspnetcore-request-finished', 'HTTP Status', 'info: Microsoft.AspNetCore.Hosting.Diagnostics[2] Request finished HTTP/1.1 GET http://localhost:8080/healthz - 200 - text/plain 0.4201ms'],
  ['iis-w3c-access', 'HTTP Status', '2025-02-02 08:00:07 10.0.0.5 GET /default.aspx - 443 - 203.0.113.8 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 15'],
  ['squid-access', 'HTTP Status', '1738483207.512    211 10.0.0.44 TCP_TUNNEL/200 5120 CONNECT github.com:443 - HIER_DIRECT/140.82.121.4 -'],
  ['kube-apiserver-httplog', 'HTTP Status', 'I0202 08:00:08.000001       1 httplog.go:132] "HTTP" verb="LIST" URI="/api/v1/pods?limit=500" latency="30.1ms" userAgent="kubectl/v1.29.1" audit-ID="9a1e" srcIP="10.0.0.5:51000" resp=200'],
  ['heroku-router-access', 'HTTP Status', '2025-02-02T08:00:09.000000+00:00 heroku[router]: at=info method=POST path="/webhooks/stripe" host=shop.herokuapp.com request_id=1f2e fwd="54.187.174.169" dyno=web.1 connect=0ms service=44ms status=200 bytes=145 protocol=https'],
  ['caddy-access', 'HTTP Status', '{"level":"info","ts":1738483210.1,"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"10.0.0.8","method":"GET","uri":"/"},"status":200}'],
  ['json-request-line-access', 'HTTP Status', '{"time":"2025-02-02T08:00:11+00:00","remote_addr":"10.0.0.3","request":"DELETE /api/v1/sessions/9 HTTP/1.1","status":"204","body_bytes_sent":"0","request_time":"0.004"}'],
  ['json-access-fields', 'HTTP Status', '{"ClientAddr":"10.0.0.9:40122","ClientHost":"10.0.0.9","DownstreamStatus":404,"Duration":1203311,"RequestMethod":"GET","RequestPath":"/wp-admin","RouterName":"web@docker","level":"info","msg":""}'],
  ['logfmt-access-fields', 'HTTP Status', 'time=2025-02-02T08:00:12Z level=info msg="served request" method=PUT path=/api/v1/profile status=200 duration=3.1ms'],
  ['sshd-failed-auth', 'Security Alert', 'Feb  2 08:01:01 bastion sshd[30211]: Failed password for invalid user ftpuser from 45.148.10.240 port 51012 ssh2'],
  ['sshd-failed-auth', 'Security Alert', 'Feb  2 08:01:02 bastion sshd[30212]: Failed password for root from 218.92.0.112 port 36442 ssh2'],
  ['sshd-invalid-user', 'Security Alert', 'Feb  2 08:01:03 bastion sshd[30213]: Invalid user postgres from 45.148.10.240 port 51014'],
  ['sshd-preauth-authenticating-user', 'Security Alert', 'Feb  2 08:01:04 bastion sshd[30214]: Connection closed by authenticating user root 218.92.0.112 port 36450 [preauth]'],
  ['pam-auth-failure', 'Security Alert', 'Feb  2 08:01:05 bastion sshd[30215]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=218.92.0.112  user=root'],
  ['sshd-break-in-attempt', 'Security Alert', 'Feb  2 08:01:06 bastion sshd[30216]: reverse mapping checking getaddrinfo for 112.0.92.218.broad.example.cn [218.92.0.112] failed - POSSIBLE BREAK-IN ATTEMPT!'],
  ['sshd-too-many-auth-failures', 'Security Alert', 'Feb  2 08:01:07 bastion sshd[30217]: error: maximum authentication attempts exceeded for root from 218.92.0.112 port 36452 ssh2 [preauth]'],
  ['sshd-probe', 'Security Alert', 'Feb  2 08:01:08 bastion sshd[30218]: Did not receive identification string from 162.142.125.221 port 41234'],
  ['sshd-login-refused', 'Security Alert', 'Feb  2 08:01:09 bastion sshd[30219]: User root from 218.92.0.112 not allowed because not listed in AllowUsers'],
  ['sudo-denied', 'Security Alert', 'Feb  2 08:01:10 web1 sudo[4101]:    guest : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/guest ; USER=root ; COMMAND=/bin/cat /etc/shadow'],
  ['local-login-failed', 'Security Alert', 'Feb  2 08:01:11 web1 login[811]: FAILED LOGIN (2) on \'/dev/tty2\' FOR \'root\', Authentication failure'],
  ['su-failed', 'Security Alert', 'Feb  2 08:01:12 web1 su[4102]: FAILED su for root by guest'],
  ['database-auth-failed', 'Security Alert', '2025-02-02 08:01:13.001 UTC [5150] app@shop FATAL:  password authentication failed for user "app"'],
  ['database-auth-failed', 'Security Alert', '2025-02-02T08:01:14.000000Z 31 [Note] [MY-010926] [Server] Access denied for user \'root\'@\'45.148.10.240\' (using password: YES)'],
  ['windows-logon-failure', 'Security Alert', '<13>Feb  2 08:01:15 dc01 MSWinEventLog 1 Security 88231 Sun Feb 02 08:01:15 2025 4625 Microsoft-Windows-Security-Auditing N/A Failure Audit dc01 Logon An account failed to log on.'],
  ['mail-auth-failed', 'Security Alert', 'Feb  2 08:01:16 mx1 postfix/smtpd[2201]: warning: unknown[45.144.212.33]: SASL PLAIN authentication failed: authentication failure'],
  ['fail2ban-ban', 'Security Alert', '2025-02-02 08:01:17,123 fail2ban.actions        [812]: NOTICE  [postfix-sasl] Ban 45.144.212.33'],
  ['mac-denial', 'Security Alert', 'Feb  2 08:01:18 web1 kernel: audit: type=1400 audit(1738483278.123:90): apparmor="DENIED" operation="exec" profile="/usr/sbin/nginx" name="/bin/sh" pid=4103 comm="nginx" requested_mask="x" denied_mask="x" fsuid=33 ouid=0'],
  ['firewall-block', 'Security Alert', 'Feb  2 08:01:19 web1 kernel: [812345.678901] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 SRC=162.142.125.221 DST=10.0.0.4 LEN=44 TOS=0x00 PREC=0x00 TTL=38 ID=54321 PROTO=TCP SPT=41234 DPT=6379 WINDOW=1024 RES=0x00 SYN URGP=0'],
  ['ids-alert', 'Security Alert', '02/02/2025-08:01:20.123456  [**] [1:2024897:3] ET SCAN Zmap User-Agent (Inbound) [**] [Classification: Detection of a Network Scan] [Priority: 3] {TCP} 162.142.125.221:41234 -> 10.0.0.4:80'],
  ['antivirus-found', 'Security Alert', 'clamd[1201]: /srv/uploads/2025/02/resume.docm: Doc.Dropper.Agent-6399847-0 FOUND'],
  ['audit-auth-failed', 'Security Alert', 'type=USER_LOGIN msg=audit(1738483281.001:95): pid=30220 uid=0 auid=4294967295 ses=4294967295 msg=\'op=login acct="(unknown)" exe="/usr/sbin/sshd" hostname=? addr=45.148.10.240 terminal=sshd res=failed\''],
  ['ftp-login-failed', 'Security Alert', 'Sun Feb  2 08:01:22 2025 [pid 4104] [anonymous] FAIL LOGIN: Client "::ffff:45.148.10.240"'],
  ['apache-auth-failure', 'Security Alert', '[Sun Feb 02 08:01:23.123456 2025] [authz_core:error] [pid 4105:tid 140001] [client 45.148.10.240:51016] AH01630: client denied by server configuration: /var/www/html/.git/config'],
  ['runtime-deprecation-warning', 'Deprecation Warning', '/opt/app/venv/lib/python3.11/site-packages/botocore/auth.py:419: DeprecationWarning: datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version.'],
  ['runtime-deprecation-warning', 'Deprecation Warning', '(node:4106) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead.'],
  ['deprecated-by-statement', 'Deprecation Warning', 'W0202 08:01:24.000001    4107 warnings.go:70] batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob'],
  ['deprecated-by-statement', 'Deprecation Warning', 'OpenJDK 64-Bit Server VM warning: Option UseBiasedLocking was deprecated in version 15.0 and will likely be removed in a future release.'],
  ['deprecated-by-statement', 'Deprecation Warning', 'Flag --insecure-port has been deprecated, This flag has no effect now and will be removed in v1.24.'],
  ['deprecation-tag', 'Deprecation Warning', 'DEPRECATION WARNING: `to_s(:db)` will go away in Rails 7.2; use `to_fs(:db)` (called from <main> at /app/config/application.rb:12)'],
  ['deprecation-tag', 'Deprecation Warning', '[Sun Feb 02 08:01:25 2025] [php:warn] [pid 4108] PHP Deprecated:  Creation of dynamic property Foo::$bar in /var/www/html/src/Foo.php on line 21'],
  ['removal-scheduled', 'Deprecation Warning', 'Warning: the option --legacy-bundling will be removed in the next major version of npm'],
  ['elasticsearch-deprecation-log', 'Deprecation Warning', '{"@timestamp":"2025-02-02T08:01:26.000Z","log.level":"WARN","log.logger":"org.elasticsearch.deprecation.xpack.core.ilm","message":"[index.lifecycle.rollover_alias] setting is no longer used"}'],
  ['kernel-oom-kill', 'Critical Error', 'Feb  2 08:02:01 node7 kernel: [2074859.075092] Out of memory: Killed process 4242 (java) total-vm:12582912kB, anon-rss:8388608kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:17000kB oom_score_adj:0'],
  ['kernel-oom-kill', 'Critical Error', 'Feb  2 08:02:02 node7 kernel: [2074859.075000] postgres invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=-1000'],
  ['kernel-panic-oops', 'Critical Error', 'Feb  2 08:02:03 node7 kernel: [ 123.456789] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b'],
  ['kernel-panic-oops', 'Critical Error', 'kernel: BUG: unable to handle page fault for address: ffffa1b2c3d4e5f6'],
  ['process-crash', 'Critical Error', 'Feb  2 08:02:04 node7 kernel: [ 812.000001] php-fpm8.2[4109]: segfault at 8 ip 00007f1e2a3b4c5d sp 00007ffd5e6f7a80 error 4 in libphp.so[7f1e2a000000+1200000]'],
  ['process-crash', 'Critical Error', 'systemd-coredump[4110]: Process 4109 (php-fpm8.2) of user 33 dumped core.'],
  ['systemd-unit-failed', 'Critical Error', 'Feb  2 08:02:05 node7 systemd[1]: postgresql@15-main.service: Failed with result \'exit-code\'.'],
  ['systemd-unit-failed', 'Critical Error', 'Feb  2 08:02:06 node7 systemd[1]: Failed to start PostgreSQL Cluster 15-main.'],
  ['apache-child-crash', 'Critical Error', '[Sun Feb 02 08:02:07 2025] [notice] child pid 4111 exit signal Segmentation fault (11)'],
  ['hardware-fault', 'Critical Error', 'Feb  2 08:02:08 node7 kernel: [9123.000001] EXT4-fs (nvme0n1p2): Remounting filesystem read-only'],
  ['hardware-fault', 'Critical Error', 'Feb  2 08:02:09 node7 kernel: [9124.000001] EDAC MC1: 1 UE memory read error on CPU_SrcID#1_Ha#0_Chan#2_DIMM#0 (channel:2 slot:0 page:0x12ab offset:0x0 grain:32)'],
  ['nginx-auth-denied', 'Security Alert', '2025/02/02 08:05:12 [error] 811#811: *1204 access forbidden by rule, client: 45.148.10.240, server: shop.example.com, request: "GET /.git/config HTTP/1.1", host: "shop.example.com"'],
  ['nginx-upstream-error', 'Error', '2025/02/02 08:05:13 [error] 811#811: *1205 upstream prematurely closed connection while reading response header from upstream, client: 10.0.0.9, server: api.example.com, request: "GET /v1/export HTTP/1.1", upstream: "http://10.0.1.5:8000/v1/export"'],
  ['openstack-nova-resources', 'Resource Usage', '2025-02-02 08:06:03.789 2931 INFO nova.compute.claims [req-1c2f 4f1a 9b2c - - -] [instance: 5e1c9a2b-7d3f-4a8e-9b6c-0f1e2d3c4b5a] Attempting claim: memory 2048 MB, disk 20 GB, vcpus 1 CPU'],
  ['openstack-nova-resources', 'Resource Usage', '2025-02-02 08:06:04.001 2931 INFO nova.compute.resource_tracker [req-1c30 - - - - -] Total usable vcpus: 16, total allocated vcpus: 4'],
  ['pam-auth-failure', 'Security Alert', 'Mar 11 09:50:01 legacy-01 sshd(pam_unix)[30101]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=198.51.100.77'],
  ['pam-auth-failure', 'Security Alert', 'Mar 11 09:50:02 legacy-01 sshd(pam_unix)[30102]: check pass; user unknown'],
  ['sshd-too-many-auth-failures', 'Security Alert', 'Mar 11 09:50:04 gw-02 sshd[30104]: PAM service(sshd) ignoring max retries; 6 > 3'],
  ['pam-interactive-session', 'User Action', 'Mar 11 09:50:03 legacy-01 sshd(pam_unix)[30103]: session opened for user deploy by (uid=0)'],
  ['service-auth-failed', 'Security Alert', 'Mar 11 10:04:05 vpn1 ovpn-server[811]: alice/203.0.113.43:55351 SENT CONTROL [alice]: \'AUTH_FAILED\' (status=1)'],
  ['database-auth-failed', 'Security Alert', 'password authentication failed for user "readonly"'],
  ['windows-crash', 'Critical Error', '<11>Mar 11 10:04:06 SRV-APP01 MSWinEventLog 1 System 10232 Tue Mar 11 10:04:06 2025 7034 Service Control Manager N/A N/A Error SRV-APP01 None  The SQL Server (MSSQLSERVER) service terminated unexpectedly.  It has done this 1 time(s).'],
  ['windows-account-change', 'User Action', 'Audit Success 3/11/2025 10:04:07 AM Microsoft-Windows-Security-Auditing 4726 User Account Management A user account was deleted.  Subject:  Account Name: admin01'],
  ['android-crash', 'Critical Error', '03-11 10:06:02.002  1502  1530 E ActivityManager: ANR in com.example.mail'],
  ['dns-request-denied', 'Security Alert', 'Mar 11 10:08:02 ns1 named[812]: client @0x7f3a2c01d971 203.0.113.99#4382: update \'example.com/IN\' denied'],
  ['fail2ban-ban', 'Security Alert', '[vsftpd] Found 203.0.113.100 - 2025-03-11 10:08:03'],
  ['mail-ftp-login', 'User Action', 'Mar 11 10:08:04 mx1 dovecot: pop3-login: Login: user=<bob@example.com>, method=PLAIN, rip=10.0.0.44, lip=10.0.0.3, mpid=4246, TLS'],
  ['vrrp-fault', 'Critical Error', 'Mar 11 10:09:01 lb2 Keepalived_vrrp[4249]: (VI_WEB) Entering FAULT STATE'],
  ['sshd-accepted', 'User Action', 'Feb  2 08:03:01 bastion sshd[30301]: Accepted publickey for deploy from 10.0.0.15 port 50544 ssh2: RSA SHA256:3mB1xv2Q6Zk9fJd0hT6u8yR4pL1oN7eW5cA2sD9gH0k'],
  ['sshd-accepted', 'User Action', 'Feb  2 08:03:02 bastion sshd[30302]: Accepted password for alice from 10.0.0.16 port 50545 ssh2'],
  ['pam-interactive-session', 'User Action', 'Feb  2 08:03:03 bastion sshd[30302]: pam_unix(sshd:session): session opened for user alice(uid=1001) by (uid=0)'],
  ['pam-interactive-session', 'User Action', 'Feb  2 08:03:04 bastion sudo[4112]: pam_unix(sudo:session): session closed for user root'],
  ['sudo-command', 'User Action', 'Feb  2 08:03:05 bastion sudo[4112]:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/journalctl -u nginx --since today'],
  ['su-success', 'User Action', 'Feb  2 08:03:06 bastion su[4113]: (to postgres) alice on pts/0'],
  ['login-session-lifecycle', 'User Action', 'Feb  2 08:03:07 bastion systemd-logind[811]: New session 412 of user alice.'],
  ['login-session-lifecycle', 'User Action', 'Feb  2 08:03:08 bastion sshd[30302]: Disconnected from user alice 10.0.0.16 port 50545'],
  ['shadow-account-change', 'User Action', 'Feb  2 08:03:09 bastion useradd[4114]: new user: name=carol, UID=1003, GID=1003, home=/home/carol, shell=/bin/bash, from=/dev/pts/0'],
  ['cron-command', 'System Notification', 'Feb  2 08:04:01 web1 CRON[4115]: (root) CMD (test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily ))'],
  ['sshd-connection-routine', 'System Notification', 'Feb  2 08:04:02 bastion sshd[30303]: Received disconnect from 10.0.0.16 port 50545:11: disconnected by user'],
  ['network-daemon-routine', 'System Notification', 'Feb  2 08:04:03 web1 dhclient[611]: bound to 10.0.0.4 -- renewal in 1737 seconds.'],
  ['apache-routine', 'System Notification', '[Tue Mar 11 09:14:27 2025] [notice] workerEnv.init() ok /etc/httpd/conf.d/workers2.properties'],
  ['hdfs-block-routine', 'System Notification', '2025-02-02 08:04:06,123 INFO org.apache.hadoop.hdfs.server.datanode.DataNode: Receiving block blk_7503483334202473044 src: /10.250.11.100:42014 dest: /10.250.11.100:50010'],
  ['hdfs-block-routine', 'System Notification', '250311 091611 415 INFO dfs.DataNode$PacketResponder: PacketResponder 2 for block blk_-5120376649813372205 terminating'],
  ['zookeeper-session-routine', 'System Notification', '2025-02-02 08:04:07,001 [myid:2] - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@1001] - Closed socket connection for client /10.10.34.20:51234 which had sessionid 0x3957c1f2a8b0009'],
  ['nginx-master-routine', 'System Notification', '2025/02/02 08:05:10 [notice] 1#1: signal 3 (SIGQUIT) received from 1811, shutting down'],
  ['tomcat-lifecycle', 'System Notification', '02-Feb-2025 08:05:11.001 INFO [main] org.apache.catalina.startup.HostConfig.deployWAR Deploying web application archive [/opt/tomcat/webapps/shop.war]'],
  ['openstack-nova-routine', 'System Notification', '2025-02-02 08:06:01.123 2931 INFO nova.compute.manager [req-1c2d - - - - -] [instance: 5e1c9a2b-7d3f-4a8e-9b6c-0f1e2d3c4b5a] VM Paused (Lifecycle Event)'],
  ['openstack-nova-routine', 'System Notification', '2025-02-02 08:06:02.456 2931 INFO nova.compute.manager [req-1c2e 4f1a 9b2c - - -] [instance: 5e1c9a2b-7d3f-4a8e-9b6c-0f1e2d3c4b5a] Took 1.02 seconds to deallocate network for instance.'],
  ['sshd-connection-routine', 'System Notification', 'Mar 11 09:50:05 gw-02 sshd[30105]: Received disconnect from 198.51.100.140: 11: Bye Bye [preauth]'],
  ['windows-routine', 'System Notification', '<14>Mar 11 10:04:01 SRV-APP01 MSWinEventLog 1 System 10231 Tue Mar 11 10:04:01 2025 7036 Service Control Manager N/A N/A Information SRV-APP01 None  The Background Intelligent Transfer Service service entered the stopped state.'],
  ['windows-routine', 'System Notification', '2025-03-11 10:04:02, Info                  CBS    Starting TrustedInstaller initialization.'],
  ['database-server-routine', 'System Notification', 'Mar 11 10:04:03 db1 postgres[4105]: [12-1] LOG:  connection received: host=10.0.0.31 port=50112'],
  ['database-server-routine', 'System Notification', '2025-03-11T10:04:04.000+0000 I NETWORK  [conn4412] end connection 10.0.0.12:51236 (36 connections now open)'],
  ['android-process-start', 'System Notification', '03-11 10:06:01.001  1502  1530 I ActivityManager: Start proc 5151:com.example.mail/u0a91 for service {com.example.mail/.SyncService}'],
  ['postfix-connection-routine', 'System Notification', 'Mar 11 10:08:01 mx1 postfix/smtpd[4245]: disconnect from mail-oi1-f177.example.com[198.51.100.177] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5'],
  ['kubernetes-event-routine', 'System Notification', 'shop        3m12s   Normal    Started     pod/cart-5f7b9c-q8w2e   Started container cart'],
  ['spark-task-routine', 'System Notification', '25/03/11 10:12:01 INFO Executor: Running task 7.1 in stage 12.0 (TID 1207)'],
  ['yarn-mapreduce-routine', 'System Notification', '2025-03-11 10:12:02,002 INFO [AsyncDispatcher event handler] org.apache.hadoop.mapreduce.v2.app.job.impl.TaskAttemptImpl: attempt_1741680000000_0043_r_000001_0 TaskAttempt Transitioned from UNASSIGNED to ASSIGNED'],
  ['systemd-unit-lifecycle', 'System Notification', 'Feb  2 08:04:04 web1 systemd[1]: Starting Rotate log files...'],
  ['systemd-unit-lifecycle', 'System Notification', 'Feb  2 08:04:05 web1 systemd[1]: logrotate.service: Deactivated successfully.'],
];

/** Lines close in wording to a rule that mean something else (or are not simple enough to be sure): no rule may fire. */
const NEAR_MISSES: string[] = [
  'User User123 failed to log in',
  'User User123 failed to log in.',
  'Multiple failed login attempts for user admin',
  'User admin logged in from 10.0.0.7 outside business hours',
  'User admin logged in after 12 failed attempts',
  'Security Alert: unknown device logged into Account7532 with stolen credentials?',
  'login attempt blocked',
  'User User685 was logged out after 5 failed attempts',
  'Account creation failed',
  'Account with ID 5351 created by User634 with admin privileges',
  'Admin privileges granted to user 123 (escalation)',
  'Backup failed',
  'Backup of ledger failed: permission denied',
  'Backup completed with errors',
  'Backup ended at 2025-08-08 13:06:23 with errors',
  'Backup job ledger-close finished: 798 GB written, 3 errors',
  'Nightly backup of ledger completed in 105ms with 3 errors',
  'System update failed',
  'System update to version 3.2.1 failed',
  'System updated to version 3.2.1 but rollback required',
  'File upload failed',
  'File data_6957.csv upload failed by user User265',
  'File report_1033.zip (117 KB) uploaded to public bucket',
  'Disk cleanup failed: permission denied',
  'Disk cleanup completed with errors',
  'Cleanup job removed 12 user accounts',
  'Unexpected system reboot',
  'System reboot initiated by watchdog after kernel panic',
  'System rebooting unexpectedly at 2023-10-05 07:41:15',
  'nova.osapi_compute.wsgi.server [req-1] Unexpected error while handling "GET /v2/servers HTTP/1.1"',
  'GET /apache_pb.gif HTTP/1.0 200',
  'Legacy search module is scheduled for retirement in Q3 2026',
  'Disk usage at 91% on /var',

  // Real lines close to a rule that mean something else, or whose label is disputed: left to the other tiers.
  'Feb  2 08:04:01 web1 CRON[4115]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)',
  'Feb  2 08:04:01 web1 CRON[4115]: pam_unix(cron:session): session closed for user root',
  'pam_unix(systemd-user:session): session opened for user alice(uid=1001) by (uid=0)',
  'sshd[30304]: error: kex_exchange_identification: Connection closed by remote host',
  'sshd[30305]: Unable to negotiate with 45.148.10.240 port 51020: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]',
  'sshd[30306]: fatal: Timeout before authentication for 45.148.10.240 port 51022',
  'sshd[30307]: Received disconnect from 45.148.10.240 port 51024:3: com.jcraft.jsch.JSchException: Auth fail [preauth]',
  'sshd[30308]: Postponed publickey for alice from 10.0.0.16 port 50546 ssh2 [preauth]',
  'kernel: EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Ha#0_Chan#0_DIMM#0 (channel:0 slot:0 page:0x1 offset:0x0 grain:32)',
  'kernel: INFO: task jbd2/sda1-8:512 blocked for more than 120 seconds.',
  'kernel: EXT4-fs (sda1): mounted filesystem with ordered data mode. Quota mode: none.',
  'systemd[1]: nginx.service: Main process exited, code=killed, status=15/TERM',
  'systemd[1]: nginx.service: Scheduled restart job, restart counter is at 3.',
  'Failed to start transaction 42: deadlock detected',
  'http: panic serving 10.0.0.1:5555: runtime error: invalid memory address or nil pointer dereference',
  "java.sql.SQLException: Access denied for user 'app'@'10.0.0.5' (using password: YES)",
  'FATAL:  database "shop" does not exist',
  '{"level":"error","msg":"upstream request failed","method":"GET","url":"https://api.example.com/v1/orders","status":503}',
  'level=error msg="request failed" method=POST path=/pay status=500 err="context deadline exceeded"',
  '[Tue Mar 11 09:14:27 2025] [error] mod_jk child workerEnv in error state 6',
  '[Tue Mar 11 09:15:02 2025] [error] [client 10.0.0.9] Directory index forbidden by rule: /var/www/html/',
  '[Tue Mar 11 09:15:03 2025] [error] jk2_init() Can\'t find child 1567 in scoreboard',
  '[UFW AUDIT] IN=eth0 OUT= SRC=10.0.0.9 DST=10.0.0.4 PROTO=TCP DPT=22',
  'Removed 3 deprecated keys from the configuration',
  'checking whether the --foo option is deprecated',
  'Temporary files will be removed in 30 minutes',
  'Started 3 workers in 2.1s',
  'GET /healthz 200',
  '2025-03-11 10:13:01,001 - INFO  [SessionTracker:ZooKeeperServer@325] - Expiring session 0x3957c1f2a8b0011, timeout of 30000ms exceeded',
  '2025-03-11 10:12:03,003 INFO [AsyncDispatcher event handler] org.apache.hadoop.mapreduce.v2.app.job.impl.TaskImpl: task_1741680000000_0043_r_000001 Task Transitioned from RUNNING to FAILED',
  '25/03/11 10:12:04 INFO MemoryStore: Block broadcast_3 stored as values in memory (estimated size 4.1 KB, free 366.3 MB)',
  'shop        3m12s   Warning   BackOff     pod/cart-5f7b9c-q8w2e   Back-off restarting failed container cart in pod cart-5f7b9c-q8w2e_shop(4c1d)',
  '2025-03-11 10:08:05,001 fail2ban.actions        [812]: NOTICE  [sshd] Unban 203.0.113.100',
  'Mar 11 10:08:06 mx1 postfix/smtpd[4247]: lost connection after AUTH from unknown[203.0.113.101]',
  'An account was successfully logged on.  Subject:  Security ID: S-1-5-18  Account Name: SRV-APP01$  Logon Type: 5',
  '2025-03-11 10:04:08, Info                  CBS    Warning: Unrecognized packageExtended attribute.',
  '2025-03-11 10:04:09.001 UTC [4106] LOG:  disconnection: session time: 0:00:01.204 user=app database=shop host=10.0.0.31 port=50112',
  '2025-03-11 10:04:10.002 UTC [4107] FATAL:  no pg_hba.conf entry for host "10.0.0.99", user "app", database "shop", no encryption',
  '2025/02/02 08:05:14 [error] 811#811: *1206 no live upstreams while connecting to upstream, client: 10.0.0.9, server: api.example.com, request: "GET / HTTP/1.1"',
  '2025/02/02 08:05:15 [error] 811#811: *1207 limiting requests, excess: 5.738 by zone "one", client: 38.91.39.220, server: www.example.com, request: "GET / HTTP/1.1"',
  '2025-02-02 08:05:16,000 ERROR Cache has broken packages, exiting',
  '250311 092201 3077 WARN dfs.DataNode$DataXceiver: 10.251.201.45:50010:Got exception while serving blk_1097734528860412339 to /10.251.90.64:',
  '2025-02-02 08:04:08,000 - WARN  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@349] - caught end of stream exception',
  '10.0.0.5 - - [10/Oct/2000:13:55:36 -0700] "GET /index.html HTTP/1.0" upstream timed out',
  '',
];

describe('shipped rules', () => {
  it.each(POSITIVES)('%s decides %s for %j', (rule, label, line) => {
    expect(classify(line)).toMatchObject({ outcome: Outcome.OUTCOME_DECIDED, label, confidence: 1, reason: `rule ${rule}`, tier: 'regex' });
  });

  it.each(NEAR_MISSES)('leaves %j to the other tiers', (line) => {
    expect(classify(line)).toMatchObject({ outcome: Outcome.OUTCOME_ABSTAINED, label: '', reason: 'no rule matched' });
  });

  it('has at least one positive in this table for every shipped rule', () => {
    const covered = new Set(POSITIVES.map(([rule]) => rule));
    expect(loadRules().rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('the literal prefilter on the shipped rules', () => {
  const ruleSet = loadRules();
  const everyPattern = new RegexClassifier(ruleSet, { prefilter: false });
  const file = parseYaml(readFileSync(defaultRulesPath(), 'utf8')) as { rules: { pattern: string; flags?: string; examples?: string[]; counterexamples?: string[] }[] };
  const lines = [
    ...file.rules.flatMap((r) => [...(r.examples ?? []), ...(r.counterexamples ?? [])]),
    ...POSITIVES.map(([, , line]) => line),
    ...NEAR_MISSES,
  ];
  const sources = ['ModernCRM', ...new Set(ruleSet.rules.flatMap((r) => [...(r.sources ?? [])]))];

  it('decides every example, counterexample, positive and near miss exactly as running every pattern does', () => {
    const differ = sources.flatMap((source) =>
      lines.flatMap((logMessage) => {
        const [fast, reference] = [classifier, everyPattern].map((c) => c.classifyOne({ source, logMessage }).reason);
        return fast === reference ? [] : [{ source, logMessage, fast, reference }];
      }),
    );
    expect(differ).toEqual([]);
  });

  it('decides lines of the training corpus exactly as running every pattern does', () => {
    // Every fifth line (21,000 of them): running every pattern on all of them takes half a minute on a busy machine.
    const corpus = (parseCsv(readFileSync(join(__dirname, '../../../training/data/corpus.csv')), { columns: true }) as { source: string; log_message: string }[]).filter((_, i) => i % 5 === 0);
    const reasonOf = (c: RegexClassifier, source: string, logMessage: string) => c.classifyOne({ source, logMessage }).reason;
    const differ = corpus.filter(({ source, log_message: line }) => reasonOf(classifier, source, line) !== reasonOf(everyPattern, source, line));
    expect(differ).toEqual([]);
    expect(corpus.filter(({ source, log_message: line }) => reasonOf(classifier, source, line) === 'rule common-log-format-access').length).toBeGreaterThan(100);
  });

  it('derives literals that every one of those lines a rule matches contains, rule by rule', () => {
    // From the patterns themselves: loading drops literals that would skip an example, which would hide a fault here.
    const skipped = ruleSet.rules.flatMap((rule, i) => {
      const anyOf = requiredLiterals(file.rules[i].pattern, rule.regex.flags);
      if (!anyOf) return [];
      const prefilter = { anyOf, caseFolded: rule.regex.flags.includes('i') };
      return lines.filter((line) => rule.regex.test(line) && !prefilterAdmits(prefilter, line, line.toLowerCase())).map((line) => `${rule.id}: ${line}`);
    });
    expect(skipped).toEqual([]);
  });

  it('has literals for most rules, and no rule lost them to its own examples', () => {
    const extracted = file.rules.filter((r) => requiredLiterals(r.pattern, r.flags ?? 'i') !== undefined).length;
    expect(ruleSet.rules.filter((r) => r.prefilter).length).toBe(extracted);
    expect(extracted).toBeGreaterThan(ruleSet.rules.length * 0.9);
  });

  it('runs the common log format rule only on lines holding the end of its time and the request\'s quote', () => {
    // Its only literals of 3+ characters are these, one optional backslash apart; without them it ran on every line.
    expect(ruleSet.rules.find((r) => r.id === 'common-log-format-access')?.prefilter?.anyOf).toEqual(['] "', '] \\"']);
  });
});
