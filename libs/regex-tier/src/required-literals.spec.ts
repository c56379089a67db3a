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
    expect(lit('colou?r scheme')).toEqual(['r scheme']);
    expect(lit('abc(?:defgh)?ij')).toEqual(['abc']);
    expect(lit('abc(?:defgh)*ij')).toEqual(['abc']);
    expect(lit('abc(?:defgh){0,2}ij')).toEqual(['abc']);
    expect(lit('xyz(?:defgh){1,2}')).toEqual(['defgh']);
    expect(lit('ab+cdef')).toEqual(['cdef']);
    expect(lit('abcd+ef')).toEqual(['abcd']);
    expect(lit('abc{2}xyz')).toEqual(['abc']);
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
