import { requiredLiterals } from './required-literals';
import type { RuleEntry } from './rule-file';
import type { RulePrefilter } from './rule-set';

/**
 * The rule's required literals, unless they would skip one of its own
 * examples: the analysis is meant never to do that, and when it does the
 * rule runs unfiltered rather than miss lines.
 */
export function prefilterFor(entry: RuleEntry, flags: string): RulePrefilter | undefined {
  const anyOf = requiredLiterals(entry.pattern, flags);
  if (!anyOf) return undefined;
  const prefilter: RulePrefilter = { anyOf, caseFolded: flags.includes('i') };
  return (entry.examples ?? []).every((example) => prefilterAdmits(prefilter, example, example.toLowerCase())) ? prefilter : undefined;
}

/** Whether a text (given as is and lower-cased) passes the prefilter, i.e. may match. */
export function prefilterAdmits(prefilter: RulePrefilter, text: string, lowerText: string): boolean {
  const searched = prefilter.caseFolded ? lowerText : text;
  return prefilter.anyOf.some((literal) => searched.includes(literal));
}
