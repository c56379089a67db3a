import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import type { Classification, LogRecord } from '@logclass/contract';
import { decided, unclassified, type Classifier } from '@logclass/classifier';
import { classifyStream, continuationRule, DEFAULT_CONTINUATION, type ClassifyStreamOptions } from '../index';

/** "login" lines are User Action; every record it was asked about is kept, in call order. */
class RecordingClassifier implements Classifier {
  readonly tier = 'gateway';
  readonly seen: LogRecord[] = [];
  readonly batches: number[] = [];
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    this.seen.push(...records);
    this.batches.push(records.length);
    return records.map((r) => (r.logMessage.includes('login') ? decided('regex', 'User Action', 1, 'rule login') : unclassified('no tier decided')));
  }
  describe() {
    return { tier: this.tier, labels: [], model: 'test', maxBatchSize: 100 };
  }
}

const run = async (input: string | Buffer, opts: ClassifyStreamOptions, c: Classifier = new RecordingClassifier()) =>
  text(await classifyStream(Readable.from([typeof input === 'string' ? Buffer.from(input) : input]), c, opts));
const jsonLines = (out: string) => out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

const JAVA_TRACE = [
  '2024-05-01 10:00:00 ERROR Request failed',
  'java.lang.IllegalStateException: boom',
  '\tat com.example.Service.run(Service.java:42)',
  '    at com.example.Main.main(Main.java:7)',
  'Caused by: java.io.IOException: disk full',
  'at com.example.Disk.write(Disk.java:9)',
  '\t... 12 more',
  '... 3 common frames omitted',
  '2024-05-01 10:00:01 INFO user 7 login',
];

