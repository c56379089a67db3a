import { loadMaskRules, MaskRuleFileError, parseMaskRules } from './index';
import { join } from 'node:path';

const rule = (fields: string): string => `masks:\n  - id: r\n    placeholder: <X>\n${fields}`;

describe('mask rules', () => {
  it('loads the shipped example rules, each example changed by its rule', () => {
    const set = loadMaskRules(join(__dirname, '..', 'rules', 'example-mask-rules.yaml'));
    expect(set.rules.length).toBeGreaterThan(0);
    expect(set.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['a nested quantifier', rule("    pattern: '(a+)+b'"), /catastrophic backtracking/],
    ['a back-reference', rule("    pattern: '(a)\\1'"), /catastrophic backtracking/],
    ['the empty string', rule("    pattern: 'a*'"), /empty string/],
    ['no pattern', rule(''), /pattern is required/],
    ['a pattern that does not compile', rule("    pattern: '(a'"), /does not compile/],
    ['a placeholder with digits', 'masks:\n  - id: r\n    placeholder: <X1>\n    pattern: a', /placeholder/],
    ['an example it does not change', rule("    pattern: 'zz'\n    examples: [abc]"), /not changed/],
    ['an unknown version', `version: 2\n${rule("    pattern: 'a'")}`, /version/],
    ['bad flags', rule("    pattern: 'a'\n    flags: gx"), /flags/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseMaskRules(text, 'test')).toThrow(MaskRuleFileError);
    expect(() => parseMaskRules(text, 'test')).toThrow(message);
  });

  it('refuses duplicate ids and names every bad rule', () => {
    const text = "masks:\n  - {id: a, pattern: 'x', placeholder: <X>}\n  - {id: a, pattern: 'y', placeholder: <Y>}\n  - {id: b, pattern: '(c+)*', placeholder: <Z>}";
    expect(() => parseMaskRules(text, 'test')).toThrow(/a: duplicate id.*b: pattern risks/);
  });
});
