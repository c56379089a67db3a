import type { Taxonomy } from '@logclass/taxonomy';
import { findBacktrackingRisk } from '@logclass/safe-regex';
import { DEFAULT_FLAGS, type RuleEntry } from './rule-file';
import { prefilterFor } from './rule-prefilter';
import type { CompiledRule } from './rule-set';

/** Strings a pattern must not match with an empty match: a rule that can match nothing matches every line. */
const EMPTY_MATCH_PROBES = ['', 'x', ' ', 'User logged in'];

/**
 * Checks one rule entry against the taxonomy and its own examples and
 * compiles it. Returns the compiled rule, or the problems found (without the
 * rule id: the caller prefixes it).
 */
export function compileRule(entry: RuleEntry, taxonomy: Taxonomy): { rule: CompiledRule } | { problems: string[] } {
  const problems: string[] = [];
  if (!taxonomy.has(entry.label)) {
    const near = taxonomy.resolve(entry.label);
    problems.push(`label "${entry.label}" is not in the taxonomy${near ? ` (did you mean "${near}"?)` : ` (labels: ${taxonomy.names.join(', ')})`}`);
  }
  const nested = findBacktrackingRisk(entry.pattern);
  if (nested) problems.push(`pattern risks catastrophic backtracking: ${nested}`);

  const flags = entry.flags ?? DEFAULT_FLAGS;
  let regex: RegExp | undefined;
  try {
    regex = new RegExp(entry.pattern, flags);
  } catch (err) {
    problems.push(`pattern does not compile: ${(err as Error).message}`);
  }
  if (regex) {
    const probe = regex;
    if (EMPTY_MATCH_PROBES.some((text) => probe.exec(text)?.[0] === '')) problems.push('pattern can match the empty string, so it would match every line');
    for (const example of entry.examples ?? []) {
      if (!probe.test(example)) problems.push(`example does not match: ${JSON.stringify(example)}`);
    }
    for (const counter of entry.counterexamples ?? []) {
      if (probe.test(counter)) problems.push(`counterexample matches: ${JSON.stringify(counter)}`);
    }
  }
  if (problems.length > 0 || !regex) return { problems };
  return {
    rule: {
      id: entry.id,
      label: entry.label,
      description: entry.description ?? '',
      regex,
      sources: entry.sources ? new Set(entry.sources.map((s) => s.toLowerCase())) : undefined,
      prefilter: prefilterFor(entry, flags),
    },
  };
}
