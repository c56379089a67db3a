// @ts-check
import { barChart } from './bar-chart.js';
import { byId, el, formatCount, formatPercent, textTable } from './dom.js';
import { mostFrequent, NO_TIER } from './run-summary.js';

/** @typedef {import('./run-summary.js').RunSummary} RunSummary */

const TIER_COLORS = { regex: '#2563eb', embedding: '#7c3aed', llm: '#ea580c', [NO_TIER]: '#94a3b8' };
const LABEL_PALETTE = ['#0f766e', '#2563eb', '#7c3aed', '#db2777', '#ea580c', '#ca8a04', '#16a34a', '#0891b2', '#4f46e5', '#be123c'];
const TOP_TEMPLATES = 10;
const TOP_REASONS = 8;

/** @param {string} name */
const labelColor = (name) => {
  if (name === 'Unclassified') return '#94a3b8';
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return LABEL_PALETTE[h % LABEL_PALETTE.length];
};
/** @param {string} name */
const tierColor = (name) => /** @type {Record<string, string>} */ (TIER_COLORS)[name] ?? '#64748b';

/** @param {string} id @param {Node[]} nodes */
function fill(id, ...nodes) {
  byId(id).replaceChildren(...nodes);
}

/** @param {string} value @param {string} caption */
const stat = (value, caption) => el('div', { className: 'stat' }, el('div', { className: 'stat-value' }, value), el('div', { className: 'stat-caption' }, caption));

/**
 * Draws (or redraws, while rows stream in) every part of the summary.
 * @param {RunSummary} s
 */
export function renderSummary(s) {
  const decided = s.rows - s.unclassified;
  fill(
    'stats',
    stat(formatCount(s.rows), 'rows'),
    stat(formatCount(decided), `decided (${formatPercent(decided, s.rows)})`),
    stat(formatCount(s.unclassified), `Unclassified (${formatPercent(s.unclassified, s.rows)})`),
    stat(formatCount(s.byLabel.size - (s.unclassified > 0 ? 1 : 0)), 'distinct labels'),
  );
  fill('chart-labels', barChart(mostFrequent(s.byLabel), s.rows, labelColor, 'Rows by label'));
  fill('chart-tiers', barChart(mostFrequent(s.byTier), s.rows, tierColor, 'Rows by deciding tier'));
  fill(
    'templates',
    s.byTemplate.size === 0
      ? el('p', { className: 'muted' }, 'No templates in the answer.')
      : textTable(['rows', 'template'], mostFrequent(s.byTemplate, TOP_TEMPLATES).map(([t, n]) => [formatCount(n), t])),
  );
  renderUnclassified(s);
  fill('preview', textTable(s.header, s.preview, { className: 'data preview' }));
  byId('preview-caption').textContent = `First ${formatCount(s.preview.length)} of ${formatCount(s.rows)} rows.`;
}

/** @param {RunSummary} s */
function renderUnclassified(s) {
  if (s.unclassified === 0) {
    fill('unclassified', el('p', { className: 'muted' }, 'Every row was decided.'));
    return;
  }
  fill(
    'unclassified',
    el('h3', {}, 'Why'),
    textTable(['rows', 'reason'], mostFrequent(s.unclassifiedReasons, TOP_REASONS).map(([r, n]) => [formatCount(n), r || '(no reason given)']), {
      className: 'data reasons',
    }),
    el('h3', {}, `Examples (first ${formatCount(s.unclassifiedExamples.length)})`),
    textTable(
      ['source', 'log_message', 'reason'],
      s.unclassifiedExamples.map((e) => [e.source, e.message, e.reason]),
      { className: 'data examples' },
    ),
  );
}
