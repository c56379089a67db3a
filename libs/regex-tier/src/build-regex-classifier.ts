import { loadTaxonomy, type Taxonomy } from '@logclass/taxonomy';
import { loadRules } from './load-rules';
import { RegexClassifier } from './regex-classifier';
import type { RegexTierSettings } from './regex-settings';

export interface RegexBuildOptions {
  /** Most records per call (the server's REGEX_MAX_BATCH_SIZE); unset = the classifier's default. */
  maxBatchSize?: number;
  /** A taxonomy already loaded by the caller; unset = read from settings.taxonomyFile. */
  taxonomy?: Taxonomy;
}

/**
 * The regex tier as configured: the rules checked and compiled once, here.
 * Throws naming the file and every bad rule. The one place the tier is built,
 * for the service and for every in-process caller.
 */
export function buildRegexClassifier(settings: RegexTierSettings, opts: RegexBuildOptions = {}): RegexClassifier {
  const taxonomy = opts.taxonomy ?? loadTaxonomy(settings.taxonomyFile);
  const rules = loadRules(settings.rulesFile, taxonomy);
  return new RegexClassifier(rules, { taxonomy, maxMessageChars: settings.maxMessageChars, maxBatchSize: opts.maxBatchSize });
}
