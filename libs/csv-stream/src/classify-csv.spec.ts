import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import type { Classification, LogRecord } from '@logclass/contract';
import { decided, EMPTY_MESSAGE_REASON, isEmptyMessage, unclassified, type Classifier } from '@logclass/classifier';
import { classifyCsv, parseExtraColumns, type ClassifyCsvOptions } from './index';

/** Stands in for the cascade: "login" lines are User Action, empty ones Unclassified, the rest undecided. */
class KeywordClassifier implements Classifier {
  readonly tier = 'gateway';
  seen = 0;
  batches: number[] = [];
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    this.seen += records.length;
    this.batches.push(records.length);
    // Answer later batches first, to prove output order does not depend on completion order.
    await new Promise((r) => setTimeout(r, this.batches.length % 3));
    return records.map((r) =>
      isEmptyMessage(r.logMessage)
        ? unclassified(EMPTY_MESSAGE_REASON)
        : r.logMessage.includes('login')
          ? { ...decided('regex', 'User Action', 1, 'rule login'), template: 'user <*> login' }
          : unclassified('no tier decided'),
    );
  }
  describe() {
    return { tier: this.tier, labels: [], model: 'keywords', maxBatchSize: 100 };
  }
}

const classifier = () => new KeywordClassifier();
const run = async (csv: string | Buffer, opts: ClassifyCsvOptions = {}, c: Classifier = classifier()) =>
  text(await classifyCsv(Readable.from([typeof csv === 'string' ? Buffer.from(csv) : csv]), c, opts));
/** Input split into byte chunks of `size`, as a network delivers it. */
const chunked = (bytes: Buffer, size: number) =>
  Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));

