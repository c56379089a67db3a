import { maskTemplate } from '@logclass/template-mask';
import { boundedKeyText, MAX_SCOPE_CHARS, MAX_TEMPLATE_CHARS, templateKeyOf } from './template-key';

describe('templateKeyOf (the store key of a line)', () => {
  it('is the source and the mined template, else the masked message, as they are when short', () => {
    expect(templateKeyOf('billing', 'Invoice 42 failed')).toEqual({ scope: 'billing', template: maskTemplate('Invoice 42 failed') });
    expect(templateKeyOf('billing', 'Invoice 42 failed', 'Invoice <*> failed')).toEqual({ scope: 'billing', template: 'Invoice <*> failed' });
  });

  it('bounds a long scope and template, and keeps two that differ past the cut apart', () => {
    const long = 'word '.repeat(1000);
    const a = templateKeyOf('s'.repeat(5000), `${long}alpha`);
    const b = templateKeyOf('s'.repeat(5000), `${long}beta`);
    expect(a.scope.length).toBeLessThanOrEqual(MAX_SCOPE_CHARS + 34);
    expect(a.template.length).toBeLessThanOrEqual(MAX_TEMPLATE_CHARS + 34);
    expect(a.template.startsWith('word word')).toBe(true);
    expect(a.scope).toBe(b.scope);
    expect(a.template).not.toBe(b.template);
    expect(templateKeyOf('s'.repeat(5000), `${long}alpha`)).toEqual(a);
  });

  it('never cuts a character of two UTF-16 units in half', () => {
    const text = `${'a'.repeat(9)}\u{1f600}${'b'.repeat(20)}`;
    const cut = boundedKeyText(text, 10);
    expect(cut.startsWith('a'.repeat(9) + '\u2026')).toBe(true);
    // A lone high surrogate before the ellipsis would be half a character.
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
    expect(boundedKeyText(text, 11).startsWith(`${'a'.repeat(9)}\u{1f600}\u2026`)).toBe(true);
  });
});
