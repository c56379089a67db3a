import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { defaultTaxonomy, type Taxonomy } from '@logclass/taxonomy';
import { compileRule } from './compile-rule';
import { defaultRulesPath } from './default-rules-path';
import { RuleEntrySchema, RuleFileSchema } from './rule-file';
import { RuleFileError, type CompiledRule, type RuleSet } from './rule-set';

/**
 * Reads, validates and compiles a rules file (the shipped rules when no path
 * is given). Throws RuleFileError naming every bad rule: unknown label,
 * pattern that does not compile, matches the empty string or risks
 * catastrophic backtracking, duplicate id, an example that does not match or
 * a counterexample that does.
 */
export function loadRules(path: string = defaultRulesPath(), taxonomy: Taxonomy = defaultTaxonomy): RuleSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new RuleFileError(path, [`cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
  }
  return parseRules(text, taxonomy, path);
}

/** The same checks on rules already in memory; `origin` names them in errors. */
export function parseRules(text: string, taxonomy: Taxonomy, origin: string): RuleSet {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (err) {
    throw new RuleFileError(origin, [`not valid YAML: ${(err as Error).message}`]);
  }
  const file = RuleFileSchema.safeParse(document);
  if (!file.success) throw new RuleFileError(origin, file.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`));

  const problems: string[] = [];
  const rules: CompiledRule[] = [];
  const seen = new Set<string>();
  file.data.rules.forEach((raw, index) => {
    const name = ruleName(raw, index);
    const entry = RuleEntrySchema.safeParse(raw);
    if (!entry.success) {
      for (const issue of entry.error.issues) problems.push(`${name}: ${issue.path.join('.') || 'rule'}: ${issue.message}`);
      return;
    }
    if (seen.has(entry.data.id)) problems.push(`${name}: duplicate id`);
    seen.add(entry.data.id);
    const compiled = compileRule(entry.data, taxonomy);
    if ('problems' in compiled) problems.push(...compiled.problems.map((p) => `${name}: ${p}`));
    else rules.push(compiled.rule);
  });
  if (problems.length > 0) throw new RuleFileError(origin, problems);
  return { rules, origin, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** How errors name a rule: its id when it has one, else its position. */
function ruleName(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id ? `rule "${id}"` : `rule #${index + 1}`;
}
