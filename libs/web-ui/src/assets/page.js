// @ts-check
import { classifyFile } from './classify-request.js';
import { CsvReader } from './csv-reader.js';
import { byId, formatCount } from './dom.js';
import { RunSummary } from './run-summary.js';
import { renderSummary } from './summary-view.js';

/** Everything the summary needs; template is what groups similar lines. */
const COLUMNS = 'tier,confidence,reason,template';
const LIMITS = { previewRows: 50, unclassifiedExamples: 20 };
/** Redrawing charts for every streamed piece of a large file would cost more than the parsing. */
const REDRAW_EVERY_MS = 250;

const form = /** @type {HTMLFormElement} */ (byId('upload-form'));
const fileInput = /** @type {HTMLInputElement} */ (byId('file-input'));
const apiKeyInput = /** @type {HTMLInputElement} */ (byId('api-key'));
const neutralizeInput = /** @type {HTMLInputElement} */ (byId('neutralize-formulas'));
const button = /** @type {HTMLButtonElement} */ (byId('classify-button'));
const cancelButton = /** @type {HTMLButtonElement} */ (byId('cancel-button'));
const uploadBar = /** @type {HTMLProgressElement} */ (byId('upload-progress'));
const download = /** @type {HTMLAnchorElement} */ (byId('download'));
/** @type {string | undefined} */
let downloadUrl;
/** @type {AbortController | undefined} */
let running;

/** @param {string} text @param {'info' | 'error' | 'done'} kind */
function setStatus(text, kind = 'info') {
  const status = byId('status');
  status.textContent = text;
  status.className = `status ${kind}`;
}

/** @param {number} bytes */
const formatBytes = (bytes) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  byId('file-name').textContent = file ? `${file.name} (${formatBytes(file.size)})` : 'No file selected';
  button.disabled = !file;
});

cancelButton.addEventListener('click', () => running?.abort());

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const file = fileInput.files?.[0];
  if (file) void run(file);
});

/** @param {File} file */
async function run(file) {
  const controller = new AbortController();
  running = controller;
  button.hidden = true;
  cancelButton.hidden = false;
  download.hidden = true;
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  byId('progress').hidden = false;
  byId('results').hidden = true;
  uploadBar.value = 0;
  byId('upload-text').textContent = '';
  byId('rows-text').textContent = '0';
  setStatus(`Uploading ${file.name}…`);

  const reader = new CsvReader();
  /** @type {RunSummary | undefined} */
  let summary;
  let lastDraw = 0;
  const take = (/** @type {string[][]} */ rows) => {
    for (const row of rows) {
      if (!summary) summary = new RunSummary(row, LIMITS);
      else summary.add(row);
    }
  };
  const redraw = () => {
    if (!summary) return;
    byId('rows-text').textContent = formatCount(summary.rows);
    byId('results').hidden = false;
    renderSummary(summary);
    lastDraw = performance.now();
  };

  const outcome = await classifyFile(
    file,
    { columns: COLUMNS, apiKey: apiKeyInput.value.trim(), neutralizeFormulas: neutralizeInput.checked, signal: controller.signal },
    {
      onUploadProgress: (sent, total) => {
        uploadBar.value = total > 0 ? sent / total : 1;
        byId('upload-text').textContent = `${formatBytes(sent)} of ${formatBytes(total)}`;
        if (sent >= total) setStatus('Classifying…');
      },
      onCsvText: (text) => {
        take(reader.push(text));
        if (summary) byId('rows-text').textContent = formatCount(summary.rows);
        if (performance.now() - lastDraw > REDRAW_EVERY_MS) redraw();
      },
    },
  );
  running = undefined;
  button.hidden = false;
  cancelButton.hidden = true;
  if (!outcome.ok) {
    redraw();
    setStatus(controller.signal.aborted ? 'Cancelled: the rows shown are those classified before.' : `Classification failed: ${outcome.message}`, 'error');
    return;
  }
  take(reader.finish());
  uploadBar.value = 1;
  redraw();
  downloadUrl = URL.createObjectURL(new Blob([outcome.csv], { type: 'text/csv' }));
  download.href = downloadUrl;
  download.download = `${file.name.replace(/\.csv$/i, '')}-classified.csv`;
  download.hidden = false;
  setStatus(`Done: ${formatCount(summary?.rows ?? 0)} rows classified.`, 'done');
}
