import { APPS_FAMILIES } from './apps';
import { INFRA_FAMILIES } from './infra';
import type { LogFamily } from './log-family';
import { PLATFORMS_FAMILIES } from './platforms';

export { defineFamily, familyTemplateId, type FamilyLevel, type FamilyTemplate, type LineContext, type LineFormat, type LogFamily } from './log-family';

/** Every family of the corpus. Family ids are unique; the corpus spec checks it. */
export const ALL_FAMILIES: readonly LogFamily[] = [...INFRA_FAMILIES, ...PLATFORMS_FAMILIES, ...APPS_FAMILIES];
