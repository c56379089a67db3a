import type { LogFamily } from '../log-family';

/** The apps families of the corpus, in a fixed order (template ids do not depend on it). */
export const APPS_FAMILIES: readonly LogFamily[] = [];
