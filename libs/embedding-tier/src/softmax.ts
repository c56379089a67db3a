/** In-place numerically stable softmax of `z` (subtracts the max before exp). Returns log(sum exp(z)). */
export function softmaxInPlace(z: Float64Array | Float32Array): number {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k] > max) max = z[k];
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp(z[k] - max);
    sum += z[k];
  }
  for (let k = 0; k < z.length; k++) z[k] /= sum;
  return max + Math.log(sum);
}
