/** The label whose misses cost the most: an attack reported as routine goes unread. */
export const SECURITY_ALERT = 'Security Alert';

/** Labels an operator skims past: a Security Alert answered as one of these is the miss that matters. */
export const BENIGN_LABELS = ['System Notification', 'User Action', 'HTTP Status'] as const;

export interface SecurityBenignRate {
  securityAlerts: number;
  calledBenign: number;
  rate: number;
  /** Of calledBenign, per benign label. */
  byLabel: Record<string, number>;
}

/** Of the rows whose gold label is Security Alert, how many were answered with a benign label. */
export function securityBenignRate(gold: readonly string[], predicted: readonly string[]): SecurityBenignRate {
  const benign = new Set<string>(BENIGN_LABELS);
  let securityAlerts = 0;
  let calledBenign = 0;
  const byLabel: Record<string, number> = {};
  gold.forEach((g, i) => {
    if (g !== SECURITY_ALERT) return;
    securityAlerts++;
    if (!benign.has(predicted[i])) return;
    calledBenign++;
    byLabel[predicted[i]] = (byLabel[predicted[i]] ?? 0) + 1;
  });
  return { securityAlerts, calledBenign, rate: securityAlerts === 0 ? 0 : calledBenign / securityAlerts, byLabel };
}
