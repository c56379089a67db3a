import type { SparseVector } from '@logclass/embedding-tier';

/** Lower edges of the similarity bands, ascending; the last band is open above. */
export const SIMILARITY_BANDS = [0, 0.3, 0.5, 0.7] as const;

export function bandName(lower: number): string {
  const i = SIMILARITY_BANDS.indexOf(lower as (typeof SIMILARITY_BANDS)[number]);
  const upper = SIMILARITY_BANDS[i + 1];
  if (i === 0) return `< ${upper}`;
  return upper === undefined ? `>= ${lower}` : `${lower}-${upper}`;
}

export function bandOf(similarity: number): number {
  let band: number = SIMILARITY_BANDS[0];
  for (const lower of SIMILARITY_BANDS) if (similarity >= lower) band = lower;
  return band;
}

/** Mean of a group's vectors, L2-normalised, as a sparse vector (a template's centroid). */
export function centroid(vectors: readonly SparseVector[]): Map<number, number> {
  const sum = new Map<number, number>();
  for (const v of vectors) for (let t = 0; t < v.indices.length; t++) sum.set(v.indices[t], (sum.get(v.indices[t]) ?? 0) + v.values[t]);
  let norm = 0;
  for (const x of sum.values()) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [j, x] of sum) sum.set(j, x * scale);
  return sum;
}

/**
 * For each held-out group (template), the highest cosine between its
 * centroid and the centroid of any training group: how close the nearest
 * phrasing the model learned from is. Training centroids are laid out dense
 * (groups x dimension) so each held-out centroid costs one pass over its
 * non-zeros per training group.
 */
export function nearestTrainingSimilarity(
  heldOut: ReadonlyMap<string, readonly SparseVector[]>,
  training: ReadonlyMap<string, readonly SparseVector[]>,
  dimension: number,
): Map<string, number> {
  const trainKeys = [...training.keys()];
  const dense = new Float32Array(trainKeys.length * dimension);
  trainKeys.forEach((key, g) => {
    for (const [j, x] of centroid(training.get(key) as readonly SparseVector[])) dense[g * dimension + j] = x;
  });
  const out = new Map<string, number>();
  for (const [key, vectors] of heldOut) {
    const c = [...centroid(vectors)];
    let best = 0;
    for (let g = 0; g < trainKeys.length; g++) {
      const base = g * dimension;
      let dot = 0;
      for (const [j, x] of c) dot += dense[base + j] * x;
      if (dot > best) best = dot;
    }
    out.set(key, best);
  }
  return out;
}
