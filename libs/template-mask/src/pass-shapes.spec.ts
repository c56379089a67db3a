import * as PATTERNS from './patterns';
import * as SHAPES from './pass-shapes';
import { valueLines } from '../test/value-lines';

/** Every shape with the pattern it is named after (`UUID_SHAPE`: `UUID`). */
const PAIRS = Object.entries(SHAPES).map(([name, shape]): [string, RegExp, RegExp] => {
  const patternName = name.replace(/_SHAPE$/, '') as keyof typeof PATTERNS;
  return [patternName, PATTERNS[patternName] as RegExp, shape];
});

describe('pass shapes', () => {
  it('names each shape after a pattern of patterns.ts', () => {
    expect(PAIRS.length).toBe(13);
    for (const [name, pattern] of PAIRS) expect({ name, pattern: pattern instanceof RegExp }).toEqual({ name, pattern: true });
  });

  const lines = valueLines();

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
