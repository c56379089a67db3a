import { defaultTaxonomy } from '@logclass/taxonomy';
import { parseBatchAnswer, parseSingleAnswer, quoteAnswer, stripThinking } from './answer-parser';

describe('answer parser', () => {
  it('strips <think> blocks, and an unclosed one leaves no answer', () => {
    expect(stripThinking('<think>maybe Error?\nno...</think>\n\nSecurity Alert')).toBe('Security Alert');
    expect(stripThinking('<think>still thinking when the tokens ran out')).toBe('');
  });

  it('resolves decorated labels and nothing else', () => {
    for (const answer of ['Security Alert', 'security alert.', '**Security Alert**', '"SECURITY-ALERT"', 'Label: Security Alert']) {
      expect(parseSingleAnswer(answer, defaultTaxonomy)).toEqual({ kind: 'label', label: 'Security Alert', raw: answer });
    }
    expect(parseSingleAnswer('The answer is Security Alert', defaultTaxonomy).kind).toBe('not-in-taxonomy');
    expect(parseSingleAnswer('HACKED', defaultTaxonomy).kind).toBe('not-in-taxonomy');
    expect(parseSingleAnswer('', defaultTaxonomy).kind).toBe('not-in-taxonomy');
    expect(parseSingleAnswer('Unclassified', defaultTaxonomy).kind).toBe('none');
  });

  it('accepts a batch answer only with exactly ids 1..n mapped to strings', () => {
    expect(parseBatchAnswer('```json\n{"1": "Error", "2": "user action"}\n```', 2, defaultTaxonomy)).toEqual([
      { kind: 'label', label: 'Error', raw: 'Error' },
      { kind: 'label', label: 'User Action', raw: 'user action' },
    ]);
    expect(parseBatchAnswer('{"1": "Error", "2": "Nope"}', 2, defaultTaxonomy)?.[1].kind).toBe('not-in-taxonomy');
    for (const malformed of ['Error, User Action', '{"1": "Error"}', '{"1": "Error", "3": "Error"}', '{"1": "Error", "2": 7}', '["Error", "Error"]', '{"1": "Error", "2": "Error", "3": "Error"}']) {
      expect(parseBatchAnswer(malformed, 2, defaultTaxonomy)).toBeUndefined();
    }
  });

  it('quotes answers short and on one line', () => {
    expect(quoteAnswer('a\n  b')).toBe('"a b"');
    expect(quoteAnswer('x'.repeat(200))).toBe(JSON.stringify(`${'x'.repeat(80)}…`));
  });
});
