import { isWildcard } from './tokens';

/** `<TS>`, `[<TS>]`, `(<NUM>)`, `<IP>:`, `£<NUM>`: a placeholder and punctuation, no word. */
const BARE_VALUE = /^[^A-Za-z0-9<]{0,3}<[A-Z]+>[^A-Za-z0-9<]{0,3}$/;
export const isBareValue = (token: string): boolean => BARE_VALUE.test(token);

/** Marks of a template position, worked out once per template text instead of once per compared line. */
export const WORDING = 1;
export const MAY_ACCEPT = 2;

/**
 * What the similarity score needs to know of a template's tokens, computed
 * when the template is made or changes: per position whether it is wording
 * (neither a bare wildcard nor a bare placeholder: an equal token there
 * counts) and whether it is a wildcard that may accept other tokens, and how
 * many wording positions it has (the most a line can equal).
 */
export interface TemplateShape {
  readonly marks: Uint8Array;
  readonly wording: number;
}

export function shapeOf(tokens: readonly string[]): TemplateShape {
  const marks = new Uint8Array(tokens.length);
  let wording = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let mark = 0;
    if (!isWildcard(t) && !isBareValue(t)) {
      mark |= WORDING;
      wording++;
    }
    if (t.includes('<*>')) mark |= MAY_ACCEPT;
    marks[i] = mark;
  }
  return { marks, wording };
}
