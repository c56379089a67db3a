import { mulberry32 } from '@logclass/seeded-random';

/** Values of every kind the passes mask, in the forms real programs write them. */
export const VALUES = [
  '2025-05-14T07:06:55.123Z', '2025-05-14 07:06:55', '2025-05-14', '2025/05/14 01:02:03', '14/05/2025', '1-2-2024', '10/Oct/2000:13:55:36 -0700',
  'May 14 07:06:55', 'Dec  1 23:00:00', 'Thu, 14 May 2025 07:06:55 GMT', 'Thu Nov 26 23:44:06 UTC 2026', '14 May 2025', '05/14/25 07:06:55', '07:06:55.123', '7:06:55 pm', '23:59',
  '3f2a9c1b-7b52-4c62-8b1e-3ab7c0b0e6b1', '00:1a:2b:3c:4d:5e', 'AA-BB-CC-DD-EE-FF', 'fe80::1', '::1', '2001:db8:0:0:0:0:2:1', 'a:b:c',
  '10.11.10.1', '1.2.3.4', '9.9.9.9:53', '192.168.0.254:8080', 'db-1:5432', 'node3.cluster:8020', 'localhost:9200', 'proxy.cse.cuhk.edu.hk:5070', 'www.google.com', 'ip-10-0-0-1.ec2.internal', 'mail.example.co.uk',
  'inventory-api-7f9c8d5b6-e51fd', '0xDEADBEEF', '0x1f', '3f2a9c1b', '0123456789abcdef0123',
  'blk_-1608999687919862906', 'job_201512011200_0001', 'attempt_1445144423722_0020_m_000002_0', 'rdd_2_3', 'broadcast_1_piece0', '30546173_4261722401', 'PO-2024-0001',
  '1,234 bytes', '4.5 KB', '91.5 B', '512M', '2 kb', '12ms', '1.5 s', '1m30s', '<1 sec', '3 hours', '2 days', '5 min', '250us', '3ns', '10GiB', '7 TB',
  'User123', 'user_42', 'node-7', 'data_6957', 'usr_15f9e0565b', 'in_fab8ba88dd',
  '"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"', '"Apache-HttpClient/4.5.14 (Java/17.0.9)"', '"masscan/1.3 (https://github.com/robertdavidgraham/masscan)"',
];

/** What lines put around them: `x` is the value. */
export const CONTEXTS = ['x', 'at x', 'x at', 'from [x]', '(x)', '"x"', 'key=x;', 'k: x, next', '/x/', 'x.'];

/** Words and fragments that decide how a value next to them is masked: contexts of status, exit and id numbers, keys, levels, placeholders, separators. */
const FRAGMENTS = [
  'status', 'Status: ', 'status_code=', '"status": ', '"status": "', 'HTTP ', 'HTTP/1.1" ', 'returned ', 'response code ', 'code ', 'exit code ', 'exited with status ', '"exit_code": ', 'ID ', 'id=', '"id": ', 'id#',
  '"severity": ', '"ERROR"', "'warn'", '"level":"info"', '\\"x\\"', '200', '404', '503', '137', '0', '64', ' *64', '.exe', 'v3.2.1',
  '<NUM>', '<SIZE> (<SIZE>)', '[IPC Server handler ', ' on ', ']', '[', 'https://example.com/a?b=1', '/var/log/app.log', 'C:\\Users\\x', 'bob@example.com', '#4521', 'session=a9f3k2', 'x86_64', 'and/or',
  ' ', '  ', '\t', ':', '-', '_', '.', ',', ';', '=', '"', "'", '(', ')', '/', '\\', '@', '\u00a0',
  // Whitespace as \s has it, and two characters that look like it but are not (NEL, the zero-width space).
  '\n', '\r\n', '\u2003', '\u3000', '\ufeff', '\u0085', '\u200b',
];

const WORDS = ['User', 'logged', 'in', 'from', 'port', 'took', 'sent', 'request', 'block', 'added', 'deadbeef', 'failed', 'Server', 'java.net.Socket', 'org.apache.hadoop', 'may', 'INFO', 'WARN'];

/** Every value in every context: each pass has something to match. */
export function valueLines(): string[] {
  return VALUES.flatMap((v) => CONTEXTS.map((c) => c.replace('x', v)));
}

/**
 * `count` lines of words, values and fragments in a seeded random order, some
 * then cut or with characters dropped in: lines near the forms each pass and
 * each context test tells apart, on either side of the line between them.
 */
export function mixedLines(count: number, seed = 1): string[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    for (let n = 1 + Math.floor(random() * 8); n > 0; n--) {
      const kind = random();
      parts.push(kind < 0.35 ? pick(VALUES) : kind < 0.7 ? pick(FRAGMENTS) : pick(WORDS));
      if (random() < 0.7) parts.push(' ');
    }
    let line = parts.join('');
    if (random() < 0.3) {
      const at = Math.floor(random() * line.length);
      line = random() < 0.5 ? line.slice(0, at) + line.slice(at + 1 + Math.floor(random() * 3)) : line.slice(0, at) + pick(FRAGMENTS) + line.slice(at);
    }
    lines.push(line);
  }
  return lines;
}
