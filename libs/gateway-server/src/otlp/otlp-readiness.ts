import type { ReadinessReport } from '../readiness';
import type { RunningOtlpReceiver } from './otlp-receiver';

/** The tiers' report with the receiver's part; a downstream not taking batches makes a ready gateway degraded (REST and gRPC still classify). */
export function withOtlpReadiness(report: ReadinessReport, receiver: RunningOtlpReceiver | undefined): ReadinessReport {
  if (!receiver) return report;
  const otlp = receiver.readiness();
  const status = report.status === 'ready' && otlp.exporter.state === 'failing' ? 'degraded' : report.status;
  return { ...report, status, otlp };
}
