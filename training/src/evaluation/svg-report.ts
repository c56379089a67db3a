import type { ConfusionMatrix, LabelMetrics } from './metrics';

/**
 * evaluation.svg: the confusion matrix as a heatmap and per-label F1 as bars,
 * hand-written SVG (no dependency, opens in any browser). Cells are shaded by
 * the share of their row (the gold label), blue on the diagonal (right) and
 * red off it (confusions), so a label's mistakes stand out whatever its size.
 */
export interface SvgReportInput {
  title: string;
  /** Lines under the title (model, data, headline numbers). */
  subtitle: readonly string[];
  /** What the matrix shows, e.g. "test templates, at the threshold". */
  matrixCaption: string;
  /** What the bars show, e.g. "test templates, always answering". */
  barsCaption: string;
  confusion: ConfusionMatrix;
  perLabel: readonly LabelMetrics[];
  /** Optional second F1 series drawn as thin bars (e.g. the previous model version). */
  comparison?: { name: string; current: string; perLabel: readonly LabelMetrics[] };
}

const FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"';
const CELL = 42;
const LABEL_WIDTH = 190;
const MARGIN = 24;
const HEADER_ANGLE_SPACE = 150;
const BAR_WIDTH = 420;
const BAR_HEIGHT = 18;

/** Text and attribute values: labels come from users' taxonomies and CSVs. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Right answers blue, confusions red, outcomes that are not labels (abstained: the next tier decides) grey. */
type CellKind = 'right' | 'confused' | 'outcome';
const CELL_RGB: Record<CellKind, string> = { right: '33,102,172', confused: '203,24,29', outcome: '110,110,110' };

function cellFill(share: number, kind: CellKind): string {
  if (share === 0) return '#f4f4f4';
  // Even one confusion must be visible: start at 15% opacity.
  return `rgba(${CELL_RGB[kind]},${(0.15 + 0.85 * share).toFixed(3)})`;
}

function heatmap(m: ConfusionMatrix, caption: string, top: number): { svg: string[]; height: number; width: number } {
  const svg: string[] = [];
  const left = MARGIN + LABEL_WIDTH;
  const gridTop = top + HEADER_ANGLE_SPACE;
  const totals = m.counts.map((row) => row.reduce((a, b) => a + b, 0));
  svg.push(text(MARGIN, top + 14, `Confusion matrix: ${caption}`, `${FONT} font-size="14" font-weight="bold"`));
  svg.push(text(MARGIN, top + 31, 'rows: true label; columns: prediction; shade: share of the row (blue right, red confused, grey not decided)', `${FONT} font-size="12" fill="#555"`));
  m.columns.forEach((c, ci) => {
    const x = left + ci * CELL + CELL / 2;
    const y = gridTop - 8;
    svg.push(text(x, y, clip(c, 22), `${FONT} font-size="12" transform="rotate(-45 ${fmt(x)} ${fmt(y)})"`));
  });
  svg.push(text(left + m.columns.length * CELL + 8, gridTop - 8, 'total', `${FONT} font-size="12" fill="#555"`));
  m.rows.forEach((r, ri) => {
    const y = gridTop + ri * CELL;
    svg.push(text(left - 8, y + CELL / 2 + 4, clip(r, 26), `${FONT} font-size="12" text-anchor="end"`));
    m.columns.forEach((c, ci) => {
      const n = m.counts[ri][ci];
      const share = totals[ri] === 0 ? 0 : n / totals[ri];
      const x = left + ci * CELL;
      svg.push(`<rect x="${x}" y="${y}" width="${CELL - 2}" height="${CELL - 2}" fill="${cellFill(share, r === c ? 'right' : m.rows.includes(c) ? 'confused' : 'outcome')}"><title>${escapeXml(`${r} -> ${c}: ${n}`)}</title></rect>`);
      if (n > 0) svg.push(text(x + (CELL - 2) / 2, y + CELL / 2 + 3, String(n), `${FONT} font-size="12" text-anchor="middle" fill="${share > 0.55 ? '#fff' : '#222'}"`));
    });
    svg.push(text(left + m.columns.length * CELL + 8, y + CELL / 2 + 4, String(totals[ri]), `${FONT} font-size="12" fill="#555"`));
  });
  return { svg, height: HEADER_ANGLE_SPACE + m.rows.length * CELL + 16, width: left + m.columns.length * CELL + 60 };
}

