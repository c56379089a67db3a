import { z } from 'zod';

/** One rule as written in the YAML file (see rules/default-rules.yaml for the documented format). */
export const RuleEntrySchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'id must be 1-64 letters, digits, ".", "_" or "-"'),
  pattern: z.string().min(1, 'pattern must not be empty').max(2000, 'pattern is longer than 2000 characters'),
  /** Only flags that keep RegExp#test stateless and the meaning plain: no g, y or d. */
  flags: z.string().regex(/^(?!.*(.).*\1)[imsu]*$/, 'flags must be a subset of "imsu" without repeats').optional(),
  label: z.string().min(1, 'label must not be empty'),
  sources: z.array(z.string().trim().min(1, 'a source must not be empty')).min(1, 'sources, when given, must list at least one source').optional(),
  description: z.string().optional(),
  examples: z.array(z.string()).optional(),
  counterexamples: z.array(z.string()).optional(),
});

export type RuleEntry = z.infer<typeof RuleEntrySchema>;

export const RuleFileSchema = z.strictObject({
  version: z.literal(1).optional(),
  rules: z.array(z.unknown()).min(1, 'the file must hold at least one rule'),
});

/** Flags when a rule names none: log wording varies in case ("User" / "user"). */
export const DEFAULT_FLAGS = 'i';
