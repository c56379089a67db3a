/**
 * Class costs for training: `Label=x` pairs, comma-separated, or `none`.
 * A cost multiplies the weight of that label's rows after balancing, so the
 * model needs clearer evidence to answer something else for such a row.
 *
 * The default makes a missed Security Alert cost twice a missed row of any
 * other label: unseen programs' security lines used to come back as routine
 * (User Action, System Notification), the one confusion an operator never sees.
 */
export const DEFAULT_CLASS_COSTS = 'Security Alert=2';

export function parseClassCosts(text: string, labels: readonly string[]): Map<string, number> {
  const costs = new Map<string, number>();
  if (text.trim().toLowerCase() === 'none' || text.trim() === '') return costs;
  const byName = new Map(labels.map((l) => [l.toLowerCase(), l]));
  for (const part of text.split(',')) {
    const at = part.lastIndexOf('=');
    const name = byName.get(part.slice(0, at).trim().toLowerCase());
    const value = Number(part.slice(at + 1));
    if (at < 0 || !name) throw new Error(`--class-costs: "${part.trim()}" is not Label=cost with a label of ${labels.join(', ')}`);
    if (!(value > 0 && Number.isFinite(value))) throw new Error(`--class-costs: cost of ${name} must be a positive number, got "${part.slice(at + 1).trim()}"`);
    costs.set(name, value);
  }
  return costs;
}

/** "Security Alert x2" or "none", for reports and the artifact. */
export function describeClassCosts(costs: ReadonlyMap<string, number>): string {
  return costs.size === 0 ? 'none' : [...costs].map(([l, c]) => `${l} x${c}`).join(', ');
}
