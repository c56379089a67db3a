import * as PATTERNS from './patterns';
import * as SHAPES from './pass-shapes';

/** Values of every kind the passes mask, in the forms real programs write them. */
const VALUES = [
  '2025-05-14T07:06:55.123Z', '2025-05-14 07:06:55', '2025-05-14', '2025/05/14 01:02:03', '14/05/2025', '1-2-2024', '10/Oct/2000:13:55:36 -0700',
  'May 14 07:06:55', 'Dec  1 23:00:00', 'Thu, 14 May 2025 07:06:55 GMT', 'Thu Nov 26 23:44:06 UTC 2026', '14 May 2025', '05/14/25 07:06:55', '07:06:55.123', '7:06:55 pm', '23:59',
  '3f2a9c1b-7b52-4c62-8b1e-3ab7c0b0e6b1', '00:1a:2b:3c:4d:5e', 'AA-BB-CC-DD-EE-FF', 'fe80::1', '::1', '2001:db8:0:0:0:0:2:1', 'a:b:c',
  '10.11.10.1', '1.2.3.4', '9.9.9.9:53', '192.168.0.254:8080', 'db-1:5432', 'node3.cluster:8020', 'localhost:9200', 'proxy.cse.cuhk.edu.hk:5070', 'www.google.com', 'ip-10-0-0-1.ec2.internal', 'mail.example.co.uk',
  'inventory-api-7f9c8d5b6-e51fd', '0xDEADBEEF', '0x1f', '3f2a9c1b', '0123456789abcdef0123',
  'blk_-1608999687919862906', 'job_201512011200_0001', 'attempt_1445144423722_0020_m_000002_0', 'rdd_2_3', 'broadcast_1_piece0', '30546173_4261722401', 'PO-2024-0001',
  '1,234 bytes', '4.5 KB', '91.5 B', '512M', '12ms', '1.5 s', '1m30s', '<1 sec', '3 hours', '10GiB',
  'User123', 'user_42', 'node-7', 'data_6957', 'usr_15f9e0565b', 'in_fab8ba88dd',
];
/** What lines put around them. */
const CONTEXTS = ['x', 'at x', 'x at', 'from [x]', '(x)', '"x"', 'key=x;', 'k: x, next', '/x/', 'x.'];

/** Every shape with the pattern it is named after (`UUID_SHAPE`: `UUID`). */
const PAIRS = Object.entries(SHAPES).map(([name, shape]): [string, RegExp, RegExp] => {
  const patternName = name.replace(/_SHAPE$/, '') as keyof typeof PATTERNS;
  return [patternName, PATTERNS[patternName] as RegExp, shape];
});

describe('pass shapes', () => {
  it('names each shape after a pattern of patterns.ts', () => {
    expect(PAIRS.length).toBe(12);
    for (const [name, pattern] of PAIRS) expect({ name, pattern: pattern instanceof RegExp }).toEqual({ name, pattern: true });
  });

  const lines = VALUES.flatMap((v) => CONTEXTS.map((c) => c.replace('x', v)));

  it.each(PAIRS)('every match of %s holds its shape, so a line without the shape is left as it is', (_name, pattern, shape) => {
    let matches = 0;
    for (const line of lines) {
      for (const m of line.matchAll(pattern)) {
        matches++;
        // The match and the two characters before it (a lookbehind's part: POD_SUFFIX's `a-`), not the whole line, which may hold the shape elsewhere.
        const around = line.slice(Math.max(0, m.index - 2), m.index + m[0].length);
        expect({ line, around, holdsShape: shape.test(around) }).toEqual({ line, around, holdsShape: true });
      }
    }
    // The values above exercise every pass: a shape checked against no match would prove nothing.
    expect(matches).toBeGreaterThan(0);
  });
});
