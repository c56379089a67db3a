// @ts-check
import { formatCount, formatPercent } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const ROW_HEIGHT = 34;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 130;
const MAX_LABEL_CHARS = 22;

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attrs
 * @param {string} [text]
 */
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A horizontal bar chart as inline SVG: one bar per entry, most frequent
 * first, each with its count and share. Names are set as textContent.
 * @param {[string, number][]} entries
 * @param {number} total
 * @param {(name: string) => string} colorOf
 * @param {string} title what the chart shows, for screen readers
 */
export function barChart(entries, total, colorOf, title) {
  const height = Math.max(1, entries.length) * ROW_HEIGHT;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', role: 'img', class: 'bar-chart' });
  chart.append(svg('title', {}, title));
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  entries.forEach(([name, count], i) => {
    const y = i * ROW_HEIGHT;
    const shown = name.length > MAX_LABEL_CHARS ? `${name.slice(0, MAX_LABEL_CHARS - 1)}…` : name;
    const label = svg('text', { x: LABEL_WIDTH - 10, y: y + ROW_HEIGHT / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'bar-label' }, shown);
    label.append(svg('title', {}, name));
    const width = Math.max(2, (count / max) * barSpace);
    const bar = svg('rect', { x: LABEL_WIDTH, y: y + 5, width, height: ROW_HEIGHT - 10, rx: 3, fill: colorOf(name), class: 'bar' });
    bar.setAttribute('data-name', name);
    bar.setAttribute('data-count', String(count));
    const value = svg(
      'text',
      { x: LABEL_WIDTH + width + 8, y: y + ROW_HEIGHT / 2, 'dominant-baseline': 'middle', class: 'bar-value' },
      `${formatCount(count)} · ${formatPercent(count, total)}`,
    );
    chart.append(label, bar, value);
  });
  return chart;
}
