/** Non-zero entries of a vector: distinct indices (in no particular order) and their values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export function toDense(v: SparseVector, dimension: number): Float32Array {
  const out = new Float32Array(dimension);
  for (let k = 0; k < v.indices.length; k++) out[v.indices[k]] = v.values[k];
  return out;
}

/** The non-zeros of a dense vector (hashing vectors are ~1-5% full: training and prediction use this form). */
export function toSparse(x: Float32Array): SparseVector {
  let nnz = 0;
  for (let j = 0; j < x.length; j++) if (x[j] !== 0) nnz++;
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  for (let j = 0, k = 0; j < x.length; j++) {
    if (x[j] !== 0) {
      indices[k] = j;
      values[k++] = x[j];
    }
  }
  return { indices, values };
}
