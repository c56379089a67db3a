import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium; .ci/run installs it): playwright-core never downloads a browser. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What a page did that a test may want to forbid: requests, alert()s, console errors (CSP violations land there). */
export interface PageRecorder {
  requests: string[];
  dialogs: string[];
  consoleErrors: string[];
}

export function recordPage(page: Page): PageRecorder {
  const recorder: PageRecorder = { requests: [], dialogs: [], consoleErrors: [] };
  page.on('request', (request) => recorder.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    recorder.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') recorder.consoleErrors.push(message.text());
  });
  page.on('pageerror', (err) => recorder.consoleErrors.push(err.message));
  return recorder;
}

/** Hosts of every request except in-page ones (blob:, data:). */
export function requestedHosts(recorder: PageRecorder): string[] {
  return [...new Set(recorder.requests.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).hostname))];
}
