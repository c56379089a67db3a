import { labelKey, UNCLASSIFIED, type Taxonomy } from '@logclass/taxonomy';

/** What the model said about one record, already checked against the taxonomy. */
export type RecordAnswer =
  | { kind: 'label'; label: string; raw: string }
  /** The model said no label fits. */
  | { kind: 'none'; raw: string }
  /** The model said something that is not a label of the taxonomy. */
  | { kind: 'not-in-taxonomy'; raw: string };

/** Longest piece of a model answer quoted back in a reason. */
export const MAX_QUOTED_ANSWER = 80;

/** Shortened for a reason: one line, at most MAX_QUOTED_ANSWER characters. */
export function quoteAnswer(raw: string): string {
  const flat = raw.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > MAX_QUOTED_ANSWER ? `${flat.slice(0, MAX_QUOTED_ANSWER)}…` : flat);
}

/**
 * Reasoning models think aloud in <think>...</think> before answering; only
 * what follows is the answer. An unclosed <think> (cut off by the token
 * limit) leaves no answer at all.
 */
export function stripThinking(content: string): string {
  const withoutBlocks = content.replace(/<think>[\s\S]*?<\/think>/gi, '');
  const open = withoutBlocks.search(/<think>/i);
  return (open >= 0 ? withoutBlocks.slice(0, open) : withoutBlocks).trim();
}

/**
 * A label the way models tend to decorate it: quoted, in bold or backticks,
 * after "Label:", with a final period. Case, spaces and punctuation are then
 * ignored by Taxonomy.resolve. Anything longer is not a label.
 */
export function resolveLabel(text: string, taxonomy: Taxonomy): RecordAnswer {
  const raw = text.trim();
  const bare = raw.replace(/^\s*(?:label|answer)\s*:\s*/i, '');
  if (labelKey(bare) === labelKey(UNCLASSIFIED)) return { kind: 'none', raw };
  const label = taxonomy.resolve(bare);
  return label ? { kind: 'label', label, raw } : { kind: 'not-in-taxonomy', raw };
}

/** The answer to a single-record prompt: one label name, nothing else. */
export function parseSingleAnswer(content: string, taxonomy: Taxonomy): RecordAnswer {
  return resolveLabel(stripThinking(content), taxonomy);
}

/**
 * The answer to a batch prompt: a JSON object with exactly the keys "1".."n"
 * and a string for each. Anything else (prose, missing or extra ids,
 * non-string values) is malformed: undefined, and the caller asks per record
 * instead of guessing which label belongs to which line.
 */
export function parseBatchAnswer(content: string, count: number, taxonomy: Taxonomy): RecordAnswer[] | undefined {
  const text = stripThinking(content)
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const entries = parsed as Record<string, unknown>;
  if (Object.keys(entries).length !== count) return undefined;
  const answers: RecordAnswer[] = [];
  for (let id = 1; id <= count; id++) {
    const value = entries[String(id)];
    if (typeof value !== 'string') return undefined;
    answers.push(resolveLabel(value, taxonomy));
  }
  return answers;
}
