import { mulberry32 } from '@logclass/seeded-random';
import { requiredLiterals } from './required-literals';

const lit = (pattern: string, flags = 'i') => requiredLiterals(pattern, flags);

describe('requiredLiterals', () => {
  it('takes the longest literal run of a sequence, lower-cased under i', () => {
    expect(lit('\\bUser \\S+ logged in from \\d+')).toEqual([' logged in from ']);
    expect(lit('Kernel panic', '')).toEqual(['Kernel panic']);
  });

  it('gives one literal per branch of an alternation, or none when a branch has none', () => {
    expect(lit('(?:connection refused|timed out) while')).toEqual(['connection refused', 'timed out']);
    expect(lit('failed|\\d+ errors?')).toEqual(['failed', ' error']);
    expect(lit('failed|\\d+')).toBeUndefined();
    expect(lit('^(?:GET|POST) /')).toEqual(['get', 'post']);
  });

  it('drops optional atoms and keeps the first copy of a repeated one', () => {
    expect(lit('abc(?:defgh)?ij')).toEqual(['abc']);
    expect(lit('abc(?:defgh)*ij')).toEqual(['abc']);
    expect(lit('abc(?:defgh){0,2}ij')).toEqual(['abc']);
    expect(lit('xyz(?:defgh){1,2}')).toEqual(['defgh']);
    expect(lit('ab+cdef')).toEqual(['cdef']);
    expect(lit('abcd+ef')).toEqual(['abcd']);
    expect(lit('abc{2}xyz')).toEqual(['abc']);
  });

  it('forks a run at an optional character into the text without it and with it', () => {
    expect(lit('colou?r scheme')).toEqual(['color scheme', 'colour scheme']);
    expect(lit('\\] \\\\?"', '')).toEqual(['] "', '] \\"']);
    expect(lit('xb?c?efgh')).toEqual(['xefgh', 'xbefgh', 'xcefgh', 'xbcefgh']);
    // At most four texts: the fork past them ends the run instead.
    expect(lit('xb?c?d?efgh')).toEqual(['efgh']);
    expect(lit('ab?cd??ef')).toEqual(['acef', 'abcef', 'acdef', 'abcdef']);
    // A text holding another is dropped: a match with it holds the other too.
    expect(lit('failed|\\d+ errors?')).toEqual(['failed', ' error']);
  });

  it('never derives a literal a match lacks: random texts against patterns with optional characters', () => {
    const rand = mulberry32(5);
    const patterns = ['\\] \\\\?"', 'abc?d?e', 'colou?r', 'xy?zw?q', 'a\\.?bc?d', 'p(?:q|r)?stu?v', 'abc{0,1}de'];
    const pieces = ['a', 'b', 'c', 'd', 'e', 'ab', 'bc', 'cd', 'de', 'colo', 'u', 'r', '] ', ']', ' ', '"', '\\', '.', 'x', 'y', 'z', 'w', 'q', 'xz', 'xyz', 'zq', 'wq', 'p', 'pq', 'st', 'stv', 'v'];
    for (const pattern of patterns) {
      const anyOf = requiredLiterals(pattern, '');
      expect({ pattern, anyOf: anyOf !== undefined }).toEqual({ pattern, anyOf: true });
      const regex = new RegExp(pattern);
      let matched = 0;
      for (let n = 0; n < 20000; n++) {
        const text = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
        if (!regex.test(text)) continue;
        matched++;
        if (!anyOf?.some((l) => text.includes(l))) expect({ pattern, text, anyOf }).toBe('a literal of the match');
      }
      expect({ pattern, matched: matched > 20 }).toEqual({ pattern, matched: true });
    }
  });

  it('does not join across classes, dots, anchors or word boundaries', () => {
    expect(lit('ab[cd]ef')).toBeUndefined();
    expect(lit('abc[\\]x]def')).toEqual(['abc']);
    expect(lit('abc.def')).toEqual(['abc']);
    expect(lit('abc\\bdefg')).toEqual(['defg']);
    expect(lit('^abcd$')).toEqual(['abcd']);
  });

  it('reads escaped punctuation as the character and other escapes as no literal', () => {
    expect(lit('\\[GIN\\] \\d')).toEqual(['[gin] ']);
    expect(lit('a\\.b\\(c\\)')).toEqual(['a.b(c)']);
    expect(lit('\\x41BCDE')).toEqual(['bcde']);
    expect(lit('\\u0041BCDE')).toEqual(['bcde']);
    expect(lit('(a)\\12345')).toBeUndefined();
    expect(lit('\\p{L}{2}xyz', 'iu')).toEqual(['xyz']);
    expect(lit('(?<n>abc)\\k<n>defg')).toEqual(['defg']);
    expect(lit('\\tabc')).toEqual(['abc']);
  });

  it('uses positive lookarounds (they matched in the text) and ignores negative ones', () => {
    expect(lit('^(?=.*status=)(?=.*method=)')).toEqual(['status=']);
    expect(lit('(?<=user )\\w+')).toEqual(['user ']);
    expect(lit('(?!no break-in)\\w+')).toBeUndefined();
    expect(lit('(?<!no )possible break-in')).toEqual(['possible break-in']);
  });

  it('treats a brace that is not a quantifier as a literal', () => {
    expect(lit('abc{x}')).toEqual(['abc{x}']);
    expect(lit('abc{,2}')).toEqual(['abc{,2}']);
  });

  it('keeps only ASCII, and under iu not the letters non-ASCII characters fold to', () => {
    expect(lit('fooé ba')).toEqual(['foo']);
    expect(lit('café latte', '')).toEqual([' latte']);
    expect(lit('disk usage', 'iu')).toEqual(['age']);
    expect(lit('ask for help', 'iu')).toEqual([' for help']);
    expect(lit('ask for help', 'u')).toEqual(['ask for help']);
  });

  it('gives nothing for short literals or syntax it does not know', () => {
    expect(lit('ab\\d')).toBeUndefined();
    expect(lit('(?i:abcdef)')).toBeUndefined();
  });
});
