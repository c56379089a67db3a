import { Prng } from './prng';
import { expandPattern, trueTemplateText } from './template';

describe('trueTemplateText (the text of a line\'s true template)', () => {
  it('writes slots and value alternatives as <*>, the wording alternatives the line took as written, braces as braces', () => {
    const pattern = 'user {user} {started|stopped {lb}{ok|failed} now{rb}} on {map|reduce} in {int:1:9}s';
    for (let seed = 1; seed <= 20; seed++) {
      const choices: number[] = [];
      const line = expandPattern(pattern, new Prng(seed), { user: () => 'alice' }, choices);
      const text = trueTemplateText(pattern, choices, { user: () => 'alice' });
      // The line is the text with its variables filled: every literal part of the text is in the line, in order.
      const parts = text.split('<*>');
      let at = 0;
      for (const part of parts) {
        const found = line.indexOf(part, at);
        expect(found).toBeGreaterThanOrEqual(0);
        at = found + part.length;
      }
      expect(text.startsWith('user <*> ')).toBe(true);
      expect(text.endsWith(' on <*> in <*>s')).toBe(true);
      expect(['user <*> started on <*> in <*>s', 'user <*> stopped {ok now} on <*> in <*>s', 'user <*> stopped {failed now} on <*> in <*>s']).toContain(text);
    }
  });

  it('keeps a request line\'s method as wording, and a method as a field\'s value as a variable', () => {
    const pattern = '{ip} "{method} {path} HTTP/1.1" {status} method={method} "verb":"{method}"';
    const texts = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const choices: number[] = [];
      const line = expandPattern(pattern, new Prng(seed), undefined, choices);
      const text = trueTemplateText(pattern, choices);
      const method = line.split('"')[1].split(' ')[0];
      expect(text).toBe(`<*> "${method} <*> HTTP/1.1" <*> method=<*> "verb":"<*>"`);
      texts.add(text);
    }
    expect(texts.size).toBeGreaterThan(2);
  });
});