function f1Bars(input: SvgReportInput, top: number): { svg: string[]; height: number; width: number } {
  const svg: string[] = [];
  const left = MARGIN + LABEL_WIDTH;
  const previous = new Map((input.comparison?.perLabel ?? []).map((m) => [m.label, m]));
  const title = input.comparison
    ? `F1 per label, ${input.barsCaption}: ${input.comparison.current} (bar) vs ${input.comparison.name} (grey line)`
    : `F1 per label, ${input.barsCaption} (support in parentheses)`;
  svg.push(text(MARGIN, top + 14, title, `${FONT} font-size="14" font-weight="bold"`));
  const rowsTop = top + 28;
  const rowHeight = BAR_HEIGHT + (input.comparison ? 14 : 8);
  [0, 0.25, 0.5, 0.75, 1].forEach((tick) => {
    const x = left + tick * BAR_WIDTH;
    svg.push(`<line x1="${fmt(x)}" y1="${rowsTop - 4}" x2="${fmt(x)}" y2="${rowsTop + input.perLabel.length * rowHeight}" stroke="#ddd"/>`);
    svg.push(text(x, rowsTop + input.perLabel.length * rowHeight + 14, tick.toFixed(2), `${FONT} font-size="11" text-anchor="middle" fill="#555"`));
  });
  input.perLabel.forEach((m, i) => {
    const y = rowsTop + i * rowHeight;
    svg.push(text(left - 8, y + BAR_HEIGHT / 2 + 4, `${clip(m.label, 22)} (${m.support})`, `${FONT} font-size="12" text-anchor="end"`));
    svg.push(`<rect x="${left}" y="${y}" width="${fmt(m.f1 * BAR_WIDTH)}" height="${BAR_HEIGHT}" fill="#2166ac"><title>${escapeXml(`${m.label}: F1 ${m.f1.toFixed(3)}, precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}`)}</title></rect>`);
    let value = m.f1.toFixed(3);
    const old = previous.get(m.label);
    if (old) {
      svg.push(`<rect x="${left}" y="${y + BAR_HEIGHT + 2}" width="${fmt(old.f1 * BAR_WIDTH)}" height="5" fill="#999"/>`);
      const delta = m.f1 - old.f1;
      value += `  (${delta >= 0 ? '+' : ''}${delta.toFixed(3)})`;
    }
    svg.push(text(left + BAR_WIDTH + 8, y + BAR_HEIGHT / 2 + 4, value, `${FONT} font-size="12"`));
  });
  return { svg, height: 28 + input.perLabel.length * rowHeight + 24, width: left + BAR_WIDTH + 130 };
}

export function renderEvaluationSvg(input: SvgReportInput): string {
  const head: string[] = [text(MARGIN, MARGIN + 16, input.title, `${FONT} font-size="18" font-weight="bold"`)];
  input.subtitle.forEach((line, i) => head.push(text(MARGIN, MARGIN + 38 + i * 17, line, `${FONT} font-size="12" fill="#444"`)));
  let y = MARGIN + 38 + input.subtitle.length * 17 + 10;
  const matrix = heatmap(input.confusion, input.matrixCaption, y);
  y += matrix.height;
  const bars = f1Bars(input, y);
  y += bars.height;
  const width = Math.max(matrix.width, bars.width, 640);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + MARGIN}" viewBox="0 0 ${width} ${y + MARGIN}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...head,
    ...matrix.svg,
    ...bars.svg,
    '</svg>',
    '',
  ].join('\n');
}
