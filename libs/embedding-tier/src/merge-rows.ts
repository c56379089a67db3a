import type { SparseVector } from './sparse-vector';

export interface WeightedRows {
  rows: SparseVector[];
  labels: number[];
  rowWeights: Float64Array;
}

/**
 * Rows with identical non-zeros (same indices, same order, same values) and
 * the same label, merged into one row carrying their summed weight. The
 * weighted loss is a sum over rows, so the objective is unchanged; the
 * hashing embedder gives lines of one template that differ only in masked
 * ids exactly the same vector, so a corpus has many such repeats.
 * First-seen order is kept: the result is deterministic.
 */
export function mergeDuplicateRows(rows: readonly SparseVector[], labels: readonly number[], rowWeights: Float64Array): WeightedRows {
  const firstOf = new Map<string, number>();
  const out: WeightedRows = { rows: [], labels: [], rowWeights: new Float64Array(rows.length) };
  rows.forEach((row, i) => {
    const key = `${labels[i]}:${keyOf(row)}`;
    const at = firstOf.get(key);
    if (at !== undefined) {
      out.rowWeights[at] += rowWeights[i];
      return;
    }
    firstOf.set(key, out.rows.length);
    out.rowWeights[out.rows.length] = rowWeights[i];
    out.rows.push(row);
    out.labels.push(labels[i]);
  });
  out.rowWeights = out.rowWeights.slice(0, out.rows.length);
  return out;
}

/** The row's bytes (indices then values) as a string: equal strings, equal rows. */
function keyOf(row: SparseVector): string {
  const indices = Buffer.from(row.indices.buffer, row.indices.byteOffset, row.indices.byteLength);
  const values = Buffer.from(row.values.buffer, row.values.byteOffset, row.values.byteLength);
  return `${indices.toString('base64')}|${values.toString('base64')}`;
}
