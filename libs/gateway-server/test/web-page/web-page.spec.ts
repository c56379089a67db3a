import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { MarkerTier } from '@logclass/test-support';
import type { RunningGateway } from '../../src';
import { startTestGateway, startTier } from '../gateway-fixture';
import { launchChromium, recordPage, requestedHosts, type PageRecorder } from './browser';

/**
 * The page (libs/web-ui) driven in a real browser against a real gateway: what it shows depends on how
 * the gateway streams /classify, and Cancel must stop the gateway's work, so this lives with the gateway.
 */
jest.setTimeout(60_000);

const XSS = '<img src=x onerror=alert(1)>';
/** Enough rows, with quoted multi-line messages, that the answer streams in many pieces. */
const MULTILINE_ROWS = 1000;

function sampleCsv(): string {
  const lines = [
    'id,source,log_message',
    '1,ModernCRM,User 12 logged in @regex label=User Action',
    '2,ModernCRM,Backup completed @regex label=System Notification',
    '3,ModernCRM,User 99 logged in @regex label=User Action',
    '4,LegacyCRM,Case escalation failed @llm label=Workflow Error',
    `5,BillingSystem,${XSS}`,
    '6,ModernCRM,',
  ];
  for (let i = 0; i < MULTILINE_ROWS; i++) lines.push(`${7 + i},ModernCRM,"job ${i} failed\nat step ""copy"", @regex label=Error"`);
  return lines.join('\n') + '\n';
}

/** Polls until a condition holds (the test's timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The bars of a chart as {name: count}. */
const barCounts = (page: Page, chart: string) =>
  page.$$eval(`${chart} rect.bar`, (bars) => Object.fromEntries(bars.map((b) => [b.getAttribute('data-name'), Number(b.getAttribute('data-count'))])));

