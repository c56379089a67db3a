import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTaxonomy, Taxonomy } from '@logclass/taxonomy';
import { defaultRulesPath } from './default-rules-path';
import { loadRules, parseRules } from './load-rules';
import { RuleFileError } from './rule-set';

const yamlRule = (fields: Record<string, unknown>) => ({ id: 'r1', label: 'User Action', pattern: 'logged in', ...fields });
const parse = (rules: unknown[], taxonomy: Taxonomy = defaultTaxonomy) => parseRules(JSON.stringify({ rules }), taxonomy, 'test.yaml');

/** The error message for rules that must be refused. */
function refusal(rules: unknown[], taxonomy?: Taxonomy): string {
  try {
    parse(rules, taxonomy);
  } catch (err) {
    expect(err).toBeInstanceOf(RuleFileError);
    return (err as Error).message;
  }
  throw new Error('the rules were accepted');
}

describe('loadRules', () => {
  it('loads the shipped rules from the default path, in file order, with the file hash', () => {
    const set = loadRules();
    expect(set.origin).toBe(defaultRulesPath());
    expect(set.rules[0].id).toBe('user-logged-in');
    expect(set.rules.length).toBeGreaterThanOrEqual(15);
    expect(set.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compiles with case-insensitive matching unless flags say otherwise', () => {
    const [lenient, strict] = parse([yamlRule({ id: 'a' }), yamlRule({ id: 'b', flags: '' })]).rules;
    expect(lenient.regex.test('LOGGED IN')).toBe(true);
    expect(strict.regex.test('LOGGED IN')).toBe(false);
  });

  it('keeps sources lower-cased and descriptions', () => {
    const [rule] = parse([yamlRule({ sources: ['LegacyCRM'], description: 'why' })]).rules;
    expect([...(rule.sources ?? [])]).toEqual(['legacycrm']);
    expect(rule.description).toBe('why');
  });

  it.each([
    ['a pattern that does not compile', [yamlRule({ id: 'broken', pattern: 'user (logged' })], /rule "broken": pattern does not compile: .*Unterminated group/],
    ['an unknown label, suggesting the near one', [yamlRule({ id: 'lbl', label: 'user action' })], /rule "lbl": label "user action" is not in the taxonomy \(did you mean "User Action"\?\)/],
    ['an unknown label, listing the labels', [yamlRule({ id: 'lbl', label: 'Nope' })], /rule "lbl": label "Nope" is not in the taxonomy \(labels: HTTP Status, /],
    ['a duplicate id', [yamlRule({ id: 'twice' }), yamlRule({ id: 'twice' })], /rule "twice": duplicate id/],
    ['a pattern matching the empty string', [yamlRule({ id: 'empty', pattern: 'x*' })], /rule "empty": pattern can match the empty string/],
    ['a pattern matching nothing but a boundary', [yamlRule({ id: 'edge', pattern: '\\b' })], /rule "edge": pattern can match the empty string/],
    ['a nested quantifier', [yamlRule({ id: 'redos', pattern: '(a+)+$' })], /rule "redos": pattern risks catastrophic backtracking/],
    ['an example that does not match', [yamlRule({ id: 'ex', examples: ['User x logged out'] })], /rule "ex": example does not match: "User x logged out"/],
    ['a counterexample that matches', [yamlRule({ id: 'cx', counterexamples: ['User x logged in'] })], /rule "cx": counterexample matches: "User x logged in"/],
    ['a stateful flag', [yamlRule({ id: 'fl', flags: 'g' })], /rule "fl": flags: flags must be a subset of "imsu"/],
    ['an unknown field', [yamlRule({ id: 'typo', patern: 'x' })], /rule "typo": rule: Unrecognized key: "patern"/],
    ['a rule without an id', [{ label: 'User Action', pattern: 'x' }], /rule #1: id: /],
    ['an empty sources list', [yamlRule({ id: 'src', sources: [] })], /rule "src": sources: sources, when given/],
  ])('refuses %s, naming the rule', (_what, rules, message) => {
    expect(refusal(rules)).toMatch(message);
  });

  it('reports every bad rule at once', () => {
    const message = refusal([yamlRule({ id: 'a', label: 'Nope' }), yamlRule({ id: 'b' }), yamlRule({ id: 'c', pattern: '(' })]);
    expect(message).toContain('rule "a"');
    expect(message).toContain('rule "c"');
    expect(message).not.toContain('rule "b"');
  });

  it('checks labels against the taxonomy it is given', () => {
    const custom = new Taxonomy([{ name: 'Login', description: '' }]);
    expect(parse([yamlRule({ label: 'Login' })], custom).rules[0].label).toBe('Login');
    expect(refusal([yamlRule({ label: 'User Action' })], custom)).toMatch(/not in the taxonomy/);
  });

  it('refuses files that are not rules files, naming the file', () => {
    expect(() => parseRules('rules: [', defaultTaxonomy, 'bad.yaml')).toThrow(/invalid regex rules bad\.yaml:\n {2}not valid YAML/);
    expect(() => parseRules('rules: []', defaultTaxonomy, 'none.yaml')).toThrow(/rules: the file must hold at least one rule/);
    expect(() => parseRules('- a', defaultTaxonomy, 'list.yaml')).toThrow(/list\.yaml/);
    expect(() => loadRules('/nonexistent/rules.yaml')).toThrow(/invalid regex rules \/nonexistent\/rules\.yaml:\n {2}cannot read the file: ENOENT/);
  });

  it('reads YAML files from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regex-rules-'));
    const path = join(dir, 'rules.yaml');
    writeFileSync(path, "version: 1\nrules:\n  - id: quoted\n    label: User Action\n    pattern: 'user ''x'' logged in'\n    examples: [\"user 'x' logged in\"]\n");
    const set = loadRules(path);
    expect(set.rules.map((r) => r.id)).toEqual(['quoted']);
    expect(set.origin).toBe(path);
  });
});
