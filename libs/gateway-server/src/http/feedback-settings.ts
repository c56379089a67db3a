import { DEFAULT_CORRECTIONS_FILE } from '@logclass/corrections';
import { setting } from '@logclass/service-config';

const MiB = 1024 * 1024;

/** GATEWAY_* settings of POST /feedback (spread into gatewaySettings()). */
export function feedbackSettings() {
  return {
    feedbackFile: setting.string(
      'GATEWAY_FEEDBACK_FILE',
      DEFAULT_CORRECTIONS_FILE,
      'CSV that POST /feedback and the review append corrections to (source,log_message,target_label,corrected_at); `logclass train` reads it. Not written with GATEWAY_STORE=postgres: the store is then the one place corrections live. Relative to the working directory.',
    ),
    maxFeedbackRecords: setting.int('GATEWAY_MAX_FEEDBACK_RECORDS', 1000, 'Most corrections in one POST /feedback request; more get 413.', { min: 1, max: 100_000 }),
    maxFeedbackBytes: setting.int('GATEWAY_MAX_FEEDBACK_BYTES', 4 * MiB, 'Largest body accepted by POST /feedback, in bytes; larger bodies get 413.', { min: 1 }),
    taxonomyFile: setting.optionalString('GATEWAY_TAXONOMY_FILE', 'JSON array of {name, description} that corrections are checked against; unset = the default nine-label taxonomy.'),
  };
}
