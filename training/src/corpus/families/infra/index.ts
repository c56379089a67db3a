import type { LogFamily } from '../log-family';

/** The infra families of the corpus, in a fixed order (template ids do not depend on it). */
export const INFRA_FAMILIES: readonly LogFamily[] = [];
