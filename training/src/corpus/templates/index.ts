import { criticalError } from './critical-error';
import { deprecationWarning } from './deprecation-warning';
import { error } from './error';
import { httpStatus } from './http-status';
import type { LabelTemplates } from './label-templates';
import { resourceUsage } from './resource-usage';
import { securityAlert } from './security-alert';
import { systemNotification } from './system-notification';
import { userAction } from './user-action';
import { workflowError } from './workflow-error';

export type { LabelTemplates, TemplateSpec } from './label-templates';

/** Every label's templates, in taxonomy order. */
export const ALL_LABEL_TEMPLATES: readonly LabelTemplates[] = [
  httpStatus,
  criticalError,
  error,
  securityAlert,
  systemNotification,
  resourceUsage,
  userAction,
  workflowError,
  deprecationWarning,
];

/** Stable template id: label slug + 1-based position, e.g. "sec-007". */
export function templateId(labelTemplates: LabelTemplates, index: number): string {
  return `${labelTemplates.slug}-${String(index + 1).padStart(3, '0')}`;
}