describe('plain lines', () => {
  it('joins multi-line records by the default rule, one output row per record, in order', async () => {
    const c = new RecordingClassifier();
    const out = parse(await run(`${JAVA_TRACE.join('\r\n')}\r\n\r\n   \nlast line without newline`, { inputFormat: 'lines', source: 'app', extraColumns: ['tier'] }, c)) as string[][];
    expect(out).toEqual([
      ['source', 'log_message', 'target_label', 'tier'],
      ['app', JAVA_TRACE[0], 'Unclassified', ''],
      ['app', JAVA_TRACE.slice(1, 8).join('\n'), 'Unclassified', ''],
      ['app', JAVA_TRACE[8], 'User Action', 'regex'],
      ['app', 'last line without newline', 'Unclassified', ''],
    ]);
    expect(c.seen.map((r) => r.source)).toEqual(['app', 'app', 'app', 'app']);
  });

  it('takes a continuation pattern, or none at all, and refuses unsafe or broken patterns', async () => {
    const input = 'Traceback (most recent call last):\n  File "x.py", line 1\nZeroDivisionError: division by zero\nnext\n';
    const python = String.raw`^(?:[ \t]|\w+(?:Error|Exception): )`;
    expect((parse(await run(input, { inputFormat: 'lines', continuation: python })) as string[][]).map((r) => r[1])).toEqual([
      'log_message',
      'Traceback (most recent call last):\n  File "x.py", line 1\nZeroDivisionError: division by zero',
      'next',
    ]);
    expect(parse(await run(input, { inputFormat: 'lines', continuation: '' }))).toHaveLength(5);
    expect(() => continuationRule('(a+)+$')).toThrow(/continuation pattern refused \(nested quantifier/);
    await expect(run(input, { inputFormat: 'lines', continuation: '([' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/not a valid regular expression/) });
    expect(continuationRule(undefined)?.source).toBe(DEFAULT_CONTINUATION);
  });

  it('answers a line that is not UTF-8 in its place, Unclassified with the reason, and classifies the rest', async () => {
    const bytes = Buffer.concat([Buffer.from('user 1 login\ncaf'), Buffer.from([0xe9]), Buffer.from(' latin-1\nuser 2 login\n')]);
    const out = jsonLines(await run(bytes, { inputFormat: 'lines', outputFormat: 'jsonl' }));
    expect(out).toEqual([
      { source: '', log_message: 'user 1 login', target_label: 'User Action', tier: 'regex', confidence: 1, reason: 'rule login' },
      { source: '', log_message: 'caf\uFFFD latin-1', target_label: 'Unclassified', tier: '', confidence: 0, reason: expect.stringMatching(/^line 2 is not UTF-8 text/) },
      { source: '', log_message: 'user 2 login', target_label: 'User Action', tier: 'regex', confidence: 1, reason: 'rule login' },
    ]);
  });

  it('fails clearly on a line longer than the record limit, and answers an empty input with the header alone', async () => {
    await expect(run(`${'x'.repeat(5000)}\n`, { inputFormat: 'lines', maxRecordBytes: 1000 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'line 1 is longer than 1000 bytes: send one record per line',
    });
    expect(await run('\n\n', { inputFormat: 'lines' })).toBe('source,log_message,target_label\n');
    expect(await run('', { inputFormat: 'lines', outputFormat: 'jsonl' })).toBe('');
  });
});

describe('JSON lines', () => {
  it('reads the message and source at dotted fields (whole dotted keys first), echoing each object with the result', async () => {
    const input = [
      '{"ts":1,"log":{"message":"user 5 login"},"resource":{"service.name":"auth"}}',
      '{"ts":2,"log":{"message":"disk full"}}',
    ].join('\n');
    const out = jsonLines(await run(input, { inputFormat: 'jsonl', messageField: 'log.message', sourceField: 'resource.service.name', source: 'default' }));
    expect(out).toEqual([
      { ts: 1, log: { message: 'user 5 login' }, resource: { 'service.name': 'auth' }, target_label: 'User Action', tier: 'regex', confidence: 1, reason: 'rule login' },
      { ts: 2, log: { message: 'disk full' }, target_label: 'Unclassified', tier: '', confidence: 0, reason: 'no tier decided' },
    ]);
  });

  it('answers bad lines in place with the problem and loses none: invalid JSON, not an object, no message', async () => {
    const c = new RecordingClassifier();
    const input = '{"log_message":"user 1 login","source":"a"}\n{"log_message": oops}\n[1,2]\n{"msg":"elsewhere"}\n{"log_message":"user 2 login"}\n';
    const out = parse(await run(input, { inputFormat: 'jsonl', outputFormat: 'csv', extraColumns: ['reason'] }, c)) as string[][];
    expect(out).toEqual([
      ['source', 'log_message', 'target_label', 'reason'],
      ['a', 'user 1 login', 'User Action', 'rule login'],
      ['', '{"log_message": oops}', 'Unclassified', expect.stringMatching(/^line 2 is not valid JSON \(.*\): "\{\\"log_message\\": oops\}"$/)],
      ['', '[1,2]', 'Unclassified', 'line 3 is not a JSON object: "[1,2]"'],
      ['', '{"msg":"elsewhere"}', 'Unclassified', 'line 4 has no text at "log_message" (set the message field)'],
      ['', 'user 2 login', 'User Action', 'rule login'],
    ]);
    // Only the readable records cost a classification.
    expect(c.seen.map((r) => r.logMessage)).toEqual(['user 1 login', 'user 2 login']);
  });
});

describe('CSV in, other ways', () => {
  it('writes a CSV as JSON lines, and takes a default source for a CSV without a source column', async () => {
    expect(jsonLines(await run('id,source,log_message\n1,a,user login\n', { outputFormat: 'jsonl', extraColumns: [] }))).toEqual([
      { id: '1', source: 'a', log_message: 'user login', target_label: 'User Action' },
    ]);
    const c = new RecordingClassifier();
    expect(await run('log_message\nuser login\n', { source: 'web' }, c)).toBe('log_message,target_label\nuser login,User Action\n');
    expect(c.seen).toEqual([{ source: 'web', logMessage: 'user login' }]);
  });
});

describe('a slow stream (tail -f)', () => {
  it('answers each record soon after it arrives, long before the input ends or a batch fills', async () => {
    const input = new PassThrough();
    const c = new RecordingClassifier();
    const started = Date.now();
    const answered: { at: number; text: string }[] = [];
    const pending = classifyStream(input, c, { inputFormat: 'lines', outputFormat: 'jsonl', batchSize: 512, flushAfterMs: 50 });
    input.write('user 1 login\n');
    const output = await pending;
    output.on('data', (chunk: Buffer) => answered.push({ at: Date.now() - started, text: chunk.toString() }));
    await new Promise((r) => setTimeout(r, 300));
    input.write('java.lang.IllegalStateException: boom\n\tat a.b(C.java:1)\n');
    await new Promise((r) => setTimeout(r, 300));
    expect(answered.map((a) => jsonLines(a.text).map((o) => o.log_message))).toEqual([['user 1 login'], ['java.lang.IllegalStateException: boom\n\tat a.b(C.java:1)']]);
    expect(answered[1].at).toBeLessThan(600 + 250);
    input.end('user 3 login\n');
    await new Promise((r) => output.once('end', r));
    expect(answered.map((a) => a.text).join('')).toMatch(/user 3 login/);
    expect(c.batches).toEqual([1, 1, 1]);
  });

  it('keeps input order with many batches in flight and partial batches flushed by time', async () => {
    const input = new PassThrough();
    const c = new RecordingClassifier();
    const output = classifyStream(input, c, { inputFormat: 'lines', outputFormat: 'jsonl', batchSize: 7, maxBatchesInFlight: 3, flushAfterMs: 5, continuation: '' });
    for (let i = 0; i < 200; i++) {
      input.write(`line ${i}\n`);
      if (i % 37 === 0) await new Promise((r) => setTimeout(r, 20));
    }
    input.end();
    const out = jsonLines(await text(await output));
    expect(out.map((o) => o.log_message)).toEqual(Array.from({ length: 200 }, (_, i) => `line ${i}`));
    expect(Math.max(...c.batches)).toBe(7);
    expect(c.batches.some((n) => n < 7)).toBe(true);
  });

  it('reads plain lines only as far ahead as the consumer reads, and stops reading when it goes away', async () => {
    let produced = 0;
    let inputClosed = false;
    const line = `${'x'.repeat(90)} login\n`;
    const endless = new Readable({
      read() {
        this.push(line.repeat(100));
        produced += line.length * 100;
      },
      destroy(err, cb) {
        inputClosed = true;
        cb(err);
      },
    });
    const output = await classifyStream(endless, new RecordingClassifier(), { inputFormat: 'lines', batchSize: 50, maxBatchesInFlight: 2 });
    output.read();
    await new Promise((r) => setTimeout(r, 300));
    // A few stream buffers plus the batches in flight and one chunk of lines, not the endless input.
    expect(produced).toBeLessThan(1024 * 1024);
    output.destroy();
    await new Promise((r) => setImmediate(r));
    expect(inputClosed).toBe(true);
  });
});
