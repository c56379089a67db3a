import { Outcome } from '@logclass/contract';
import { defaultTaxonomy } from '@logclass/taxonomy';
import { maskTemplate } from '@logclass/template-mask';
import { loadRules, parseRules } from './load-rules';
import { RegexClassifier } from './regex-classifier';

const RULES = `
rules:
  - id: legacy-login
    label: Security Alert
    pattern: 'logged in'
    sources: [LegacyCRM]
  - id: login
    label: User Action
    pattern: 'logged in'
  - id: tail
    label: Error
    pattern: 'boom$'
`;
const ruleSet = parseRules(RULES, defaultTaxonomy, 'inline');
const rec = (logMessage: string, source = 'svc') => ({ source, logMessage });

describe('RegexClassifier', () => {
  const classifier = new RegexClassifier(ruleSet, { maxBatchSize: 500, maxMessageChars: 64 });

  it('lets the first applicable rule in file order decide, honouring sources', async () => {
    const results = await classifier.classify([rec('User a logged in'), rec('User a logged in', 'legacycrm'), rec('nothing here'), rec('  ')]);
    expect(results).toEqual([
      { outcome: Outcome.OUTCOME_DECIDED, label: 'User Action', tier: 'regex', confidence: 1, reason: 'rule login', template: '' },
      { outcome: Outcome.OUTCOME_DECIDED, label: 'Security Alert', tier: 'regex', confidence: 1, reason: 'rule legacy-login', template: '' },
      { outcome: Outcome.OUTCOME_ABSTAINED, label: '', tier: 'regex', confidence: 0, reason: 'no rule matched', template: '' },
      { outcome: Outcome.OUTCOME_ABSTAINED, label: '', tier: 'regex', confidence: 0, reason: 'empty log_message', template: '' },
    ]);
  });

  it('applies a rule limited to a source to that source in any casing, every time', async () => {
    const sources = ['LegacyCRM', 'LEGACYCRM', 'legacycrm', 'LegacyCRM', 'legacyCRMx'];
    const reasons = (await classifier.classify(sources.map((s) => rec('User a logged in', s)))).map((r) => r.reason);
    expect(reasons).toEqual(['rule legacy-login', 'rule legacy-login', 'rule legacy-login', 'rule legacy-login', 'rule login']);
  });

  it('fills the template only when asked', async () => {
    const [withTemplate] = await classifier.classify([rec('User User7 logged in')], { includeTemplate: true });
    expect(withTemplate.template).toBe(maskTemplate('User User7 logged in'));
    const [without] = await classifier.classify([rec('User User7 logged in')]);
    expect(without.template).toBe('');
  });

  it('matches only the first maxMessageChars characters', () => {
    expect(classifier.classifyOne(rec('boom')).reason).toBe('rule tail');
    expect(classifier.classifyOne(rec(`${'x'.repeat(70)} boom`)).reason).toBe('no rule matched');
    expect(new RegexClassifier(ruleSet).classifyOne(rec(`${'x'.repeat(70)} boom`)).reason).toBe('rule tail');
    expect(() => new RegexClassifier(ruleSet, { maxMessageChars: 0 })).toThrow(/maxMessageChars/);
  });

  it('describes the labels its rules use and the rule set identity', () => {
    const described = classifier.describe();
    expect(described.tier).toBe('regex');
    expect(described.labels.map((l) => l.name)).toEqual(['Error', 'Security Alert', 'User Action']);
    expect(described.labels[0].description).toContain('operational failure');
    expect(described.model).toBe(`rules sha256:${ruleSet.sha256.slice(0, 12)} (3 rules)`);
    expect(described.maxBatchSize).toBe(500);
  });

  it('answers hostile input with the shipped rules: 1 MB lines, NUL bytes, lone surrogates', async () => {
    const shipped = new RegexClassifier(loadRules());
    const mb = 1024 * 1024;
    const hostile = [
      'User '.repeat(mb / 5),
      `User ${'a'.repeat(mb)} logged in.`,
      `nova.osapi_compute.wsgi.server [${'-'.repeat(mb)}`,
      `${'1.'.repeat(mb / 2)} - - [`,
      'INFO: '.repeat(mb / 6),
      'Backup started at 2025-05-14 '.repeat(mb / 29),
      '\u0000User x logged in.\u0000',
      '\ud800User \udfff logged in',
    ];
    const results = await shipped.classify(hostile.map((m) => rec(m)));
    expect(results).toHaveLength(hostile.length);
    expect(results.slice(0, 6).every((r) => r.outcome === Outcome.OUTCOME_ABSTAINED)).toBe(true);
  });
});
