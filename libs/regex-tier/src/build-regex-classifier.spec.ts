import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRegexClassifier, regexTierConfig } from './index';

describe('buildRegexClassifier from the REGEX_* settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regex-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the shipped rules with the defaults when nothing is set', () => {
    const settings = regexTierConfig.load({});
    expect(settings).toEqual({ rulesFile: undefined, taxonomyFile: undefined, maxMessageChars: expect.any(Number) });
    const classifier = buildRegexClassifier(settings, { maxBatchSize: 7 });
    expect(classifier.classifyOne({ source: 'svc', logMessage: 'User User123 logged in.' }).reason).toBe('rule user-logged-in');
    expect(classifier.describe().maxBatchSize).toBe(7);
  });

  it('reads the rules, taxonomy and message cap named by the environment', () => {
    const taxonomyFile = join(dir, 'taxonomy.json');
    writeFileSync(taxonomyFile, JSON.stringify([{ name: 'Greeting', description: 'hello lines' }]));
    const rulesFile = join(dir, 'rules.yaml');
    writeFileSync(rulesFile, "rules:\n  - id: hello\n    label: Greeting\n    pattern: 'hello\\b'\n");
    const classifier = buildRegexClassifier(regexTierConfig.load({ REGEX_RULES_FILE: rulesFile, REGEX_TAXONOMY_FILE: taxonomyFile, REGEX_MAX_MESSAGE_CHARS: '16' }));
    expect(classifier.classifyOne({ source: 'chat', logMessage: 'hello world' }).reason).toBe('rule hello');
    // Past the first 16 characters nothing is matched.
    expect(classifier.classifyOne({ source: 'chat', logMessage: `${'x'.repeat(20)} hello` }).reason).toBe('no rule matched');
    expect(classifier.describe().labels).toEqual([{ name: 'Greeting', description: 'hello lines' }]);
  });

  it('names a bad variable', () => {
    expect(() => regexTierConfig.load({ REGEX_MAX_MESSAGE_CHARS: '3' })).toThrow(/REGEX_MAX_MESSAGE_CHARS="3"/);
  });
});
