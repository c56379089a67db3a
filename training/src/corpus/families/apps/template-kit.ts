import type { FamilyLevel, FamilyTemplate } from '../log-family';

/**
 * `(level, pattern, weight?)` writers for one label, so every template of an
 * app family states the level that app logs it at, next to its words.
 * Routine chatter (System Notification, User Action) defaults to weight 2:
 * most of a real application stream is this.
 */
function labelled(label: string, defaultWeight?: number) {
  return (level: FamilyLevel, pattern: string, weight = defaultWeight): FamilyTemplate => (weight === undefined ? { label, pattern, level } : { label, pattern, level, weight });
}

export const http = labelled('HTTP Status');
export const crit = labelled('Critical Error');
export const err = labelled('Error');
export const sec = labelled('Security Alert');
export const sys = labelled('System Notification', 2);
export const res = labelled('Resource Usage');
export const usr = labelled('User Action', 2);
export const wf = labelled('Workflow Error');
export const dep = labelled('Deprecation Warning');
