import type { ConfusionMatrix } from './metrics';

/**
 * Short column codes for long label names ("System Notification" -> "SN"),
 * unique within the matrix; the table prints a legend so any taxonomy works.
 */
export function abbreviations(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const name of names) {
    const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    let code = words.length > 1 ? words.map((w) => w[0].toUpperCase()).join('') : (words[0] ?? name).slice(0, 4);
    const base = code;
    for (let n = 2; used.has(code); n++) code = `${base}${n}`;
    used.add(code);
    out.set(name, code);
  }
  return out;
}

/**
 * Aligned text table: one row per gold label, one column per prediction
 * (label or outcome), row totals on the right. Zeros print as "." so the
 * diagonal and the confusions stand out.
 */
export function renderConfusionMatrix(matrix: ConfusionMatrix): string {
  const codes = abbreviations([...new Set([...matrix.rows, ...matrix.columns])]);
  const rowHeader = 'gold \\ predicted';
  const rowNameWidth = Math.max(rowHeader.length, ...matrix.rows.map((r) => r.length));
  const cell = (text: string, width: number): string => text.padStart(width);
  const widths = matrix.columns.map((c, ci) =>
    Math.max((codes.get(c) as string).length, ...matrix.counts.map((row) => String(row[ci]).length)),
  );
  const totals = matrix.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const totalWidth = Math.max(5, ...totals.map((t) => String(t).length));

  const lines: string[] = [];
  lines.push(`${rowHeader.padEnd(rowNameWidth)}  ${matrix.columns.map((c, i) => cell(codes.get(c) as string, widths[i])).join('  ')}  ${cell('total', totalWidth)}`);
  matrix.rows.forEach((label, ri) => {
    if (totals[ri] === 0) return;
    const cells = matrix.counts[ri].map((n, ci) => cell(n === 0 ? '.' : String(n), widths[ci]));
    lines.push(`${label.padEnd(rowNameWidth)}  ${cells.join('  ')}  ${cell(String(totals[ri]), totalWidth)}`);
  });
  const legend = [...new Set([...matrix.rows, ...matrix.columns])].map((name) => `${codes.get(name)} = ${name}`);
  lines.push('', `columns: ${legend.join(', ')}`);
  return lines.join('\n');
}
