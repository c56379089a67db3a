import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CorrectionsFile, correctionsFile } from './index';

describe('the corrections file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corrections-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = () => new Date('2026-01-02T03:04:05.000Z');

  it('writes the header once, then the rows of every append in order, in a folder it creates', async () => {
    const path = join(dir, 'nested', 'corrections.csv');
    const file = new CorrectionsFile(path, at);
    await Promise.all([
      file.append([{ source: 'a', logMessage: 'one, with a comma', label: 'Error' }]),
      file.append([]),
      file.append([
        { source: 'b', logMessage: 'two "quoted"', label: 'User Action' },
        { source: '', logMessage: 'three', label: 'Security Alert' },
      ]),
    ]);
    expect(parse(readFileSync(path))).toEqual([
      ['source', 'log_message', 'target_label', 'corrected_at'],
      ['a', 'one, with a comma', 'Error', '2026-01-02T03:04:05.000Z'],
      ['b', 'two "quoted"', 'User Action', '2026-01-02T03:04:05.000Z'],
      ['', 'three', 'Security Alert', '2026-01-02T03:04:05.000Z'],
    ]);
  });

  it('starts a new line after a hand-edited file without a final newline', async () => {
    const path = join(dir, 'edited.csv');
    writeFileSync(path, 'source,log_message,target_label,corrected_at\nx,y,Error,then');
    await new CorrectionsFile(path, at).append([{ source: 's', logMessage: 'm', label: 'Error' }]);
    expect(readFileSync(path, 'utf8').split('\n')).toEqual(['source,log_message,target_label,corrected_at', 'x,y,Error,then', 's,m,Error,2026-01-02T03:04:05.000Z', '']);
  });

  it('keeps one appender per file in a process, however the path is spelled', () => {
    expect(correctionsFile(join(dir, 'one.csv'))).toBe(correctionsFile(join(dir, '.', 'one.csv')));
    expect(correctionsFile(join(dir, 'one.csv'))).not.toBe(correctionsFile(join(dir, 'two.csv')));
  });
});
