import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { MarkerTier } from '@logclass/test-support';
import { startTestGateway, startTier } from '../test/gateway-fixture';
import type { RunningGateway } from './index';

const MiB = 1024 * 1024;
const csvOf = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';

describe('gateway REST API over real gRPC tiers', () => {
  const regex = new MarkerTier('regex');
  const llm = new MarkerTier('llm');
  const tiers: RunningClassifierServer[] = [];
  let gateway: RunningGateway;
  let url: string;

  beforeAll(async () => {
    tiers.push(await startTier(regex), await startTier(llm));
    gateway = await startTestGateway({
      GATEWAY_TIERS: `regex=${tiers[0].address},llm=${tiers[1].address}`,
      GATEWAY_ROUTING: '{"LegacyCRM":["llm"]}',
      GATEWAY_CSV_BATCH_SIZE: '50',
      GATEWAY_MAX_UPLOAD_BYTES: String(3 * MiB),
      GATEWAY_MAX_CONCURRENT_UPLOADS: '1',
      GATEWAY_MAX_JSON_BYTES: '100000',
      GATEWAY_MAX_JSON_RECORDS: '100',
    });
    url = gateway.httpUrl;
  });

  afterAll(async () => {
    await gateway.stop();
    await Promise.all(tiers.map((t) => t.stop(100)));
  });

  const upload = (csv: string | Buffer, query = '', field = 'file') => {
    const form = new FormData();
    form.append(field, new Blob([csv], { type: 'text/csv' }), 'logs.csv');
    return fetch(`${url}/classify${query}`, { method: 'POST', body: form });
  };
  const rawCsv = (csv: string | Buffer, query = '') =>
    fetch(`${url}/classify${query}`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
  const expectError = async (res: Response, status: number, error: string, message: RegExp) => {
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error, message: expect.stringMatching(message) });
  };

  describe('POST /classify', () => {
    const rows = [
      ['id', 'source', 'log_message'],
      ['1', 'ModernCRM', 'User 12 logged in @regex label=User Action'],
      ['2', 'LegacyCRM', 'Case escalation failed @llm label=Workflow Error'],
      ['3', 'Billing, "EU"', 'multi\nline, "quoted" message'],
      ['4', 'ModernCRM', ''],
    ];

    it('answers a multipart upload with the same rows, in order, plus target_label and requested columns', async () => {
      const res = await upload(csvOf(rows), '?columns=tier,reason');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const out = parse(await res.text()) as string[][];
      expect(out[0]).toEqual(['id', 'source', 'log_message', 'target_label', 'tier', 'reason']);
      expect(out.slice(1).map((r) => r.slice(0, 3))).toEqual(rows.slice(1));
      expect(out.slice(1).map((r) => r.slice(3))).toEqual([
        ['User Action', 'regex', 'marker @regex'],
        ['Workflow Error', 'llm', 'marker @llm'],
        ['Unclassified', '', expect.stringMatching(/no tier decided/)],
        ['Unclassified', '', 'empty log_message'],
      ]);
    });

    it('accepts a raw text/csv body, with a BOM and CRLF line ends', async () => {
      const res = await rawCsv(`\uFEFFsource,log_message\r\nA,"x, @regex"\r\n`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('source,log_message,target_label\nA,"x, @regex",Test Label\n');
    });

    it('neutralises spreadsheet formulas in every output cell only when asked', async () => {
      const hostile = csvOf([['note', 'source', 'log_message'], ['=1+1', '@SUM(A1)', '=HYPERLINK("http://evil") @regex'], ['-2', 'ok', '+cmd @llm']]);
      const asSent = parse(await (await upload(hostile, '?columns=reason')).text()) as string[][];
      expect(asSent.slice(1).map((r) => r.slice(0, 3))).toEqual([['=1+1', '@SUM(A1)', '=HYPERLINK("http://evil") @regex'], ['-2', 'ok', '+cmd @llm']]);
      const res = await upload(hostile, '?columns=reason&neutralize_formulas=true');
      expect(res.status).toBe(200);
      const out = parse(await res.text()) as string[][];
      expect(out[0]).toEqual(['note', 'source', 'log_message', 'target_label', 'reason']);
      expect(out.slice(1)).toEqual([
        ["'=1+1", "'@SUM(A1)", `'=HYPERLINK("http://evil") @regex`, 'Test Label', 'marker @regex'],
        ["'-2", 'ok', "'+cmd @llm", 'Test Label', 'marker @llm'],
      ]);
      await expectError(await upload(hostile, '?neutralize_formulas=maybe'), 400, 'INVALID_ARGUMENT', /neutralize_formulas must be true or false/);
    });

    it('carries a 1 MB message through the gateway and the tiers', async () => {
      const big = `${'a'.repeat(MiB)} @regex`;
      const res = await rawCsv(csvOf([['source', 'log_message'], ['S', big]]));
      expect(res.status).toBe(200);
      expect(parse(await res.text())).toEqual([['source', 'log_message', 'target_label'], ['S', big, 'Test Label']]);
    });

    it.each([
      ['a missing log_message column', 'source,message\nA,x\n', /missing required column "log_message"/],
      ['a missing source column', 'log_message\nx\n', /missing required column "source"/],
      ['an empty file', '', /empty file/],
      ['an unterminated quote', 'source,log_message\nA,ok\nB,"open\n', /record starting on line 3 is never closed/],
      ['a ragged row', 'source,log_message\nA,ok\nB,x,y\n', /Invalid Record Length: expect 2, got 3 on line 3/],
      ['non-UTF-8 bytes', Buffer.concat([Buffer.from('source,log_message\nA,caf'), Buffer.from([0xe9]), Buffer.from('\n')]), /invalid UTF-8 at byte 24 \(line 2\)/],
      ['a non-CSV (PNG) upload', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /invalid UTF-8 at byte 0/],
    ])('refuses %s with a 400 that says where (multipart and raw)', async (_what, body, message) => {
      await expectError(await upload(body), 400, 'INVALID_ARGUMENT', message);
      await expectError(await rawCsv(body), 400, 'INVALID_ARGUMENT', message);
    });

    it('answers a bad header with 400 at once, even while a large upload is still arriving', async () => {
      const large = `source,message\n${'S,some log line\n'.repeat(150_000)}`; // ~2.4 MB
      await expectError(await upload(large), 400, 'INVALID_ARGUMENT', /missing required column "log_message"/);
      await expectError(await rawCsv(large), 400, 'INVALID_ARGUMENT', /missing required column "log_message"/);
      // The connection is still good for the next request.
      expect((await rawCsv('source,log_message\nA,x\n')).status).toBe(200);
    });

    it('refuses an unknown column, a misnamed field and an unsupported content type', async () => {
      await expectError(await upload('source,log_message\n', '?columns=tier,colour'), 400, 'INVALID_ARGUMENT', /unknown column "colour"/);
      await expectError(await upload('source,log_message\n', '', 'upload'), 400, 'INVALID_ARGUMENT', /field named "file" \(got "upload"\)/);
      const noFile = new FormData();
      noFile.append('note', 'just a field');
      await expectError(await fetch(`${url}/classify`, { method: 'POST', body: noFile }), 400, 'INVALID_ARGUMENT', /no file in the multipart upload/);
      const res = await fetch(`${url}/classify`, { method: 'POST', body: 'x', headers: { 'content-type': 'application/pdf' } });
      await expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', /multipart\/form-data/);
    });

    it('refuses an upload over GATEWAY_MAX_UPLOAD_BYTES with 413, declared or streamed', async () => {
      const huge = `source,log_message\nA,"${'x'.repeat(4 * MiB)}"\n`;
      await expectError(await upload(huge), 413, 'PAYLOAD_TOO_LARGE', /limit of 3145728 bytes \(GATEWAY_MAX_UPLOAD_BYTES\)/);
      // No Content-Length: the limit is found while the body streams in.
      const streamed = await fetch(`${url}/classify`, {
        method: 'POST',
        body: Readable.toWeb(Readable.from([Buffer.from(huge)])) as ReadableStream,
        headers: { 'content-type': 'text/csv' },
        duplex: 'half',
      } as RequestInit);
      await expectError(streamed, 413, 'PAYLOAD_TOO_LARGE', /GATEWAY_MAX_UPLOAD_BYTES/);
    });

    it('breaks the response (never a short CSV) on a defect found after rows were sent', async () => {
      const good = Array.from({ length: 3000 }, (_, i) => ['S', `line ${i}`]);
      const res = await rawCsv(csvOf([['source', 'log_message'], ...good, ['S', 'x', 'extra']]));
      expect(res.status).toBe(200); // the first rows were already on their way
      await expect(res.text()).rejects.toThrow();
    });

    it('frees the upload slot when a client goes away mid-response', async () => {
      // Far more output than socket buffers hold, so the gateway is still working when the client leaves.
      const rows = Array.from({ length: 100_000 }, (_, i) => ['S', `line ${i}`]);
      const res = await rawCsv(csvOf([['source', 'log_message'], ...rows]));
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      await reader.read(); // the answer has started
      await reader.cancel(); // undici drops the connection
      // The only slot comes back once the gateway notices; until then a new upload may get 429.
      let status = 429;
      for (let attempt = 0; attempt < 200 && status === 429; attempt++) {
        const next = await rawCsv('source,log_message\nA,x\n');
        status = next.status;
        await next.text();
        if (status === 429) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(200);
    });

    it('answers 429 while the concurrent upload slots are taken', async () => {
      regex.hold();
      const first = rawCsv('source,log_message\nA,held\n');
      // Wait until the first upload reached the tier (it holds the only slot).
      while (regex.calls === 0 || regex.sources.at(-1) !== 'A') await new Promise((r) => setTimeout(r, 10));
      await expectError(await rawCsv('source,log_message\nB,x\n'), 429, 'RESOURCE_EXHAUSTED', /CSV uploads/);
      regex.release();
      expect((await first).status).toBe(200);
    });
  });

  describe('POST /classify/json', () => {
    const post = (body: unknown, query = '') =>
      fetch(`${url}/classify/json${query}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });

    it('answers one result per record, in order', async () => {
      const res = await post([
        { source: 'ModernCRM', log_message: 'login @regex label=User Action' },
        { source: 'LegacyCRM', log_message: 'x @llm' },
        { log_message: '' },
      ]);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual([
        { label: 'User Action', tier: 'regex', confidence: 0.9, reason: 'marker @regex' },
        { label: 'Test Label', tier: 'llm', confidence: 0.9, reason: 'marker @llm' },
        { label: 'Unclassified', tier: '', confidence: 0, reason: 'empty log_message' },
      ]);
      expect(await (await post([{ source: 'A', log_message: 'x @regex' }], '?columns=template')).json()).toEqual([{ label: 'Test Label', template: expect.any(String) }]);
    });

    it('names what is wrong with a body', async () => {
      await expectError(await post({ source: 'A' }), 400, 'INVALID_ARGUMENT', /must be a JSON array/);
      await expectError(await post([{ source: 'A', log_message: 'ok' }, { source: 'A' }]), 400, 'INVALID_ARGUMENT', /^body\[1\]\.log_message must be a string$/);
      await expectError(await post([{ source: 3, log_message: 'x' }]), 400, 'INVALID_ARGUMENT', /body\[0\]\.source must be a string/);
      await expectError(await post('[{"source": "A",'), 400, 'INVALID_ARGUMENT', /JSON/);
      await expectError(await post(Array.from({ length: 101 }, () => ({ log_message: 'x' }))), 413, 'PAYLOAD_TOO_LARGE', /GATEWAY_MAX_JSON_RECORDS/);
      await expectError(await post([{ log_message: 'x'.repeat(200_000) }]), 413, 'PAYLOAD_TOO_LARGE', /limit of 100000 bytes \(GATEWAY_MAX_JSON_BYTES\)/);
    });
  });

  it('answers /healthz, /readyz and unknown routes', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      tiers: [
        { name: 'regex', address: tiers[0].address, health: 'SERVING', breaker: 'closed' },
        { name: 'llm', address: tiers[1].address, health: 'SERVING', breaker: 'closed' },
      ],
    });
    await expectError(await fetch(`${url}/nope`), 404, 'NOT_FOUND', /no route GET \/nope/);
  });
});
