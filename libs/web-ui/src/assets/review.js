// @ts-check
/**
 * The review of the LLM tier's template-label store (GET /review/entries and
 * POST /review/entries/confirm|correct|delete). Templates, exemplars and
 * answers are log text, attacker-controlled: they only ever go in as text (el()).
 */
import { byId, el, formatCount } from './dom.js';

const PAGE_SIZE = 25;
const OPERATOR = 'operator';

/**
 * @typedef {object} ReviewEntry
 * @property {string} scope
 * @property {string} template
 * @property {string | null} label
 * @property {string} answer
 * @property {string} decided_by
 * @property {string} decided_at
 * @property {string | null} confirmed_at
 * @property {number} rows_answered
 * @property {string} exemplar
 * @property {string} model
 * @property {boolean} current_taxonomy
 * @property {{ prompt_version: string, call_id: string, call_records: number, suspect: boolean }} provenance
 */

/** @typedef {{ total: number, limit: number, offset: number, labels: string[], entries: ReviewEntry[] }} ReviewPage */

const form = /** @type {HTMLFormElement} */ (byId('review-filters'));
const labelFilter = /** @type {HTMLSelectElement} */ (byId('review-label'));
const decidedBy = /** @type {HTMLInputElement} */ (byId('review-decided-by'));
const sort = /** @type {HTMLSelectElement} */ (byId('review-sort'));
const unconfirmed = /** @type {HTMLInputElement} */ (byId('review-unconfirmed'));
const suspect = /** @type {HTMLInputElement} */ (byId('review-suspect'));
const prev = /** @type {HTMLButtonElement} */ (byId('review-prev'));
const next = /** @type {HTMLButtonElement} */ (byId('review-next'));
const apiKey = /** @type {HTMLInputElement} */ (byId('api-key'));

let offset = 0;
/** @type {string[]} */
let labels = [];

/** @param {string} text @param {'info' | 'error' | 'done'} kind */
function setStatus(text, kind = 'info') {
  const status = byId('review-status');
  status.textContent = text;
  status.className = `status ${kind}`;
}

/** @returns {Record<string, string>} */
function headers() {
  const key = apiKey.value.trim();
  return key ? { 'x-api-key': key } : {};
}

/** @param {Response} res */
async function failure(res) {
  try {
    const body = await res.json();
    if (body && typeof body.message === 'string') return `${res.status} ${body.error ?? ''}: ${body.message}`;
  } catch {
    // not JSON
  }
  return `${res.status} ${res.statusText}`;
}

