import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { findBacktrackingRisk } from '@logclass/safe-regex';

/** One extra mask: what it replaces, with what, and for which sources (all when absent). */
export interface MaskRule {
  readonly id: string;
  readonly pattern: RegExp;
  readonly placeholder: string;
  /** Lower-case source names; undefined: every source. */
  readonly sources?: ReadonlySet<string>;
}

export interface MaskRuleSet {
  readonly rules: readonly MaskRule[];
  /** Where the rules came from, for messages. */
  readonly origin: string;
  /** Of the file's text: record it next to anything mined with these rules. */
  readonly sha256: string;
}

export const NO_MASK_RULES: MaskRuleSet = { rules: [], origin: 'none', sha256: createHash('sha256').update('', 'utf8').digest('hex') };

export class MaskRuleFileError extends Error {
  constructor(
    readonly origin: string,
    readonly problems: readonly string[],
  ) {
    super(`mask rules ${origin}: ${problems.join('; ')}`);
    this.name = 'MaskRuleFileError';
  }
}

/** Only this much of a line is given to the extra masks: a rule that is polynomial on a crafted line stays bounded. */
export const MASK_RULE_MAX_CHARS = 4096;

const ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Like the built-in placeholders: no digits, quotes or slashes, so masking again changes nothing. */
const PLACEHOLDER = /^<[A-Z][A-Z_]{0,30}>$/;
const FLAGS = /^[imsu]{0,4}$/;

/** Reads and checks a mask rules file (YAML or JSON). Throws MaskRuleFileError naming every bad rule. */
export function loadMaskRules(path: string): MaskRuleSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new MaskRuleFileError(path, [`cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
  }
  return parseMaskRules(text, path);
}

/**
 * The same checks on rules in memory. Each rule: `id`, `pattern` (JavaScript
 * regex source), `placeholder` (`<NAME>`), optional `flags` (subset of
 * "imsu"), `sources` (list; case-insensitive) and `examples` (lines the rule
 * must change, `{line, source?}` or a string). Patterns that risk
 * catastrophic backtracking or match the empty string are refused.
 */
export function parseMaskRules(text: string, origin: string): MaskRuleSet {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (err) {
    throw new MaskRuleFileError(origin, [`not valid YAML or JSON: ${(err as Error).message}`]);
  }
  const problems: string[] = [];
  const doc = (document ?? {}) as Record<string, unknown>;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new MaskRuleFileError(origin, ['the file must be a mapping with a `masks` list']);
  if (doc.version !== undefined && doc.version !== 1) problems.push(`version ${String(doc.version)} is not supported (1)`);
  const entries = doc.masks ?? [];
  if (!Array.isArray(entries)) throw new MaskRuleFileError(origin, ['`masks` must be a list']);
  const rules: MaskRule[] = [];
  const seen = new Set<string>();
  entries.forEach((raw: unknown, index: number) => {
    const rule = checkRule(raw, `mask ${index + 1}`, problems);
    if (!rule) return;
    if (seen.has(rule.id)) problems.push(`${rule.id}: duplicate id`);
    seen.add(rule.id);
    rules.push(rule);
  });
  if (problems.length > 0) throw new MaskRuleFileError(origin, problems);
  return { rules, origin, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

function checkRule(raw: unknown, fallbackName: string, problems: string[]): MaskRule | undefined {
  if (typeof raw !== 'object' || raw === null) {
    problems.push(`${fallbackName}: must be a mapping`);
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const name = typeof r.id === 'string' ? r.id : fallbackName;
  const before = problems.length;
  if (typeof r.id !== 'string' || !ID.test(r.id)) problems.push(`${name}: id must be 1-64 letters, digits, . _ -`);
  if (typeof r.placeholder !== 'string' || !PLACEHOLDER.test(r.placeholder)) problems.push(`${name}: placeholder must look like <NAME> (capitals and _)`);
  const flags = r.flags ?? '';
  if (typeof flags !== 'string' || !FLAGS.test(flags)) problems.push(`${name}: flags must be a subset of "imsu"`);
  if (r.sources !== undefined && !(Array.isArray(r.sources) && r.sources.every((s) => typeof s === 'string' && s.length > 0))) problems.push(`${name}: sources must be a list of names`);
  if (typeof r.pattern !== 'string' || r.pattern.length === 0) {
    problems.push(`${name}: pattern is required`);
    return undefined;
  }
  const risk = findBacktrackingRisk(r.pattern);
  if (risk) problems.push(`${name}: pattern risks catastrophic backtracking (${risk})`);
  let pattern: RegExp | undefined;
  try {
    pattern = new RegExp(r.pattern, `${typeof flags === 'string' ? flags : ''}g`);
  } catch (err) {
    problems.push(`${name}: pattern does not compile: ${(err as Error).message}`);
  }
  if (pattern && new RegExp(pattern.source, pattern.flags.replace('g', '')).test('')) problems.push(`${name}: pattern matches the empty string`);
  if (problems.length > before || !pattern) return undefined;
  const rule: MaskRule = {
    id: r.id as string,
    pattern,
    placeholder: r.placeholder as string,
    ...(r.sources ? { sources: new Set((r.sources as string[]).map((s) => s.toLowerCase())) } : {}),
  };
  for (const example of Array.isArray(r.examples) ? r.examples : []) {
    const line = typeof example === 'string' ? example : (example as { line?: unknown })?.line;
    if (typeof line !== 'string') {
      problems.push(`${name}: an example must be a line or {line, source}`);
      continue;
    }
    if (applyRule(rule, line) === line) problems.push(`${name}: example ${JSON.stringify(line)} is not changed by the rule`);
  }
  return problems.length > before ? undefined : rule;
}

function applyRule(rule: MaskRule, line: string): string {
  rule.pattern.lastIndex = 0;
  return line.replace(rule.pattern, rule.placeholder);
}

/** The rules of a set that apply to `source`, computed once per source name. */
export function rulesFor(set: MaskRuleSet, source: string | undefined): readonly MaskRule[] {
  const name = (source ?? '').toLowerCase();
  return set.rules.filter((rule) => !rule.sources || rule.sources.has(name));
}

/** Applies the rules to the first MASK_RULE_MAX_CHARS characters of a line. */
export function applyMaskRules(rules: readonly MaskRule[], line: string): string {
  if (rules.length === 0) return line;
  const head = line.length > MASK_RULE_MAX_CHARS ? line.slice(0, MASK_RULE_MAX_CHARS) : line;
  let masked = head;
  for (const rule of rules) masked = applyRule(rule, masked);
  return head.length === line.length ? masked : masked + line.slice(MASK_RULE_MAX_CHARS);
}
