// @ts-check
/**
 * POST /classify through XMLHttpRequest rather than fetch: only XHR reports
 * upload progress. The answer is handed over in pieces as it streams, so the
 * page counts rows while the gateway is still classifying.
 */

/**
 * @typedef {object} ClassifyCallbacks
 * @property {(sent: number, total: number) => void} onUploadProgress
 * @property {(text: string) => void} onCsvText the next piece of a 200 answer
 */

/**
 * @typedef {{ ok: true, csv: string } | { ok: false, message: string }} ClassifyOutcome
 */

/**
 * @param {File} file
 * @param {{ columns: string, apiKey: string, neutralizeFormulas: boolean, signal: AbortSignal }} options
 * @param {ClassifyCallbacks} callbacks
 * @returns {Promise<ClassifyOutcome>}
 */
export function classifyFile(file, options, callbacks) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    const deliver = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      if (text.length > seen) callbacks.onCsvText(text.slice(seen));
      seen = text.length;
    };
    const query = new URLSearchParams({ columns: options.columns });
    if (options.neutralizeFormulas) query.set('neutralize_formulas', 'true');
    xhr.open('POST', `classify?${query}`);
    if (options.apiKey) xhr.setRequestHeader('x-api-key', options.apiKey);
    xhr.upload.onprogress = (e) => callbacks.onUploadProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onprogress = deliver;
    xhr.onload = () => {
      if (xhr.status === 200) {
        deliver();
        resolve({ ok: true, csv: xhr.responseText });
      } else {
        resolve({ ok: false, message: errorMessage(xhr) });
      }
    };
    // A transfer broken after the first rows means the gateway hit a problem deep in the file.
    xhr.onerror = () =>
      resolve({ ok: false, message: seen > 0 ? 'the transfer broke before the end: the file has a problem past the rows shown (or the gateway stopped)' : 'the gateway could not be reached' });
    xhr.onabort = () => resolve({ ok: false, message: 'cancelled' });
    // Aborting closes the connection: the gateway stops classifying and frees the upload slot.
    options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** @param {XMLHttpRequest} xhr */
function errorMessage(xhr) {
  try {
    const body = JSON.parse(xhr.responseText);
    if (body && typeof body.message === 'string') return `${xhr.status} ${body.error ?? ''}: ${body.message}`;
  } catch {
    // not JSON: fall through to the status line
  }
  return `${xhr.status} ${xhr.statusText}`;
}
