import { defaultTaxonomy } from '@logclass/taxonomy';
import { taxonomyHash, type LlmDecision } from '@logclass/template-store';

/** The model the review tests' LLM decisions name. */
export const REVIEW_MODEL = 'llama-3.3-70b-versatile';
export const REVIEW_TAXONOMY_HASH = taxonomyHash(defaultTaxonomy);

/** One LLM decision for the review tests' store: scope LegacyCRM, exemplar the template with 42 for <NUM>. */
export function reviewDecision(template: string, label: string | null, over: Partial<LlmDecision> = {}): LlmDecision {
  return {
    scope: 'LegacyCRM',
    template,
    label,
    answer: label ?? 'Unclassified',
    exemplar: template.replace('<NUM>', '42'),
    taxonomyHash: REVIEW_TAXONOMY_HASH,
    model: REVIEW_MODEL,
    provenance: { promptVersion: '2', callId: 'call-1', callRecords: 3, suspect: false },
    ...over,
  };
}
