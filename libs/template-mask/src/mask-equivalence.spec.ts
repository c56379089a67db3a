import { maskTemplate, PASSES, passApplies } from './mask-template';
import * as PATTERNS from './patterns';
import { mixedLines, valueLines } from '../test/value-lines';

/**
 * maskTemplate with nothing skipped: every line normalised, every pass run
 * on every line with its replacer called on every match. The cheap tests of
 * maskTemplate (a pass's needles and shape, a line lacking any context word,
 * a pass that changed nothing) only decide what may be left out, so it must
 * give the same templates. A pass's follow-up step (the merge of a restated
 * size) is part of the pass as it was written: it runs where the pass's test
 * passes, on lines that already hold the merged form too.
 */
function maskUnskipped(message: string): string {
  if (message.length === 0) return '';
  let line = message.replace(PATTERNS.WHITESPACE, ' ').trim().replace(PATTERNS.PADDED_BRACKET, '$1$2');
  for (const pass of PASSES) {
    const applies = passApplies(pass, line, /\d/.test(line));
    line = line.replace(pass.pattern, pass.replacement as string);
    if (pass.then && applies) line = pass.then(line);
  }
  return line;
}

const lines = [...valueLines(), ...mixedLines(30_000, 5)];

describe('maskTemplate against its passes with nothing skipped', () => {
  it('gives the same template for every generated line', () => {
    const differing = lines.filter((line) => maskTemplate(line) !== maskUnskipped(line));
    expect(differing.slice(0, 5).map((line) => ({ line, fast: maskTemplate(line), unskipped: maskUnskipped(line) }))).toEqual([]);
  });

  it('masks most generated lines, so that the comparison is not between unchanged lines', () => {
    const changed = lines.filter((line) => maskTemplate(line) !== line).length;
    expect(changed / lines.length).toBeGreaterThan(0.8);
  });
});

describe('patterns that start with \\b before a word character', () => {
  const names = ['ENTITY_ID', 'GLUED_ID', 'HEX_ID', 'HOST_PORT', 'IPV4', 'KEY_ID_VALUE', 'MAC', 'NUMBER', 'TIMESTAMP', 'URL'] as const;
  const startingWithB = names.map((name): [string, RegExp] => [name, PATTERNS[name]]);

  // `\b` before a word character is "no word character before it": the form these patterns had.
  it.each(startingWithB)('%s matches as with (?<!\\w) in place of \\b', (_name, pattern) => {
    expect(pattern.source.startsWith('\\b')).toBe(true);
    const lookbehindForm = new RegExp(`(?<!\\w)${pattern.source.slice(2)}`, pattern.flags);
    const differing = lines.filter((line) => line.replace(pattern, '\u0000') !== line.replace(lookbehindForm, '\u0000'));
    expect(differing.slice(0, 5)).toEqual([]);
  });
});
