import { maskTemplate } from '@logclass/template-mask';
import { applyMaskRules, NO_MASK_RULES, rulesFor, type MaskRule, type MaskRuleSet } from './mask-rules';

/** How many source names keep their own list of applicable rules (more are looked up each time). */
const SOURCES_REMEMBERED = 1024;

/**
 * Deterministic masking of one line: a source's extra masks (data, from a
 * rules file), then maskTemplate. The miner learns on its output; a tier
 * called without a mined template uses the same masker as its fallback.
 */
export class LineMasker {
  private readonly bySource = new Map<string, readonly MaskRule[]>();

  constructor(readonly rules: MaskRuleSet = NO_MASK_RULES) {}

  mask(message: string, source?: string): string {
    if (this.rules.rules.length === 0) return maskTemplate(message);
    return maskTemplate(applyMaskRules(this.rulesOf(source), typeof message === 'string' ? message : ''));
  }

  private rulesOf(source: string | undefined): readonly MaskRule[] {
    const key = source ?? '';
    let rules = this.bySource.get(key);
    if (!rules) {
      rules = rulesFor(this.rules, key);
      if (this.bySource.size < SOURCES_REMEMBERED) this.bySource.set(key, rules);
    }
    return rules;
  }
}
