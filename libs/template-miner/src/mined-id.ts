import { MASK_VERSION, templateId } from '@logclass/template-mask';

/**
 * The id of a mined template: a hash of its text and of the mask version
 * that produced it. Content-addressed, so two processes that hold the same
 * template give it the same id without talking to each other, and a
 * template written by another mask version never collides with it. A
 * template that has not been generalised is the masked line itself, so
 * `minedTemplateId(masker.mask(line, source))` is also the id a tier
 * computes when it is called without a mined template.
 */
export function minedTemplateId(template: string): string {
  return templateId(`m${MASK_VERSION}\u0000${template}`);
}
