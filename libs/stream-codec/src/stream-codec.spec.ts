import { ClassifyStreamRequest, ClassifyStreamResponse, Outcome, type Classification, type LogRecord } from '@logclass/contract';
import { mulberry32 } from '@logclass/seeded-random';
import { decodeStreamRequest, decodeStreamResponse, encodeStreamRequest, encodeStreamResponse } from './index';

const rand = mulberry32(17);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
/** Text of every kind a log line holds: ASCII, accents, emoji, a lone surrogate, a leading U+FEFF, quotes, long runs (multi-byte lengths). */
const texts = ['', 'a', 'ModernCRM', 'User 42 logged in', 'é€😀', '\ud800 lone', '\ufeffBOM first', '"quoted", x', 'x'.repeat(200), 'ü'.repeat(70)];

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
    confidence: pick([0, 1, 0.25, rand(), -0, 1e-300, NaN, -1.5]),
    reason: pick(texts),
    template: pick(texts),
    bestGuess: undefined,
  };
  if (rand() < 0.3) c.bestGuess = pick(texts);
  return c;
}

function randomRequest(): ClassifyStreamRequest {
  return {
    sequence: pick([0, 1, 127, 128, 300, 2 ** 31, 2 ** 40 + 5]),
    records: Array.from({ length: Math.floor(rand() * 6) }, randomRecord),
    options: pick([undefined, {}, { includeTemplate: false }, { includeTemplate: true }]) as ClassifyStreamRequest['options'],
  };
}

/** Some results frozen (a classifier's shared answers, whose encoding is kept), some fresh; some repeated. */
function randomResponse(frozen: readonly Classification[]): ClassifyStreamResponse {
  const results = Array.from({ length: Math.floor(rand() * 8) }, () => (rand() < 0.5 ? pick(frozen) : randomResult()));
  return { sequence: pick([0, 1, 300, 2 ** 33]), results };
}

const tsProtoRequest = (r: ClassifyStreamRequest) => Buffer.from(ClassifyStreamRequest.encode(r).finish());
const tsProtoResponse = (r: ClassifyStreamResponse) => Buffer.from(ClassifyStreamResponse.encode(r).finish());

/** An unknown field of each wire type (varint, fixed64, length-delimited, fixed32), as a newer peer might send. */
const unknownFields = Buffer.from([0x40, 0x05, 0x49, 1, 2, 3, 4, 5, 6, 7, 8, 0x52, 0x02, 0x61, 0x62, 0x5d, 1, 2, 3, 4]);

describe('ClassifyStream codec, requests (gateway to tier)', () => {
  it('encodes requests to the bytes ts-proto writes', () => {
    for (let n = 0; n < 500; n++) {
      const request = randomRequest();
      expect(encodeStreamRequest(request).equals(tsProtoRequest(request))).toBe(true);
    }
  });

  it('decodes requests to the messages ts-proto reads', () => {
    for (let n = 0; n < 500; n++) {
      const bytes = tsProtoRequest(randomRequest());
      expect(decodeStreamRequest(bytes)).toStrictEqual(ClassifyStreamRequest.decode(bytes));
    }
  });

  it('reads what it does not expect as ts-proto does: unknown fields, bytes that are not UTF-8, a group, a truncated message', () => {
    const record = tsProtoRequest({ sequence: 0, records: [{ source: 'svc', logMessage: 'hello' }] }).subarray(2);
    const inner = Buffer.concat([record, unknownFields]);
    const withUnknown = Buffer.concat([tsProtoRequest({ sequence: 9, records: [randomRecord()], options: { includeTemplate: true } }), Buffer.from([0x12, inner.length]), inner, unknownFields]);
    expect(decodeStreamRequest(withUnknown)).toStrictEqual(ClassifyStreamRequest.decode(withUnknown));
    expect(decodeStreamRequest(withUnknown).records[1]).toStrictEqual({ source: 'svc', logMessage: 'hello', template: undefined });

    const latin1 = tsProtoRequest({ sequence: 1, records: [{ source: 'svc', logMessage: 'caf\u00e9 ok' }] });
    latin1[latin1.length - 4] = 0xe9; // the é's first byte alone: not UTF-8
    expect(decodeStreamRequest(latin1)).toStrictEqual(ClassifyStreamRequest.decode(latin1));
    expect(decodeStreamRequest(latin1).records[0].logMessage).toContain('\ufffd');

    // A group (wire type 3) is skipped by ts-proto's reader; this codec leaves the whole message to it.
    const group = Buffer.concat([tsProtoRequest({ sequence: 2, records: [] }), Buffer.from([0x4b, 0x08, 0x01, 0x4c])]);
    expect(decodeStreamRequest(group)).toStrictEqual(ClassifyStreamRequest.decode(group));

    const truncated = tsProtoRequest({ sequence: 3, records: [{ source: 'svc', logMessage: 'cut short' }] }).subarray(0, 8);
    expect(() => decodeStreamRequest(truncated)).toThrow();
    expect(() => ClassifyStreamRequest.decode(truncated)).toThrow();
  });
});

