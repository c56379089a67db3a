import type { Random } from './random';

const HEADER = 'source,log_message';

function validCsv(r: Random): string {
  const rows = Array.from({ length: 1 + r.int(20) }, (_, i) => `S${i},"line ${i} ${r.text(20).replace(/"/g, '""')}"`);
  return `${HEADER}\n${rows.join('\n')}\n`;
}

/** The mutations that build large bodies: picked less often to keep the run short. */
export const HEAVY_MUTATIONS = new Set(['huge field', 'huge unquoted field', 'thousands of columns']);

/** A mutation, heavy ones a quarter as often as the others. */
export function pickMutation(r: Random): [string, (r: Random) => Buffer] {
  for (;;) {
    const m = r.pick(CSV_MUTATIONS);
    if (!HEAVY_MUTATIONS.has(m[0]) || r.chance(0.25)) return m;
  }
}

/**
 * Malformed (and a few well-formed) CSV uploads: each mutation targets one
 * thing a parser or the upload path can get wrong. Returns the bytes and the
 * mutation's name (for the report of outcomes).
 */
export const CSV_MUTATIONS: ReadonlyArray<[string, (r: Random) => Buffer]> = [
  ['valid', (r) => Buffer.from(validCsv(r))],
  ['broken quoting', (r) => {
    const s = validCsv(r);
    const at = r.int(s.length);
    return Buffer.from(`${s.slice(0, at)}"${s.slice(at)}`);
  }],
  ['unclosed quote at end', (r) => Buffer.from(`${validCsv(r)}S,"never closed ${r.text(30)}`)],
  ['NUL bytes', (r) => {
    const b = Buffer.from(validCsv(r));
    for (let i = 0; i < 1 + r.int(5); i++) b[r.int(b.length)] = 0;
    return b;
  }],
  ['invalid UTF-8', (r) => {
    const b = Buffer.from(validCsv(r));
    const at = r.int(b.length);
    return Buffer.concat([b.subarray(0, at), Buffer.from(r.pick([[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0x80]])), b.subarray(at)]);
  }],
  ['latin-1', () => Buffer.from(`${HEADER}\nS,caf\u00e9 cr\u00e8me\n`, 'latin1')],
  ['UTF-16LE with BOM', (r) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(validCsv(r), 'utf16le')])],
  ['huge field', (r) => Buffer.from(`${HEADER}\nS,"${'x'.repeat(300_000 + r.int(1000))}"\n`)],
  ['huge unquoted field', () => Buffer.from(`${HEADER}\nS,${'y'.repeat(400_000)}\n`)],
  ['thousands of columns', (r) => {
    const n = 2000 + r.int(3000);
    const header = ['source', 'log_message', ...Array.from({ length: n }, (_, i) => `c${i}`)].join(',');
    const row = ['S', 'm', ...Array.from({ length: n }, () => 'v')].join(',');
    return Buffer.from(`${header}\n${row}\n`);
  }],
  ['ragged rows', (r) => Buffer.from(`${HEADER}\nS,a\nS,b,extra${',x'.repeat(r.int(5))}\nS\n`)],
  ['missing header', (r) => Buffer.from(`a,b\n${r.text(40)}\n`)],
  ['empty', () => Buffer.alloc(0)],
  ['only BOM', () => Buffer.from([0xef, 0xbb, 0xbf])],
  ['random bytes', (r) => r.bytes(1 + r.int(2000))],
  ['random text', (r) => Buffer.from(r.text(500))],
  ['duplicate header', () => Buffer.from(`source,log_message,source\nA,b,c\n`)],
  ['CR only line ends', (r) => Buffer.from(validCsv(r).replace(/\n/g, '\r'))],
  ['byte flips', (r) => {
    const b = Buffer.from(validCsv(r));
    for (let i = 0; i < 1 + r.int(8); i++) b[r.int(b.length)] = r.int(256);
    return b;
  }],
  ['truncated', (r) => {
    const b = Buffer.from(validCsv(r));
    return b.subarray(0, r.int(b.length));
  }],
];
