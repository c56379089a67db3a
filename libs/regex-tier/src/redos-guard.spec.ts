import { findNestedQuantifier } from './redos-guard';

describe('findNestedQuantifier', () => {
  it.each(['(a+)+', '(a*)*b', '(\\w+\\s?)*$', '(?:x(?:y+))+', '(a+){2,}', '((ab)+c)*', '(a{1,9})+', '(?<n>a+)+'])('refuses %s', (source) => {
    expect(findNestedQuantifier(source)).toMatch(/nested quantifier/);
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
  ])('accepts %s', (source) => {
    expect(findNestedQuantifier(source)).toBeUndefined();
  });
});
