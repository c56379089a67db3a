export { RegexClassifier, REGEX_TIER, NO_RULE_MATCHED, DEFAULT_MAX_MESSAGE_CHARS, type RegexClassifierOptions } from './regex-classifier';
export { loadRules, parseRules } from './load-rules';
export { defaultRulesPath } from './default-rules-path';
export { RuleFileError, type RuleSet, type CompiledRule } from './rule-set';
export { regexTierSettings, regexTierConfig, type RegexTierSettings } from './regex-settings';
export { buildRegexClassifier, type RegexBuildOptions } from './build-regex-classifier';
