import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { Classification, LogRecord } from '@logclass/contract';
import { unclassified, type Classifier } from '@logclass/classifier';
import { classifyCsv, neutralizeFormula, type ClassifyCsvOptions } from './index';

class NoneClassifier implements Classifier {
  readonly tier = 'gateway';
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    return records.map(() => unclassified('no tier decided'));
  }
  describe() {
    return { tier: this.tier, labels: [], model: 'none', maxBatchSize: 100 };
  }
}

const run = async (csv: string, opts: ClassifyCsvOptions) => text(await classifyCsv(Readable.from([Buffer.from(csv)]), new NoneClassifier(), opts));

describe('formula neutralisation', () => {
  it('prefixes cells a spreadsheet would run, and only those', () => {
    expect(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(neutralizeFormula)).toEqual(["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(['', 'ok', ' =not first', 'a=b', "'quoted"].map(neutralizeFormula)).toEqual(['', 'ok', ' =not first', 'a=b', "'quoted"]);
  });

  it('is off by default and applies to every cell, header included, when asked', async () => {
    const csv = 'source,log_message,=evil\n@app,"=HYPERLINK(""http://x"",""y"")",+1\n';
    expect(await run(csv, {})).toBe('source,log_message,=evil,target_label\n@app,"=HYPERLINK(""http://x"",""y"")",+1,Unclassified\n');
    expect(await run(csv, { neutralizeFormulas: true })).toBe(
      'source,log_message,\'=evil,target_label\n\'@app,"\'=HYPERLINK(""http://x"",""y"")",\'+1,Unclassified\n',
    );
  });
});

describe('row limit', () => {
  it('refuses more data rows than the limit, naming the setting; exactly the limit passes', async () => {
    const limit = { count: 2, setting: 'TEST_MAX_ROWS' };
    expect(await run('source,log_message\nA,1\nA,2\n', { maxRows: limit })).toBe('source,log_message,target_label\nA,1,Unclassified\nA,2,Unclassified\n');
    await expect(run('source,log_message\nA,1\nA,2\nA,3\n', { maxRows: limit })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/more than 2 data rows.*\(TEST_MAX_ROWS\)/),
    });
  });
});
