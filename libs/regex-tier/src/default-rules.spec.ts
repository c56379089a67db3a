import { Outcome } from '@logclass/contract';
import { loadRules } from './load-rules';
import { RegexClassifier } from './regex-classifier';

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
  'PendingDeprecationWarning: the imp module',
  'Legacy search module is scheduled for retirement in Q3 2026',
  'Disk usage at 91% on /var',
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
