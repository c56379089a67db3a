import { ClassifyStreamRequest, ClassifyStreamResponse, Outcome, type Classification, type LogRecord } from '@logclass/contract';
import { mulberry32 } from '@logclass/seeded-random';
import { decodeStreamResponse, encodeStreamRequest } from './stream-codec';

const rand = mulberry32(17);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
/** Text of every kind a log line holds: ASCII, accents, emoji, a lone surrogate, quotes, long runs (multi-byte lengths). */
const texts = ['', 'a', 'ModernCRM', 'User 42 logged in', 'é€😀', '\ud800 lone', '"quoted", x', 'x'.repeat(200), 'ü'.repeat(70)];

function randomRecord(): LogRecord {
  const r: LogRecord = { source: pick(texts), logMessage: pick(texts) + pick(texts) };
  if (rand() < 0.3) r.template = pick(texts);
  return r;
}

function randomResult(): Classification {
  const c: Classification = {
    outcome: pick([Outcome.OUTCOME_UNSPECIFIED, Outcome.OUTCOME_DECIDED, Outcome.OUTCOME_ABSTAINED, Outcome.OUTCOME_UNCLASSIFIED]),
    label: pick(texts),
    tier: pick(['', 'regex', 'embedding', 'llm']),
    confidence: pick([0, 1, 0.25, rand(), -0, 1e-300]),
    reason: pick(texts),
    template: pick(texts),
    bestGuess: undefined,
  };
  if (rand() < 0.3) c.bestGuess = pick(texts);
  return c;
}

describe('ClassifyStream codec', () => {
  it('encodes requests to the bytes ts-proto writes', () => {
    for (let n = 0; n < 500; n++) {
      const request: ClassifyStreamRequest = {
        sequence: pick([0, 1, 127, 128, 300, 2 ** 31, 2 ** 40 + 5]),
        records: Array.from({ length: Math.floor(rand() * 6) }, randomRecord),
        options: pick([undefined, {}, { includeTemplate: false }, { includeTemplate: true }]) as ClassifyStreamRequest['options'],
      };
      expect(encodeStreamRequest(request).equals(Buffer.from(ClassifyStreamRequest.encode(request).finish()))).toBe(true);
    }
  });

  it('decodes responses to the messages ts-proto reads', () => {
    for (let n = 0; n < 500; n++) {
      const response: ClassifyStreamResponse = { sequence: pick([0, 1, 300, 2 ** 33]), results: Array.from({ length: Math.floor(rand() * 6) }, randomResult) };
      const bytes = Buffer.from(ClassifyStreamResponse.encode(response).finish());
      expect(decodeStreamResponse(bytes)).toEqual(ClassifyStreamResponse.decode(bytes));
    }
  });

  it('reads what it does not expect as ts-proto does: unknown fields, a negative outcome, bytes that are not UTF-8', () => {
    const known = Buffer.from(ClassifyStreamResponse.encode({ sequence: 7, results: [randomResult()] }).finish());
    // An unknown field of each wire type inside a result and at the top (as a newer server might send).
    const negative: Classification = { outcome: -1 as Outcome, label: 'Error', tier: 'regex', confidence: 1, reason: 'rule x', template: '', bestGuess: undefined };
    const result = Buffer.from(ClassifyStreamResponse.encode({ sequence: 0, results: [negative] }).finish()).subarray(2);
    const unknownFields = Buffer.from([0x40, 0x05, 0x49, 1, 2, 3, 4, 5, 6, 7, 8, 0x52, 0x02, 0x61, 0x62, 0x5d, 1, 2, 3, 4]);
    const inner = Buffer.concat([result, unknownFields]);
    const withUnknown = Buffer.concat([known, Buffer.from([0x12, inner.length]), inner, unknownFields]);
    expect(decodeStreamResponse(withUnknown)).toEqual(ClassifyStreamResponse.decode(withUnknown));
    expect(decodeStreamResponse(withUnknown).results[1]).toMatchObject({ outcome: -1, label: 'Error' });
    const latin1 = Buffer.from(ClassifyStreamResponse.encode({ sequence: 1, results: [{ ...randomResult(), reason: 'xx' }] }).finish());
    latin1[latin1.length - 1] = 0xe9;
    expect(decodeStreamResponse(latin1)).toEqual(ClassifyStreamResponse.decode(latin1));
  });
});