/** @param {string} path @param {object} body */
async function post(path, body) {
  const res = await fetch(path, { method: 'POST', headers: { ...headers(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(await failure(res));
  return res.json();
}

/** @param {string[]} names */
function offerLabels(names) {
  if (names.join('\n') === labels.join('\n')) return;
  labels = names;
  const chosen = labelFilter.value;
  labelFilter.replaceChildren(el('option', {}, 'any'), ...[...names, 'Unclassified'].map((n) => el('option', {}, n)));
  labelFilter.options[0].value = '';
  labelFilter.value = chosen;
}

/** @param {ReviewEntry[]} entries */
function offerDeciders(entries) {
  const list = byId('review-deciders');
  const known = new Set([...list.querySelectorAll('option')].map((o) => o.value));
  for (const e of entries) {
    if (known.has(e.decided_by)) continue;
    known.add(e.decided_by);
    const option = el('option');
    option.value = e.decided_by;
    list.append(option);
  }
}

/** @param {ReviewEntry} e */
function whoDecided(e) {
  if (e.decided_by === OPERATOR) return 'operator';
  return e.confirmed_at ? `${e.decided_by}, confirmed` : e.decided_by;
}

/** @param {ReviewEntry} e */
function provenance(e) {
  const p = e.provenance;
  if (e.decided_by === OPERATOR) return '';
  const asked = p.call_records === 1 ? 'asked alone' : p.call_records > 1 ? `with ${p.call_records - 1} other lines` : 'unknown call';
  return `${asked}${p.prompt_version ? `, prompt ${p.prompt_version}` : ''}${e.current_taxonomy ? '' : ', other taxonomy'}`;
}

/**
 * @param {string} text
 * @param {() => Promise<unknown>} action
 * @param {string} className
 */
function actionButton(text, action, className = 'secondary small') {
  const button = el('button', { className }, text);
  button.type = 'button';
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await action();
      await load();
    } catch (err) {
      setStatus(`${text} failed: ${/** @type {Error} */ (err).message}`, 'error');
      button.disabled = false;
    }
  });
  return button;
}

/** @param {ReviewEntry} e */
function actions(e) {
  const key = { scope: e.scope, template: e.template };
  const correction = el('select', { className: 'review-correct-label', title: 'Correct to' }, ...labels.map((n) => el('option', {}, n)));
  if (e.label && labels.includes(e.label)) correction.value = e.label;
  const cell = el('td', { className: 'review-actions' });
  if (e.decided_by !== OPERATOR && !e.confirmed_at) cell.append(actionButton('Confirm', () => post('review/entries/confirm', key)));
  cell.append(correction, actionButton('Correct', () => post('review/entries/correct', { ...key, label: correction.value })));
  cell.append(actionButton('Delete', () => post('review/entries/delete', key), 'secondary small danger'));
  return cell;
}

/** @param {ReviewEntry} e */
function row(e) {
  const line = el('td', { className: 'review-line', title: `template: ${e.template}` }, e.exemplar || e.template);
  const flag = e.provenance.suspect ? el('span', { className: 'flag', title: 'The line looked like instructions to the model: it was asked alone' }, 'instructions?') : '';
  const tr = el(
    'tr',
    {},
    el('td', {}, formatCount(e.rows_answered)),
    el('td', { className: 'review-label' }, e.label ?? 'Unclassified'),
    el('td', { className: 'review-decided-by' }, whoDecided(e)),
    line,
    el('td', {}, e.scope),
    el('td', { className: 'review-provenance' }, provenance(e), flag),
    actions(e),
  );
  tr.dataset.template = e.template;
  tr.dataset.scope = e.scope;
  return tr;
}

/** @param {ReviewPage} page */
function render(page) {
  const head = el('thead', {}, el('tr', {}, ...['Rows', 'Label', 'Decided by', 'Line', 'Scope', 'How it was asked', ''].map((h) => el('th', {}, h))));
  byId('review-table').replaceChildren(el('table', { className: 'data review-entries' }, head, el('tbody', {}, ...page.entries.map(row))));
  const last = Math.min(page.offset + page.entries.length, page.total);
  byId('review-page').textContent = page.total === 0 ? 'no entries' : `${formatCount(page.offset + 1)}–${formatCount(last)} of ${formatCount(page.total)}`;
  prev.disabled = page.offset === 0;
  next.disabled = last >= page.total;
}

async function load() {
  const query = new URLSearchParams({ sort: sort.value, limit: String(PAGE_SIZE), offset: String(offset) });
  if (labelFilter.value) query.set('label', labelFilter.value);
  if (decidedBy.value.trim()) query.set('decided_by', decidedBy.value.trim());
  if (unconfirmed.checked) query.set('confirmed', 'false');
  if (suspect.checked) query.set('suspect', 'true');
  setStatus('Loading…');
  try {
    const res = await fetch(`review/entries?${query}`, { headers: headers() });
    if (!res.ok) {
      setStatus(`Could not load the entries: ${await failure(res)}${res.status === 401 ? ' (enter the API key under Options)' : ''}`, 'error');
      return;
    }
    /** @type {ReviewPage} */
    const page = await res.json();
    // A page past the end (the last entries deleted): go back to the last page that has some.
    if (page.entries.length === 0 && page.total > 0 && offset > 0) {
      offset = Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE);
      return load();
    }
    offerLabels(page.labels);
    offerDeciders(page.entries);
    render(page);
    setStatus(`${formatCount(page.total)} ${page.total === 1 ? 'entry' : 'entries'}.`, 'done');
  } catch (err) {
    setStatus(`Could not load the entries: ${/** @type {Error} */ (err).message}`, 'error');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  offset = 0;
  void load();
});
prev.addEventListener('click', () => {
  offset = Math.max(0, offset - PAGE_SIZE);
  void load();
});
next.addEventListener('click', () => {
  offset += PAGE_SIZE;
  void load();
});

// Loaded when asked for (the Review link, or a page opened at #review): the upload page alone never calls the review API.
const showIfAsked = () => {
  if (location.hash === '#review') void load();
};
window.addEventListener('hashchange', showIfAsked);
showIfAsked();