describe('web page and /docs in a real browser', () => {
  const tiers: RunningClassifierServer[] = [];
  const regexTier = new MarkerTier('regex');
  let gateway: RunningGateway;
  let browser: Browser;

  beforeAll(async () => {
    tiers.push(await startTier(regexTier), await startTier(new MarkerTier('llm')));
    gateway = await startTestGateway({
      GATEWAY_TIERS: `regex=${tiers[0].address},llm=${tiers[1].address}`,
      GATEWAY_ROUTING: '{"LegacyCRM":["llm"]}',
      GATEWAY_CSV_BATCH_SIZE: '100',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await Promise.all(tiers.map((t) => t.stop(100)));
  });

  /**
   * Opens the page and uploads the sample with the regex tier held from its
   * third batch call on: resolves once the first batches' rows have reached
   * the page while the rest wait. releaseTier() lets them go.
   */
  async function uploadHeldMidway(page: Page): Promise<void> {
    await page.goto(`${gateway.httpUrl}/`);
    const firstCall = regexTier.calls;
    regexTier.onCall = (call) => {
      if (call === firstCall + 3) regexTier.hold();
    };
    await page.setInputFiles('#file-input', { name: 'logs.csv', mimeType: 'text/csv', buffer: Buffer.from(sampleCsv()) });
    await page.click('#classify-button');
    await page.waitForFunction("Number(document.getElementById('rows-text').textContent.replace(/,/g, '')) > 0");
  }

  function releaseTier(): void {
    regexTier.onCall = undefined;
    regexTier.release();
  }

  describe('GET /: upload a CSV', () => {
    let page: Page;
    let recorder: PageRecorder;

    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      recorder = recordPage(page);
      await page.goto(`${gateway.httpUrl}/`);
      await page.setInputFiles('#file-input', { name: 'logs.csv', mimeType: 'text/csv', buffer: Buffer.from(sampleCsv()) });
      await page.click('#classify-button');
      await page.waitForSelector('#status.done');
    });

    afterAll(() => page.close());

    it('shows the counts by label and by deciding tier', async () => {
      expect(await page.textContent('#status')).toBe(`Done: ${(6 + MULTILINE_ROWS).toLocaleString('en-US')} rows classified.`);
      expect(await barCounts(page, '#chart-labels')).toEqual({
        Error: MULTILINE_ROWS,
        'User Action': 2,
        'System Notification': 1,
        'Workflow Error': 1,
        Unclassified: 2,
      });
      expect(await barCounts(page, '#chart-tiers')).toEqual({ regex: MULTILINE_ROWS + 3, llm: 1, none: 2 });
      expect(await page.textContent('#rows-text')).toBe((6 + MULTILINE_ROWS).toLocaleString('en-US'));
      expect(await page.$eval('#upload-progress', (p) => (p as unknown as { value: number }).value)).toBe(1);
      expect(await page.textContent('#upload-text')).toMatch(/^([\d.]+ KB) of \1$/);
    });

    it('says why rows were left Unclassified', async () => {
      const reasons = await page.$$eval('#unclassified table.reasons td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
      expect(reasons).toEqual(expect.arrayContaining(['empty log_message', expect.stringMatching(/no tier decided/)]));
    });

    it('renders a hostile log line as text: no element made, no script run', async () => {
      const cells = await page.$$eval('#unclassified table.examples td', (tds) => tds.map((td) => td.textContent));
      expect(cells).toContain(XSS);
      expect(await page.$$('img[src="x"]')).toHaveLength(0);
      expect(await page.$$('#results img')).toHaveLength(0);
      expect(recorder.dialogs).toEqual([]);
    });

    it('previews the first rows with the added columns', async () => {
      const header = await page.$$eval('#preview th', (ths) => ths.map((th) => th.textContent));
      expect(header).toEqual(['id', 'source', 'log_message', 'target_label', 'tier', 'confidence', 'reason', 'template']);
      expect(await page.$$('#preview tbody tr')).toHaveLength(50);
      expect(await page.textContent('#preview tbody tr:nth-child(7) td:nth-child(3)')).toBe('job 0 failed\nat step "copy", @regex label=Error');
    });

    it('offers the labelled CSV for download', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      expect(download.suggestedFilename()).toBe('logs-classified.csv');
      const rows = parse(await readFile(await download.path(), 'utf8')) as string[][];
      expect(rows[0].slice(0, 4)).toEqual(['id', 'source', 'log_message', 'target_label']);
      expect(rows).toHaveLength(1 + 6 + MULTILINE_ROWS);
      expect(rows.slice(1, 7).map((r) => [r[0], r[3]])).toEqual([
        ['1', 'User Action'],
        ['2', 'System Notification'],
        ['3', 'User Action'],
        ['4', 'Workflow Error'],
        ['5', 'Unclassified'],
        ['6', 'Unclassified'],
      ]);
    });

    it('loads nothing from outside and logs no error', async () => {
      await page.screenshot({ path: join(tmpdir(), 'logclass-web-page.png'), fullPage: true });
      expect(requestedHosts(recorder)).toEqual(['127.0.0.1']);
      expect(recorder.consoleErrors).toEqual([]);
    });
  });

  it('neutralises spreadsheet formulas in the download when asked', async () => {
    const page = await browser.newPage();
    await page.goto(`${gateway.httpUrl}/`);
    await page.click('details.options summary');
    await page.check('#neutralize-formulas');
    await page.setInputFiles('#file-input', { name: 'f.csv', mimeType: 'text/csv', buffer: Buffer.from('source,log_message\n=cmd,"@SUM(A1) @regex label=Error"\n') });
    await page.click('#classify-button');
    await page.waitForSelector('#status.done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const rows = parse(await readFile(await download.path(), 'utf8')) as string[][];
    expect(rows[1].slice(0, 3)).toEqual(["'=cmd", "'@SUM(A1) @regex label=Error", 'Error']);
    await page.close();
  });

  it('shows a refused upload\'s message', async () => {
    const page = await browser.newPage();
    await page.goto(`${gateway.httpUrl}/`);
    await page.setInputFiles('#file-input', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('source,message\nA,b\n') });
    await page.click('#classify-button');
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toMatch(/^Classification failed: 400 INVALID_ARGUMENT: missing required column "log_message"/);
    expect(await page.isHidden('#download')).toBe(true);
    await page.close();
  });

  it('GET /docs: Swagger UI from local assets, listing every operation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const recorder = recordPage(page);
    await page.goto(`${gateway.httpUrl}/docs`);
    await page.waitForSelector('.swagger-ui .opblock');
    const operations = await page.$$eval('.opblock-summary-path', (paths) => paths.map((p) => p.getAttribute('data-path')));
    expect(operations).toEqual(expect.arrayContaining(['/classify', '/classify/json', '/healthz', '/readyz', '/openapi.json']));
    await page.screenshot({ path: join(tmpdir(), 'logclass-docs.png') });
    expect(requestedHosts(recorder)).toEqual(['127.0.0.1']);
    expect(recorder.requests).toEqual(expect.arrayContaining([`${gateway.httpUrl}/docs/assets/swagger-ui-bundle.js`, `${gateway.httpUrl}/openapi.json`]));
    expect(recorder.consoleErrors).toEqual([]);
    await page.close();
  });

  it('GET /docs: a CSV uploaded with "Try it out" comes back labelled', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${gateway.httpUrl}/docs`);
    const operation = page.locator('#operations-classification-classifyCsv');
    await operation.locator('.opblock-summary').click();
    // docs-init.js opens every operation in "Try it out" mode.
    await operation.locator('input[type="file"]').setInputFiles({
      name: 'logs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('source,log_message\nModernCRM,User 1 logged in @regex label=User Action\n'),
    });
    await operation.locator('button.execute').click();
    const response = operation.locator('.live-responses-table tbody tr.response');
    await response.waitFor();
    expect(await response.locator('.response-col_status').textContent()).toBe('200');
    // The answer is an attachment, so Swagger UI offers it as a file rather than printing it.
    const [download] = await Promise.all([page.waitForEvent('download'), response.locator('a[download]').click()]);
    // Swagger UI fills `columns` with the documented example, tier,confidence,reason.
    expect(parse(await readFile(await download.path(), 'utf8'))).toEqual([
      ['source', 'log_message', 'target_label', 'tier', 'confidence', 'reason'],
      ['ModernCRM', 'User 1 logged in @regex label=User Action', 'User Action', 'regex', '0.9', 'marker @regex'],
    ]);
    await page.close();
  });

  it('counts rows and draws the summary while the answer is still streaming', async () => {
    const page = await browser.newPage();
    try {
      await uploadHeldMidway(page);
      const partial = Number((await page.textContent('#rows-text'))?.replace(/,/g, ''));
      expect(partial).toBeLessThan(6 + MULTILINE_ROWS);
      expect(await page.isVisible('#chart-labels rect.bar')).toBe(true);
      expect(await page.getAttribute('#status', 'class')).not.toContain('done');
    } finally {
      releaseTier();
    }
    await page.waitForSelector('#status.done');
    expect(await page.textContent('#rows-text')).toBe((6 + MULTILINE_ROWS).toLocaleString('en-US'));
    await page.close();
  });

  it('parses CSV the same however the streamed text is split (the page\'s own reader)', async () => {
    const page = await browser.newPage();
    await page.goto(`${gateway.httpUrl}/`);
    const text = 'a,b\r\n"x, ""y""","multi\r\nline"\n,\n"last",no-newline';
    // A string, not a function: ts-jest would compile import() for CommonJS, which the page has not.
    const splits = (await page.evaluate(`(async (csv) => {
      const { CsvReader } = await import('/docs/assets/csv-reader.js');
      const read = (pieces) => {
        const reader = new CsvReader();
        return [...pieces.flatMap((p) => reader.push(p)), ...reader.finish()];
      };
      const whole = JSON.stringify(read([csv]));
      const differing = [];
      for (let i = 0; i <= csv.length; i++) {
        for (let j = i; j <= csv.length; j++) if (JSON.stringify(read([csv.slice(0, i), csv.slice(i, j), csv.slice(j)])) !== whole) differing.push([i, j]);
      }
      return { whole: JSON.parse(whole), differing };
    })(${JSON.stringify(text)})`)) as { whole: string[][]; differing: number[][] };
    expect(splits.whole).toEqual([
      ['a', 'b'],
      ['x, "y"', 'multi\r\nline'],
      ['', ''],
      ['last', 'no-newline'],
    ]);
    expect(splits.differing).toEqual([]);
    await page.close();
  });

  it('Cancel stops the upload and the gateway stops classifying it', async () => {
    const page = await browser.newPage();
    const cancelledBefore = regexTier.cancelled;
    try {
      await uploadHeldMidway(page);
      await page.click('#cancel-button');
      await page.waitForSelector('#status.error');
      expect(await page.textContent('#status')).toMatch(/^Cancelled/);
      expect(await page.isHidden('#download')).toBe(true);
      expect(await page.isVisible('#classify-button')).toBe(true);
      // The held tier call hears the cancellation: the gateway gave up on the file.
      await until(() => regexTier.cancelled > cancelledBefore);
    } finally {
      releaseTier();
    }
    await page.close();
  });
});