describe('classifyCsv', () => {
  it('appends target_label, keeps every other column and round-trips quoting exactly', async () => {
    const rows = [
      ['id', 'source', 'log_message', 'note'],
      ['1', 'ModernCRM', 'user 42 login ok', 'plain'],
      ['2', 'Billing, EU', 'said "hi", then\nleft', 'a\r\nb'],
      ['3', 'x', '', '  spaced  '],
    ];
    const input = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
    const out = parse(await run(input, { extraColumns: ['tier', 'reason'] })) as string[][];
    expect(out[0]).toEqual(['id', 'source', 'log_message', 'note', 'target_label', 'tier', 'reason']);
    expect(out.slice(1).map((r) => r.slice(0, 4))).toEqual(rows.slice(1));
    expect(out.slice(1).map((r) => r.slice(4))).toEqual([
      ['User Action', 'regex', 'rule login'],
      ['Unclassified', '', 'no tier decided'],
      ['Unclassified', '', EMPTY_MESSAGE_REASON],
    ]);
  });

  it('handles a BOM, overwrites an existing target_label and adds template on request', async () => {
    const out = await run('\uFEFFsource,log_message,target_label\nA,login,Old\n', { extraColumns: parseExtraColumns('template,confidence') });
    expect(out).toBe('source,log_message,target_label,confidence,template\nA,login,User Action,1,user <*> login\n');
  });

  it('keeps order across many concurrent batches and never calls with more than a batch', async () => {
    const c = classifier();
    const n = 1000;
    const input = 'source,log_message\n' + Array.from({ length: n }, (_, i) => `s,${i % 7 === 0 ? 'login' : 'msg'} ${i}`).join('\n');
    const out = parse(await run(input, { batchSize: 16, maxBatchesInFlight: 5 }, c)) as string[][];
    expect(out).toHaveLength(n + 1);
    out.slice(1).forEach((r, i) => {
      expect(r[1]).toBe(`${i % 7 === 0 ? 'login' : 'msg'} ${i}`);
      expect(r[2]).toBe(i % 7 === 0 ? 'User Action' : 'Unclassified');
    });
    expect(Math.max(...c.batches)).toBe(16);
  });

  it('keeps quotes inside unquoted fields literally (common in log lines)', async () => {
    const out = await run('source,log_message\nweb,GET "/api/v1" 200\n');
    expect(parse(out)).toEqual([['source', 'log_message', 'target_label'], ['web', 'GET "/api/v1" 200', 'Unclassified']]);
  });

  it('answers a header-only file with the header', async () => {
    expect(await run('source,log_message\n')).toBe('source,log_message,target_label\n');
  });

  it('carries a 1 MB message and multi-byte characters split across chunks', async () => {
    const big = 'é'.repeat(512 * 1024) + ' login';
    const bytes = Buffer.from(`source,log_message\nA,"${big}"\nB,ünïcødé ✓\n`);
    const out = parse(await text(await classifyCsv(chunked(bytes, 1000), classifier()))) as string[][];
    expect(out[1]).toEqual(['A', big, 'User Action']);
    expect(out[2]).toEqual(['B', 'ünïcødé ✓', 'Unclassified']);
  });

  describe('refuses bad input before any output', () => {
    const refusal = (input: string | Buffer, opts?: ClassifyCsvOptions) =>
      classifyCsv(Readable.from([typeof input === 'string' ? Buffer.from(input) : input]), classifier(), opts);

    it.each([
      ['a missing log_message column', 'source,message\nA,x\n', /missing required column "log_message".*found "source", "message"/],
      ['a missing source column', 'log_message\nx\n', /missing required column "source"/],
      ['plain text, not a CSV log file', 'hello world\nsecond line\n', /missing required columns "source" and "log_message".*found "hello world"/],
      ['a JSON upload', '{"not": "csv"}\n', /missing required columns "source" and "log_message"/],
      ['an empty file', '', /empty file/],
      ['an unterminated quote', 'source,log_message\nA,ok\nB,"never closed\nC,x\n', /malformed CSV: a quoted field in the record starting on line 3 is never closed/],
      ['a ragged row', 'source,log_message\nA,ok\nB,x,extra\n', /malformed CSV: Invalid Record Length: expect 2, got 3 on line 3/],
    ])('%s', async (_what, input, message) => {
      await expect(refusal(input)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) });
    });

    it('non-UTF-8 bytes, naming the byte offset and line', async () => {
      const bytes = Buffer.concat([Buffer.from('source,log_message\nA,caf'), Buffer.from([0xe9]), Buffer.from(' latin-1\n')]);
      await expect(classifyCsv(chunked(bytes, 7), classifier())).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: 'invalid UTF-8 at byte 24 (line 2): upload a UTF-8 encoded CSV file',
      });
    });

    it('binary data and a file cut inside a character', async () => {
      await expect(refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).rejects.toMatchObject({ message: expect.stringMatching(/invalid UTF-8 at byte 0 \(line 1\)/) });
      await expect(refusal(Buffer.from('source,log_message\nA,x\0'))).rejects.toMatchObject({ message: expect.stringMatching(/binary data .* at byte 22 \(line 2\)/) });
      await expect(refusal(Buffer.concat([Buffer.from('source,log_message\nA,'), Buffer.from('é').subarray(0, 1)]))).rejects.toMatchObject({
        message: expect.stringMatching(/ends inside a UTF-8 character/),
      });
    });

    it('a record longer than the limit', async () => {
      await expect(refusal(`source,log_message\nA,"${'x'.repeat(5000)}`, { maxRecordBytes: 1000 })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/exceeds 1000 characters/),
      });
    });

    it('unknown extra columns', () => {
      expect(() => parseExtraColumns('tier,colour')).toThrow('unknown column "colour": choose from tier, confidence, reason, template');
    });
  });

  it('fails the output stream (never ends it short) on a defect found after output started', async () => {
    const good = Array.from({ length: 500 }, (_, i) => `s,msg ${i}`).join('\n');
    const output = await classifyCsv(Readable.from([Buffer.from(`source,log_message\n${good}\nbad,row,here\n`)]), classifier(), { batchSize: 10 });
    let received = '';
    output.on('data', (chunk: Buffer) => (received += chunk.toString()));
    await expect(new Promise((resolve, reject) => output.on('end', resolve).on('error', reject))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/on line 502/),
    });
    expect(received.startsWith('source,log_message,target_label\ns,msg 0,Unclassified\n')).toBe(true);
  });

  it('reads only as far ahead as the consumer reads (bounded memory), and stops reading when it goes away', async () => {
    const c = classifier();
    let produced = 0;
    let inputClosed = false;
    const line = `s,${'x'.repeat(90)}\n`;
    const endless = new Readable({
      read() {
        this.push(produced === 0 ? 'source,log_message\n' : line);
        produced += line.length;
      },
      destroy(err, cb) {
        inputClosed = true;
        cb(err);
      },
    });
    const output = await classifyCsv(endless, c, { batchSize: 50, maxBatchesInFlight: 2 });
    output.read(); // take what is there, then stop reading
    await new Promise((r) => setTimeout(r, 200));
    // A few stream buffers (16 KiB each) plus the batches in flight, not the endless input.
    expect(produced).toBeLessThan(512 * 1024);
    output.destroy();
    await new Promise((r) => setImmediate(r));
    expect(inputClosed).toBe(true);
  });
});
