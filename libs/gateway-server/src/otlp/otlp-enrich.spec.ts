import { addClassifications, messageOf, recordsToClassify } from './otlp-enrich';
import type { ExportLogsRequest, OtlpLogRecord } from './otlp-proto';
import { ExportLogsServiceRequest } from './otlp-proto';

const fields = ['message', 'log'];
const opts = { bodyFields: fields, sourceAttribute: 'service.name', reason: false };

describe('what the receiver classifies of a log record', () => {
  it.each<[string, OtlpLogRecord, string]>([
    ['a string body', { body: { stringValue: 'disk full' } }, 'disk full'],
    ['a map body: the first configured key present', { body: { kvlistValue: { values: [{ key: 'log', value: { stringValue: 'from log' } }, { key: 'message', value: { stringValue: 'from message' } }] } } }, 'from message'],
    ['a map body without them: the attribute', { body: { kvlistValue: { values: [] } }, attributes: [{ key: 'log', value: { stringValue: 'from attribute' } }] }, 'from attribute'],
    ['a number body', { body: { doubleValue: 1.5 } }, '1.5'],
    ['no body', {}, ''],
  ])('%s', (_what, record, message) => {
    expect(messageOf(record, fields)).toBe(message);
  });

  it('the source is the configured resource attribute, empty without it', () => {
    const request: ExportLogsRequest = {
      resourceLogs: [
        { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'billing' } }] }, scopeLogs: [{ logRecords: [{ body: { stringValue: 'a' } }] }] },
        { scopeLogs: [{ logRecords: [{ body: { stringValue: 'b' } }] }] },
      ],
    };
    expect(recordsToClassify(request, opts)).toEqual([
      { source: 'billing', logMessage: 'a' },
      { source: '', logMessage: 'b' },
    ]);
  });
});

describe('what the receiver adds', () => {
  it('replaces logclass.* attributes a record already has (a second gateway on the path), keeps the rest, on decoded records too', () => {
    const encoded = ExportLogsServiceRequest.encode({
      resourceLogs: [
        {
          scopeLogs: [
            {
              logRecords: [
                { body: { stringValue: 'a' }, attributes: [{ key: 'logclass.label', value: { stringValue: 'Old' } }, { key: 'k', value: { stringValue: 'v' } }] },
                { body: { stringValue: 'b' } },
              ],
            },
          ],
        },
      ],
    }).finish();
    // Decoded, a record without attributes shares protobufjs's frozen empty array.
    const request = ExportLogsServiceRequest.decode(encoded);
    const result = { outcome: 1, label: 'Error', tier: 'regex', confidence: 1, reason: 'rule x', template: '' };
    addClassifications(request, [result, { ...result, label: 'Other' }], { ...opts, reason: true });
    const [first, second] = request.resourceLogs?.[0].scopeLogs?.[0].logRecords ?? [];
    expect(first.attributes?.map((kv) => kv.key)).toEqual(['k', 'logclass.label', 'logclass.tier', 'logclass.confidence', 'logclass.reason']);
    expect(first.attributes?.[1].value?.stringValue).toBe('Error');
    expect(second.attributes?.[1].value?.stringValue).toBe('regex');
    expect(() => addClassifications(request, [result], opts)).toThrow(/1 classifications for 2 log records/);
  });
});
