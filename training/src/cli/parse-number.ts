/** A numeric command-line option, or a clear error naming it. */
export function numberOption(name: string, value: string, { min = -Infinity, max = Infinity, integer = false } = {}): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new Error(`${name} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got "${value}"`);
  }
  return n;
}
