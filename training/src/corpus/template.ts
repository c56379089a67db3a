import { FILLERS, type Filler } from './fillers';
import type { Prng } from './prng';
import { isValueChoice } from './value-choices';
import { HTTP_METHODS } from './vocabulary';

/**
 * Template mini-language, so hundreds of phrasings stay readable:
 *   {name}              a slot from FILLERS (e.g. {user}, {ip})
 *   {int:1:64}          an integer in [1, 64]
 *   {float:0:100:2}     a decimal in [0, 100) with 2 digits
 *   {a|b|}              one of the alternatives (empty allowed); they nest
 * Anything else is literal text. `extra` fillers (a family's own slots) are
 * looked up before the shared FILLERS. `choices`, when given, collects the
 * index of every wording alternative taken, and of every value a wording
 * slot (WORDING_SLOTS) wrote: lines with the same pattern and the same
 * choices share one true template (their other slots, and alternatives that
 * are values, are its variables; see value-choices.ts).
 */
export function expandPattern(pattern: string, rng: Prng, extra?: Readonly<Record<string, Filler>>, choices?: number[]): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    const end = matchingBrace(pattern, i);
    out += expandGroup(pattern.slice(i + 1, end), rng, extra, choices, isFieldValue(pattern, i));
    i = end + 1;
  }
  return out;
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`template: unbalanced "{" at ${open} in ${JSON.stringify(pattern)}`);
}

/** Split on "|" at nesting depth 0 only. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === '|' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function expandGroup(body: string, rng: Prng, extra?: Readonly<Record<string, Filler>>, choices?: number[], fieldValue = false): string {
  const alternatives = splitAlternatives(body);
  if (alternatives.length > 1) {
    const choice = rng.int(0, alternatives.length - 1);
    // A value picked from a list is a variable of the template, not part of its identity (value-choices.ts).
    if (!isValueChoice(alternatives)) choices?.push(choice);
    return expandPattern(alternatives[choice], rng, extra, choices);
  }
  const [name, ...args] = body.split(':');
  if (name === 'int') return String(rng.int(Number(args[0]), Number(args[1])));
  if (name === 'float') {
    const [min, max, digits] = args.map(Number);
    return (min + rng.next() * (max - min)).toFixed(digits);
  }
  const filler = extra?.[name] ?? FILLERS[name];
  if (!filler) throw new Error(`template: unknown slot {${body}}`);
  const value = filler(rng);
  const wording = fieldValue ? undefined : wordingSlot(name, extra);
  if (wording) choices?.push(wording.indexOf(value));
  return value;
}

/**
 * Shared slots whose value is wording of the template, not one of its
 * variables, with every value each writes: a request's method names the
 * operation, and published ground truths keep it (`<*> "POST <*>" status:
 * <*>`). Not as a field's value (`method=GET`, `"method":"GET"`): a field's
 * value is a variable, whatever it is. A family's own slot of that name is
 * its own.
 */
const WORDING_SLOTS: Readonly<Record<string, readonly string[]>> = { method: [...new Set(HTTP_METHODS)] };

function wordingSlot(name: string, extra?: Readonly<Record<string, Filler>>): readonly string[] | undefined {
  return extra?.[name] === undefined ? WORDING_SLOTS[name] : undefined;
}

/** Whether the slot opening at `open` of a pattern is a field's value: written right after `=` or `:`, maybe and a quote. */
const isFieldValue = (pattern: string, open: number): boolean => FIELD_KEY_END.test(pattern.slice(Math.max(0, open - 3), open));
const FIELD_KEY_END = /[=:]\\?["']?$/;

/** Every slot name a pattern uses (to validate templates without generating). */
export function slotNames(pattern: string): string[] {
  const names: string[] = [];
  const visit = (text: string): void => {
    let i = 0;
    while (i < text.length) {
      if (text[i] !== '{') {
        i++;
        continue;
      }
      const end = matchingBrace(text, i);
      const body = text.slice(i + 1, end);
      const alternatives = splitAlternatives(body);
      if (alternatives.length > 1) alternatives.forEach(visit);
      else names.push(body.split(':')[0]);
      i = end + 1;
    }
  };
  visit(pattern);
  return names;
}

/**
 * The text of a line's true template, as a published ground truth writes
 * it: the pattern with every slot and every alternative that is a value as
 * `<*>`, the wording alternatives the line took and the values of its
 * wording slots (`choices`, as expandPattern collected them) as written, and
 * `{lb}` / `{rb}` as the braces they write.
 * Two patterns a family lists apart can have one such text (`USER=root` and
 * `USER={postgres|deploy}` once `root` is a value): a ground truth keyed by
 * the text counts them as one template.
 */
export function trueTemplateText(pattern: string, choices: readonly number[], extra?: Readonly<Record<string, Filler>>): string {
  let next = 0;
  const visit = (text: string): string => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      if (text[i] !== '{') {
        out += text[i++];
        continue;
      }
      const end = matchingBrace(text, i);
      const body = text.slice(i + 1, end);
      const alternatives = splitAlternatives(body);
      if (alternatives.length > 1) out += isValueChoice(alternatives) ? VARIABLE : visit(alternatives[choices[next++]] ?? '');
      else {
        const wording = isFieldValue(text, i) ? undefined : wordingSlot(body.split(':')[0], extra);
        out += wording ? (wording[choices[next++]] ?? '') : (literalFiller(body, extra) ?? VARIABLE);
      }
      i = end + 1;
    }
    return out;
  };
  return visit(pattern);
}

const VARIABLE = '<*>';

/** Slots that write punctuation the pattern language cannot write itself: part of the template's text. */
const LITERAL_SLOTS: Readonly<Record<string, string>> = { lb: '{', rb: '}' };

/** The text a literal slot writes (`{lb}` -> `{`), or undefined for a slot that varies. */
function literalFiller(body: string, extra?: Readonly<Record<string, Filler>>): string | undefined {
  const name = body.split(':')[0];
  return extra?.[name] === undefined ? LITERAL_SLOTS[name] : undefined;
}
