/**
 * A tiny labelled set (three labels, three lines each) that a model trains on
 * in milliseconds, for tests that need a real trained embedding tier.
 */
export const TOY_LABELS: readonly string[] = ['User Action', 'Resource Usage', 'Security Alert'];

export const TOY_EXAMPLES: ReadonlyArray<{ readonly text: string; readonly label: string }> = [
  { text: 'User 12 logged in.', label: 'User Action' },
  { text: 'User 7 logged out.', label: 'User Action' },
  { text: 'Account with ID 55 created by admin.', label: 'User Action' },
  { text: 'Memory usage at 91% on node-3', label: 'Resource Usage' },
  { text: 'Disk space used 40GB of 50GB', label: 'Resource Usage' },
  { text: 'CPU usage 97% for 10 minutes', label: 'Resource Usage' },
  { text: 'Multiple failed login attempts for user admin from 10.0.0.9', label: 'Security Alert' },
  { text: 'Unauthorized access attempt to /etc/shadow', label: 'Security Alert' },
  { text: 'Brute force attack detected on ssh from 192.168.1.4', label: 'Security Alert' },
];
