export { TemplateMiner, type AbsorbOptions, type MinerOptions, type MinedTemplate, type MineResult } from './template-miner';
export { LineMasker } from './line-masker';
export { minedTemplateId } from './mined-id';
export { DEFAULT_MEANING_WORDS, meaningWordTest } from './meaning-words';
export { loadMaskRules, parseMaskRules, MaskRuleFileError, NO_MASK_RULES, MASK_RULE_MAX_CHARS, type MaskRule, type MaskRuleSet } from './mask-rules';
export { SnapshotError, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type MinerSnapshot } from './snapshot';
export { WILDCARD } from './tokens';
