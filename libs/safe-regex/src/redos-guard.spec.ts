import { findBacktrackingRisk } from './redos-guard';

describe('findBacktrackingRisk', () => {
  it.each(['(a+)\\1', '(?<w>\\w+) \\k<w>'])('refuses the back-reference in %s', (source) => {
    expect(findBacktrackingRisk(source)).toMatch(/back-reference/);
  });

  it.each(['(a+)+', '(a*)*b', '(\\w+\\s?)*$', '(?:x(?:y+))+', '(a+){2,}', '((ab)+c)*', '(a{1,9})+', '(?<n>a+)+'])('refuses %s', (source) => {
    expect(findBacktrackingRisk(source)).toMatch(/nested quantifier/);
  });

  it.each([
    'user \\w+ logged in',
    '(a+)?',
    '(ab)+',
    '(a+)b+',
    '(?:\\.\\d{1,6})?(?:\\.\\d{1,6})?',
    '[(+]+',
    '\\(a+\\)+',
    '(a{2})+',
    '[^\\]+]+',
    'x{1}',
    '[\\1]',
    '\\\\1',
  ])('accepts %s', (source) => {
    expect(findBacktrackingRisk(source)).toBeUndefined();
  });
});
