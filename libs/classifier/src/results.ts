import { Outcome, type Classification } from '@logclass/contract';
import { UNCLASSIFIED } from '@logclass/taxonomy';

/** Constructors for the three outcomes, so no tier builds a Classification by hand. */
export function decided(tier: string, label: string, confidence: number, reason: string): Classification {
  return { outcome: Outcome.OUTCOME_DECIDED, label, tier, confidence, reason, template: '' };
}

export function abstained(tier: string, reason: string, confidence = 0): Classification {
  return { outcome: Outcome.OUTCOME_ABSTAINED, label: '', tier, confidence, reason, template: '' };
}

export function unclassified(reason: string, tier = ''): Classification {
  return { outcome: Outcome.OUTCOME_UNCLASSIFIED, label: UNCLASSIFIED, tier, confidence: 0, reason, template: '' };
}

export function isDecided(c: Classification): boolean {
  return c.outcome === Outcome.OUTCOME_DECIDED;
}
