// @ts-check
/** What the page shows about a classified file, gathered row by row as the answer streams. */

const UNCLASSIFIED = 'Unclassified';
/** The tier bar of rows that no tier decided. */
export const NO_TIER = 'none';

/** @param {Map<string, number>} counts @param {string} key */
function bump(counts, key) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * @param {Map<string, number>} counts
 * @param {number} [limit]
 * @returns {[string, number][]} most frequent first
 */
export function mostFrequent(counts, limit = Infinity) {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
}

export class RunSummary {
  /**
   * @param {string[]} header the answer's header row
   * @param {{ previewRows: number, unclassifiedExamples: number }} limits
   */
  constructor(header, limits) {
    this.header = header;
    this.limits = limits;
    const at = (/** @type {string} */ name) => header.indexOf(name);
    this.columns = { label: at('target_label'), tier: at('tier'), reason: at('reason'), template: at('template'), source: at('source'), message: at('log_message') };
    this.rows = 0;
    /** @type {Map<string, number>} */
    this.byLabel = new Map();
    /** @type {Map<string, number>} */
    this.byTier = new Map();
    /** @type {Map<string, number>} */
    this.byTemplate = new Map();
    /** @type {Map<string, number>} */
    this.unclassifiedReasons = new Map();
    this.unclassified = 0;
    /** @type {string[][]} */
    this.preview = [];
    /** @type {{ source: string, message: string, reason: string }[]} */
    this.unclassifiedExamples = [];
  }

  /** @param {string[]} row */
  add(row) {
    const cell = (/** @type {number} */ i) => (i >= 0 ? (row[i] ?? '') : '');
    this.rows++;
    if (this.preview.length < this.limits.previewRows) this.preview.push(row);
    const label = cell(this.columns.label);
    bump(this.byLabel, label);
    bump(this.byTier, cell(this.columns.tier) || NO_TIER);
    const template = cell(this.columns.template);
    if (template) bump(this.byTemplate, template);
    if (label !== UNCLASSIFIED) return;
    this.unclassified++;
    const reason = cell(this.columns.reason);
    bump(this.unclassifiedReasons, reason);
    if (this.unclassifiedExamples.length < this.limits.unclassifiedExamples) {
      this.unclassifiedExamples.push({ source: cell(this.columns.source), message: cell(this.columns.message), reason });
    }
  }
}
