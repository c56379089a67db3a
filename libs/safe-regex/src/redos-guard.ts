/**
 * A heuristic guard against catastrophic backtracking in rule patterns. Log
 * lines are attacker-controlled, and a pattern such as `(a+)+$` or
 * `(\w+\s?)*x` takes exponential time on a crafted line. We reject the shape
 * that causes it: a repeated group whose body itself repeats (a nested
 * quantifier), and back-references (`(a+)\1`, which no regex engine can
 * match without backtracking). Not caught (documented in the rules file):
 * alternations with overlapping branches under a quantifier (`(a|ab)+`).
 * Polynomial blow-ups (`\d+x` on a long run of digits) are bounded instead by
 * matching only a capped prefix of each message (RegexClassifier).
 */
export function findBacktrackingRisk(source: string): string | undefined {
  interface Group {
    start: number;
    repeats: boolean;
  }
  const open: Group[] = [];
  let closed: Group | undefined; // the group that ended right before the current position
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const quantifier = readQuantifier(source, i);
    if (quantifier) {
      if (quantifier.repeats) {
        if (closed?.repeats) {
          return `nested quantifier: the group at offset ${closed.start} repeats and is repeated again by "${source.slice(i, quantifier.end)}"`;
        }
        for (const g of open) g.repeats = true;
      }
      i = quantifier.end;
      closed = undefined;
      continue;
    }
    closed = undefined;
    if (c === '\\') {
      if (/[1-9]/.test(source[i + 1] ?? '') || source.startsWith('k<', i + 1)) return `back-reference "${source.slice(i, i + 2)}" at offset ${i}`;
      i += 2;
    } else if (c === '[') {
      i = skipClass(source, i);
    } else if (c === '(') {
      open.push({ start: i, repeats: false });
      i++;
    } else if (c === ')') {
      closed = open.pop();
      if (closed?.repeats) for (const g of open) g.repeats = true;
      i++;
    } else {
      i++;
    }
  }
  return undefined;
}

/** A quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy), and whether it repeats its atom a variable number of times. */
function readQuantifier(source: string, i: number): { end: number; repeats: boolean } | undefined {
  const c = source[i];
  let end: number;
  let repeats: boolean;
  if (c === '*' || c === '+') {
    end = i + 1;
    repeats = true;
  } else if (c === '?') {
    end = i + 1;
    repeats = false;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
    if (!m) return undefined;
    end = i + m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    // An exact count ({3}) repeats a fixed shape: only a variable count makes the matcher choose.
    repeats = max > 1 && max !== min;
  } else {
    return undefined;
  }
  if (source[end] === '?') end++;
  return { end, repeats };
}

/** The index after the character class starting at `i` (`[...]`, escapes and a leading `]` or `^` handled). */
function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}
