import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { EXIT } from './exit-codes';
import { cli } from '../test/run-cli';

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';

describe('logclass CLI: in-process classify, feedback, train, evaluate, promote', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logclass-cli-commands-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('classifies a CSV in this process with the shipped rules and model; LegacyCRM falls to the embedding tier without an LLM key', async () => {
    const input = join(dir, 'logs.csv');
    const output = join(dir, 'labelled.csv');
    writeFileSync(input, csv([
      ['id', 'source', 'log_message'],
      ['1', 'ModernCRM', 'User User77 logged in.'],
      ['2', 'ModernHR', 'GET /api/v2/employees HTTP/1.1 status: 200 len: 1583 time: 0.18'],
      ['3', 'BillingSystem', 'Disk usage on /var reached 91% of 500GB'],
      ['4', 'LegacyCRM', 'Lead conversion failed for prospect ID 5521 due to missing contact information.'],
    ]));
    const res = await cli('classify', input, '--in-process', '-o', output, '--columns', 'tier,reason', '--quiet');
    expect(res).toMatchObject({ code: EXIT.OK, stderr: '' });
    const [header, ...rows] = parse(readFileSync(output)) as string[][];
    expect(header).toEqual(['id', 'source', 'log_message', 'target_label', 'tier', 'reason']);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4']);
    expect(rows[0].slice(3, 5)).toEqual(['User Action', 'regex']);
    expect(rows[1][3]).toBe('HTTP Status');
    expect(rows[2][3]).toBe('Resource Usage');
    // LegacyCRM goes to the LLM first, which has no key here, then to the embedding tier.
    expect(rows[3].slice(3, 5)).toEqual(['Workflow Error', 'embedding']);
    const hostile = join(dir, 'formulas.csv');
    writeFileSync(hostile, csv([['source', 'log_message'], ['=cmd', '@SUM(A1) User User77 logged in.']]));
    expect(await cli('classify', hostile, '--in-process', '--neutralize-formulas', '--quiet')).toMatchObject({
      code: EXIT.OK,
      stdout: "source,log_message,target_label\n'=cmd,'@SUM(A1) User User77 logged in.,User Action\n",
    });
  });

  it('says what went wrong with the right exit status', async () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(input, 'a,b\n1,2\n');
    expect(await cli('classify', input, '--in-process', '-q')).toMatchObject({ code: EXIT.INPUT, stderr: expect.stringMatching(/log_message/) });
    expect(await cli('classify', input, '--in-process', '--model', join(dir, 'nope'))).toMatchObject({ code: EXIT.MODEL, stderr: expect.stringMatching(/cannot build the in-process cascade/) });
    expect(await cli('classify', join(dir, 'missing.csv'), '--in-process')).toMatchObject({ code: EXIT.INPUT, stderr: expect.stringMatching(/cannot read .*ENOENT/) });
    expect(await cli('classify', input, '--in-process', '--columns', 'nope')).toMatchObject({ code: EXIT.USAGE });
    const help = await cli('--help');
    expect(help.code).toBe(EXIT.OK);
    expect(help.stdout).toMatch(/Exit status:\n {2}0 {2}success[\s\S]*4 {2}model error/);
    expect((await cli('train', '--help')).stdout).toMatch(/Examples:[\s\S]*logclass train --data/);
  });

  it('records corrections, trains a base then a new version with them, evaluates with a picture, and promotes', async () => {
    const corrections = join(dir, 'corrections.csv');
    expect(await cli('feedback', 'security alert', 'User 4411 logged in from 10.1.1.1 at 03:00', '--source', 'ModernHR', '--corrections', corrections)).toMatchObject({ code: EXIT.OK });
    expect(await cli('feedback', 'Weirdness', 'x', '--corrections', corrections)).toMatchObject({ code: EXIT.INPUT, stderr: expect.stringMatching(/"Weirdness" is not in the taxonomy/) });
    const saved = parse(readFileSync(corrections)) as string[][];
    expect(saved.map((r) => r.slice(0, 3))).toEqual([['source', 'log_message', 'target_label'], ['ModernHR', 'User 4411 logged in from 10.1.1.1 at 03:00', 'Security Alert']]);

    // A small labelled slice: the independent sample (60 lines, nine labels).
    const data = join(__dirname, '../../../training/data/independent-sample.csv');
    const model = join(dir, 'models', 'mini-lr');
    const common = ['--data', data, '--model', model, '--max-iterations', '30', '--seed', '2'];
    const base = await cli('train', ...common, '--no-corrections');
    expect(base.code).toBe(EXIT.OK);
    expect(existsSync(join(model, 'model.json'))).toBe(true);
    const v1 = await cli('train', ...common, '--corrections', corrections);
    expect(v1).toMatchObject({ code: EXIT.OK, stderr: expect.stringMatching(/serve it with: logclass promote v1/) });
    expect(v1.stdout).toMatch(/Old vs new on the same held-out rows/);

    const report = join(dir, 'report', 'evaluation.txt');
    const evaluated = await cli('evaluate', '--data', data, '--model', model, '--report', report);
    expect(evaluated.code).toBe(EXIT.OK);
    expect(evaluated.stdout).toMatch(/Summary[\s\S]*cascade: regex -> embedding -> llm/);
    expect(XMLValidator.validate(readFileSync(join(dir, 'report', 'evaluation.svg'), 'utf8'))).toBe(true);

    expect(await cli('promote', 'v1', '--model', model)).toMatchObject({ code: EXIT.OK, stdout: expect.stringMatching(/promoted .* v1 \(was base\)/) });
    expect((await cli('promote', '--model', model)).stdout).toMatch(/^ {2}base .*\n\* v1 /);
    expect(await cli('promote', 'v9', '--model', model)).toMatchObject({ code: EXIT.MODEL, stderr: expect.stringMatching(/no version "v9"/) });
  });
});
