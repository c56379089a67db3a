import { request } from 'node:http';
import { parse } from 'csv-parse/sync';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { MarkerTier } from '@logclass/test-support';
import { startTestGateway, startTier } from '../test/gateway-fixture';
import type { RunningGateway } from './index';

const jsonLines = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('POST /classify with plain lines and JSON lines, and POST /classify/, over a real gRPC tier', () => {
  const regex = new MarkerTier('regex');
  let tier: RunningClassifierServer;
  let gateway: RunningGateway;
  let url: string;

  beforeAll(async () => {
    tier = await startTier(regex);
    gateway = await startTestGateway({ GATEWAY_TIERS: `regex=${tier.address}`, GATEWAY_ROUTING: '{}', GATEWAY_CSV_BATCH_SIZE: '64' });
    url = gateway.httpUrl;
  });

  afterAll(async () => {
    await gateway.stop();
    await tier.stop(100);
  });

  const post = (path: string, body: string | Buffer, contentType: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method: 'POST', body, headers: { 'content-type': contentType, ...headers } });

  it('answers text/plain lines with a CSV, one row per record, multi-line records joined, ?source for all', async () => {
    const body = [
      'job 17 failed @regex label=Error',
      'java.lang.IllegalStateException: boom',
      '\tat com.example.Service.run(Service.java:42)',
      'Caused by: java.io.IOException: disk full',
      '\t... 12 more',
      'user 7 logged in, "quoted" @regex label=User Action',
    ].join('\n');
    const res = await post('/classify?source=billing&columns=tier', body, 'text/plain; charset=utf-8');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(parse(await res.text())).toEqual([
      ['source', 'log_message', 'target_label', 'tier'],
      ['billing', 'job 17 failed @regex label=Error', 'Error', 'regex'],
      ['billing', 'java.lang.IllegalStateException: boom\n\tat com.example.Service.run(Service.java:42)\nCaused by: java.io.IOException: disk full\n\t... 12 more', 'Unclassified', ''],
      ['billing', 'user 7 logged in, "quoted" @regex label=User Action', 'User Action', 'regex'],
    ]);
    // An empty continuation pattern: every line is a record.
    const each = await post('/classify?continuation=', body, 'text/plain');
    expect(parse(await each.text())).toHaveLength(7);
  });

  it('answers JSON lines with JSON lines (each object echoed with its label), bad lines in place', async () => {
    const body = [
      '{"ts":"10:00","log":{"message":"user 1 logged in @regex label=User Action"},"resource":{"service.name":"auth"}}',
      'not json at all',
      '{"ts":"10:02","log":{"message":"nothing to see"}}',
    ].join('\n');
    const res = await post('/classify?message_field=log.message&source_field=resource.service.name&source=unknown', body, 'application/x-ndjson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(jsonLines(await res.text())).toEqual([
      { ts: '10:00', log: { message: 'user 1 logged in @regex label=User Action' }, resource: { 'service.name': 'auth' }, target_label: 'User Action', tier: 'regex', confidence: 0.9, reason: 'marker @regex' },
      { source: 'unknown', log_message: 'not json at all', target_label: 'Unclassified', tier: '', confidence: 0, reason: expect.stringMatching(/^line 2 is not valid JSON/) },
      { ts: '10:02', log: { message: 'nothing to see' }, target_label: 'Unclassified', tier: '', confidence: 0, reason: expect.stringMatching(/no tier decided/) },
    ]);
    expect(regex.sources.slice(-2)).toEqual(['auth', 'unknown']);
  });

  it('answers in the format the Accept header names, whatever came in', async () => {
    const asJson = await post('/classify', 'a line @regex\n', 'text/plain', { accept: 'application/x-ndjson' });
    expect(jsonLines(await asJson.text())).toEqual([{ source: '', log_message: 'a line @regex', target_label: 'Test Label', tier: 'regex', confidence: 0.9, reason: 'marker @regex' }]);
    const asCsv = await post('/classify', '{"log_message":"x @regex","source":"s"}\n', 'application/x-ndjson', { accept: 'text/csv, */*' });
    expect(await asCsv.text()).toBe('source,log_message,target_label\ns,x @regex,Test Label\n');
    const csvAsJson = await post('/classify?columns=', 'id,source,log_message\n7,s,y @regex\n', 'text/csv', { accept: 'application/jsonl' });
    expect(jsonLines(await csvAsJson.text())).toEqual([{ id: '7', source: 's', log_message: 'y @regex', target_label: 'Test Label' }]);
  });

  it('refuses an unsafe or broken continuation pattern with 400', async () => {
    for (const [pattern, message] of [['(a+)+$', /continuation pattern refused \(nested quantifier/], ['([', /not a valid regular expression/]] as const) {
      const res = await post(`/classify?continuation=${encodeURIComponent(pattern)}`, 'x\n', 'text/plain');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'INVALID_ARGUMENT', message: expect.stringMatching(message) });
    }
  });

  it('streams a slow body: each record is answered while the request is still open', async () => {
    let answered = '';
    const req = request(`${url}/classify`, { method: 'POST', headers: { 'content-type': 'text/plain', accept: 'application/x-ndjson' } });
    const ended = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.on('data', (chunk: Buffer) => (answered += chunk.toString()));
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    // The complete lines received so far (a chunk may end inside one).
    const records = () => answered.split('\n').slice(0, -1).map((l) => (JSON.parse(l) as { log_message: string }).log_message);
    const latencies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const sent = Date.now();
      req.write(`line ${i} @regex\n`);
      // Without the partial-batch flush nothing would come back before the body ends: this would time out.
      while (records().length <= i && Date.now() - sent < 5000) await new Promise((r) => setTimeout(r, 20));
      latencies.push(Date.now() - sent);
    }
    // Every line came back while the body was still open, each soon after it was sent.
    expect(records()).toEqual(['line 0 @regex', 'line 1 @regex', 'line 2 @regex']);
    expect(Math.max(...latencies)).toBeLessThan(2000);
    req.end();
    expect(await ended).toBe(200);
  });

  describe('POST /classify/ (the original route, trailing slash)', () => {
    it('answers exactly as POST /classify: a multipart CSV, a raw CSV, lines, and the same errors', async () => {
      const csv = 'source,log_message\nModernCRM,User 12 logged in @regex label=User Action\nB,"nothing, really"\n';
      const form = () => {
        const f = new FormData();
        f.append('file', new Blob([csv], { type: 'text/csv' }), 'logs.csv');
        return f;
      };
      const both = async (send: (path: string) => Promise<Response>) => {
        const [a, b] = await Promise.all([send('/classify'), send('/classify/')]);
        return [
          { status: a.status, type: a.headers.get('content-type'), body: await a.text() },
          { status: b.status, type: b.headers.get('content-type'), body: await b.text() },
        ];
      };
      const multipart = await both((path) => fetch(`${url}${path}?columns=tier,reason`, { method: 'POST', body: form() }));
      expect(multipart[1]).toEqual(multipart[0]);
      expect(multipart[0]).toMatchObject({ status: 200, body: expect.stringMatching(/^source,log_message,target_label,tier,reason\nModernCRM,.*,User Action,regex,marker @regex\n/) });
      const raw = await both((path) => post(path, csv, 'text/csv'));
      expect(raw[1]).toEqual(raw[0]);
      const lines = await both((path) => post(`${path}?source=x`, 'one @regex\ntwo\n', 'text/plain'));
      expect(lines[1]).toEqual(lines[0]);
      expect(lines[0].body).toBe('source,log_message,target_label\nx,one @regex,Test Label\nx,two,Unclassified\n');
      const refused = await both((path) => post(path, 'source,message\nA,x\n', 'text/csv'));
      expect(refused[1]).toEqual(refused[0]);
      expect(refused[0]).toMatchObject({ status: 400, body: expect.stringMatching(/missing required column \\"log_message\\"/) });
      const wrongType = await both((path) => post(path, 'x', 'application/pdf'));
      expect(wrongType[1]).toEqual(wrongType[0]);
      expect(wrongType[0].status).toBe(415);
    });
  });
});
