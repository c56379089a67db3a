import type { LogFamily } from '../log-family';

/** The platforms families of the corpus, in a fixed order (template ids do not depend on it). */
export const PLATFORMS_FAMILIES: readonly LogFamily[] = [];
