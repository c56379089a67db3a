// @ts-check
/**
 * The only way the page builds elements. Text always goes in as a text node
 * (textContent), never as markup: log lines are attacker-controlled.
 */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{ className?: string, title?: string }} [props]
 * @param {(Node | string | number)[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.title) node.title = props.title;
  for (const child of children) node.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  return node;
}

/** @param {string} id @returns {HTMLElement} */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node;
}

/** @param {number} n */
export const formatCount = (n) => n.toLocaleString('en-US');

/** @param {number} part @param {number} whole */
export const formatPercent = (part, whole) => (whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(part === whole || part === 0 ? 0 : 1)}%`);

/**
 * A table of text cells; long cells are cut by CSS and shown whole on hover.
 * @param {string[]} headers
 * @param {(string | number)[][]} rows
 * @param {{ className?: string }} [options]
 */
export function textTable(headers, rows, options = {}) {
  const head = el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {}, h))));
  const body = el(
    'tbody',
    {},
    ...rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', { title: String(cell).length > 60 ? String(cell) : undefined }, cell)))),
  );
  return el('table', { className: options.className ?? 'data' }, head, body);
}
