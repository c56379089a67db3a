import { randomMoment, type Filler, type Moment } from '../../fillers';
import type { Prng } from '../../prng';
import { expandPattern } from '../../template';

/** Small pieces the platform families' own line headers are built from. */

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A filler that picks one of fixed values. */
export const oneOf =
  (items: readonly string[]): Filler =>
  (r) =>
    r.pick(items);

/** `n` random decimal digits, the first one non-zero. */
export function digits(r: Prng, n: number): string {
  let out = String(r.int(1, 9));
  for (let i = 1; i < n; i++) out += String(r.int(0, 9));
  return out;
}

/** Seconds since the epoch of a random moment (the clock many RAS and broker logs print). */
export function epochSeconds(m: Moment): number {
  return Math.floor(Date.UTC(m.year, m.month - 1, m.day, m.hour, m.minute, m.second) / 1000);
}

export const moment = randomMoment;

/**
 * Some headers print a per-line variable inside the component (ZooKeeper's
 * `[QuorumPeer[myid=2]/...:Leader@358]`, a pid in `symptomsd[215]`): such a
 * component is written in the template language and expanded per line.
 */
export function expandComponent(component: string | undefined, rng: Prng, fillers?: Readonly<Record<string, Filler>>): string {
  return component === undefined ? '' : expandPattern(component, rng, fillers);
}

/**
 * A value a line repeats (the namespace in an audit event's URI and in its
 * objectRef, the image a pull failure names three times): `draw` makes a new
 * one, `again` repeats the last one drawn. Patterns use `draw` first.
 */
export function sticky(filler: Filler): { draw: Filler; again: Filler } {
  let last = '';
  return {
    draw: (r) => {
      last = filler(r);
      return last;
    },
    again: () => last,
  };
}

/**
 * A JSON record as a template: string values are template text where `«` and
 * `»` stand for the template's braces (`"verb":"«get|list»"`), and the JSON's
 * own braces become `{lb}`/`{rb}`. A string wrapped in `§` is written
 * unquoted, for numbers and booleans drawn by the template (`"§«int:2:8»§"`).
 */
export function jsonPattern(record: Record<string, unknown>): string {
  const escapes: Record<string, string> = { '{': '{lb}', '}': '{rb}', '«': '{', '»': '}' };
  return JSON.stringify(record)
    .replace(/"§|§"/g, '')
    .replace(/[{}«»]/g, (ch) => escapes[ch]);
}
