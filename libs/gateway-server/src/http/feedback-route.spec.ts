import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { startGatewayOverMarker } from '../../test/gateway-fixture';
import type { RunningGateway } from '../index';

describe('POST /feedback (real gateway over HTTP)', () => {
  let tier: RunningClassifierServer;
  let gateway: RunningGateway;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logclass-feedback-'));
    file = join(dir, 'nested', 'corrections.csv');
    ({ tier, gateway } = await startGatewayOverMarker({
      GATEWAY_FEEDBACK_FILE: file,
      GATEWAY_MAX_FEEDBACK_RECORDS: '50',
      GATEWAY_MAX_FEEDBACK_BYTES: '20000',
    }));
  });

  afterAll(async () => {
    await gateway?.stop();
    await tier?.stop(100);
    await rm(dir, { recursive: true, force: true });
  });

  const post = (body: unknown) =>
    fetch(`${gateway.httpUrl}/feedback`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const rows = async () => parse(await readFile(file, 'utf8')) as string[][];

  it('appends corrections as CSV rows with canonical labels, creating the file and its header', async () => {
    const res = await post([
      { source: 'ModernCRM', log_message: 'User 12 logged in, "admin", from 10.0.0.1', label: 'user action' },
      { log_message: 'multi\nline, message', label: 'SECURITY-ALERT' },
    ]);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2 });
    const [header, ...data] = await rows();
    expect(header).toEqual(['source', 'log_message', 'target_label', 'corrected_at']);
    expect(data.map((r) => r.slice(0, 3))).toEqual([
      ['ModernCRM', 'User 12 logged in, "admin", from 10.0.0.1', 'User Action'],
      ['', 'multi\nline, message', 'Security Alert'],
    ]);
    expect(new Date(data[0][3]).getTime()).not.toBeNaN();
  });

  it('writes nothing when any element is bad, and says which', async () => {
    const before = await readFile(file, 'utf8');
    const cases: [unknown, number, RegExp][] = [
      [[{ log_message: 'ok', label: 'Error' }, { log_message: 'x', label: 'Weirdness' }], 400, /body\[1\]\.label "Weirdness" is not in the taxonomy/],
      [[{ log_message: 'x', label: 'Unclassified' }], 400, /not in the taxonomy/],
      [[{ log_message: '  ', label: 'Error' }], 400, /body\[0\]\.log_message must be a non-empty string/],
      [{ log_message: 'x', label: 'Error' }, 400, /JSON array/],
      [Array.from({ length: 51 }, () => ({ log_message: 'x', label: 'Error' })), 413, /limit of 50 .*GATEWAY_MAX_FEEDBACK_RECORDS/],
      [[{ log_message: 'y'.repeat(30000), label: 'Error' }], 413, /GATEWAY_MAX_FEEDBACK_BYTES/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('serializes concurrent requests: every row whole, none lost, the file valid CSV', async () => {
    await writeFile(file, '');
    const requests = Array.from({ length: 20 }, (_, r) => post(Array.from({ length: 25 }, (_, i) => ({ source: `s${r}`, log_message: `request ${r} row ${i} ${'z'.repeat(200)}`, label: 'Error' }))));
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    const [header, ...data] = await rows();
    expect(header[0]).toBe('source');
    expect(data).toHaveLength(500);
    // Each request's rows are contiguous and in order.
    for (let start = 0; start < 500; start += 25) {
      const block = data.slice(start, start + 25);
      expect(new Set(block.map((r) => r[0])).size).toBe(1);
      expect(block.map((r) => Number(/row (\d+)/.exec(r[1])?.[1]))).toEqual([...Array(25).keys()]);
    }
  });
});