describe('ClassifyStream codec, responses (tier to gateway)', () => {
  const frozen = Array.from({ length: 12 }, () => Object.freeze(randomResult()));

  it('encodes responses to the bytes ts-proto writes, frozen results again and again', () => {
    for (let n = 0; n < 500; n++) {
      const response = randomResponse(frozen);
      expect(encodeStreamResponse(response).equals(tsProtoResponse(response))).toBe(true);
    }
  });

  it('encodes what it does not take itself as ts-proto does: a negative outcome, a result missing a field', () => {
    const negative: Classification = { outcome: -1 as Outcome, label: 'Error', tier: 'regex', confidence: 1, reason: 'rule x', template: '', bestGuess: undefined };
    const missing = { outcome: Outcome.OUTCOME_ABSTAINED, label: '', tier: 'llm', confidence: 0, reason: 'no key' } as Classification;
    for (const odd of [negative, missing]) {
      const response = { sequence: 5, results: [frozen[0], odd] };
      expect(encodeStreamResponse(response).equals(tsProtoResponse(response))).toBe(true);
    }
  });

  it('decodes text that is not UTF-8 to the replacement characters ts-proto gives', () => {
    for (let n = 0; n < 2000; n++) {
      const bytes = tsProtoResponse({ sequence: 1, results: [{ ...randomResult(), label: 'L'.repeat(6), template: '', bestGuess: undefined }] });
      // Overwrite the label's 6 bytes with random ones, most of them past ASCII.
      const at = bytes.indexOf('LLLLLL');
      for (let k = 0; k < 6; k++) bytes[at + k] = rand() < 0.7 ? 0x80 + Math.floor(rand() * 128) : Math.floor(rand() * 256);
      expect(decodeStreamResponse(bytes)).toStrictEqual(ClassifyStreamResponse.decode(bytes));
    }
  });

  it('decodes responses to the messages ts-proto reads', () => {
    for (let n = 0; n < 500; n++) {
      const bytes = tsProtoResponse(randomResponse(frozen));
      expect(decodeStreamResponse(bytes)).toStrictEqual(ClassifyStreamResponse.decode(bytes));
    }
  });

  it('decodes results that repeat, confidence 1 included, to one frozen object; a result with a template to its own', () => {
    const rule: Classification = { outcome: Outcome.OUTCOME_DECIDED, label: 'Security Alert', tier: 'regex', confidence: 1, reason: 'rule sshd-failed', template: '', bestGuess: undefined };
    const templated = { ...rule, template: 'Failed password for <*>' };
    const decoded = decodeStreamResponse(tsProtoResponse({ sequence: 1, results: [rule, templated, rule, templated] }));
    expect(decoded.results).toStrictEqual([rule, templated, rule, templated]);
    expect(decoded.results[0]).toBe(decoded.results[2]);
    expect(Object.isFrozen(decoded.results[0])).toBe(true);
    expect(decoded.results[1]).not.toBe(decoded.results[3]);
    // And in the next response too.
    expect(decodeStreamResponse(tsProtoResponse({ sequence: 2, results: [rule] })).results[0]).toBe(decoded.results[0]);
  });

  it('reads what it does not expect as ts-proto does: unknown fields, a negative outcome, bytes that are not UTF-8', () => {
    const known = tsProtoResponse({ sequence: 7, results: [randomResult()] });
    const negative: Classification = { outcome: -1 as Outcome, label: 'Error', tier: 'regex', confidence: 1, reason: 'rule x', template: '', bestGuess: undefined };
    const result = tsProtoResponse({ sequence: 0, results: [negative] }).subarray(2);
    const inner = Buffer.concat([result, unknownFields]);
    const withUnknown = Buffer.concat([known, Buffer.from([0x12, inner.length]), inner, unknownFields]);
    expect(decodeStreamResponse(withUnknown)).toStrictEqual(ClassifyStreamResponse.decode(withUnknown));
    expect(decodeStreamResponse(withUnknown).results[1]).toMatchObject({ outcome: -1, label: 'Error' });
    const latin1 = tsProtoResponse({ sequence: 1, results: [{ ...randomResult(), template: '', bestGuess: undefined, reason: 'xx' }] });
    latin1[latin1.length - 1] = 0xe9;
    expect(decodeStreamResponse(latin1)).toStrictEqual(ClassifyStreamResponse.decode(latin1));
    expect(decodeStreamResponse(latin1).results[0].reason).toBe('x\ufffd');
  });
});
