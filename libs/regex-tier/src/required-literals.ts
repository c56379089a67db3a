/**
 * Literal text every match of a pattern must contain, derived from the
 * pattern's source at compile time. The classifier uses it as a cheap
 * necessary condition: a row that contains none of a rule's literals cannot
 * match the rule, so its regex is not run.
 *
 * Only the syntax the rules use is analysed (characters, escapes, classes,
 * groups, alternation, quantifiers, lookarounds); anything else gives no
 * literal, which only costs speed. Every step may lose literals but must never
 * invent one: a literal run is only extended by a character that is matched
 * exactly once, right after the previous one, or forked by one matched at
 * most once (into the run with it and the run without it).
 */

/** One of these strings occurs in every match (and so in the text the rule ran on). */
type AnyOf = readonly string[];

/** Shorter literals are too common to save anything. */
const MIN_LITERAL_LENGTH = 3;

/** Most texts one literal run forks into (each optional character doubles them). */
const MAX_RUN_ALTERNATIVES = 4;

/** A pattern the analysis does not understand: no literal rather than a guess. */
class Unsupported extends Error {}

type Atom =
  | { kind: 'char'; ch: string }
  /** Anything that consumes characters but is not one known character; `need` is what its match contains. */
  | { kind: 'other'; need: AnyOf | undefined };

/**
 * The literals of `pattern` compiled with `flags`, one of which every match
 * contains, or undefined when none is known. Under the `i` flag they are
 * lower-cased and must be looked for in the lower-cased text.
 */
export function requiredLiterals(pattern: string, flags: string): AnyOf | undefined {
  try {
    const need = new LiteralParser(pattern, flags.includes('i'), flags.includes('u')).parse();
    return need && Math.min(...need.map((s) => s.length)) >= MIN_LITERAL_LENGTH ? need : undefined;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

class LiteralParser {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly caseInsensitive: boolean,
    private readonly unicode: boolean,
  ) {}

  parse(): AnyOf | undefined {
    const need = this.alternation();
    if (this.pos !== this.src.length) throw new Unsupported(`unexpected ${this.src[this.pos]}`);
    return need;
  }

  /** Branches separated by `|`: a match contains the literal of the branch it took. */
  private alternation(): AnyOf | undefined {
    const branches = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === undefined)) return undefined;
    return [...new Set(branches.flatMap((b) => b as AnyOf))];
  }

  /**
   * Items in a row: each literal run and each group's literal is required; the most selective wins.
   * A run is a set of alternatives: an optional character (`x?`) forks it into the text without
   * it and the text with it, one of which every match holds (`\] \\?"` needs `] "` or `] \"`).
   */
  private sequence(): AnyOf | undefined {
    const needs: AnyOf[] = [];
    let run: string[] = [''];
    const flush = (): void => {
      // A text holding another of the run's texts adds nothing (a match with it holds the other).
      if (run.every((r) => r !== '')) needs.push(run.filter((r) => !run.some((other) => other !== r && r.includes(other))));
      run = [''];
    };
    const extend = (ch: string): void => {
      run = run.map((r) => r + ch);
    };
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      const quantifier = this.quantifier();
      if (atom.kind === 'char') {
        const ch = this.literalChar(atom.ch);
        if (quantifier === undefined && ch !== undefined) {
          extend(ch);
          continue;
        }
        if (quantifier?.min === 0 && quantifier.max === 1 && ch !== undefined && run.length * 2 <= MAX_RUN_ALTERNATIVES) {
          run = [...new Set([...run, ...run.map((r) => r + ch)])];
          continue;
        }
        // A repeated character: its first copy still follows the run.
        if (quantifier !== undefined && quantifier.min >= 1 && ch !== undefined) extend(ch);
        flush();
      } else {
        flush();
        if (atom.need && (quantifier === undefined || quantifier.min >= 1)) needs.push(atom.need);
      }
    }
    flush();
    return needs.length === 0 ? undefined : needs.reduce((best, n) => (selectivity(n) > selectivity(best) ? n : best));
  }

  /** How the character appears in the text searched, or undefined when it is not searched for. */
  private literalChar(ch: string): string | undefined {
    // ASCII only: the scanner folds ASCII case in one pass and does not lower-case the line.
    // Case-insensitively a non-ASCII character never matches an ASCII one, except under `u`,
    // where the Kelvin sign folds to k and the long s to s.
    if (ch.charCodeAt(0) >= 0x80) return undefined;
    if (!this.caseInsensitive) return ch;
    if (this.unicode && /[ks]/i.test(ch)) return undefined;
    return ch.toLowerCase();
  }

  private atom(): Atom {
    const c = this.src[this.pos++];
    switch (c) {
      case '(':
        return this.group();
      case '[':
        this.skipClass();
        return { kind: 'other', need: undefined };
      case '\\':
        return this.escape();
      case '.':
        return { kind: 'other', need: undefined };
      case '^':
      case '$':
        return { kind: 'other', need: undefined };
      case '*':
      case '+':
      case '?':
        throw new Unsupported(`quantifier ${c} without an atom`);
      case '{':
        if (/^\d+(?:,\d*)?\}/.test(this.src.slice(this.pos))) throw new Unsupported('quantifier without an atom');
        return { kind: 'char', ch: c };
      default:
        return { kind: 'char', ch: c };
    }
  }

  /** After `(`: a group's literal is required; a positive lookaround's too (it matched in the text); a negative one's is not. */
  private group(): Atom {
    let positive = true;
    if (this.src[this.pos] === '?') {
      const rest = this.src.slice(this.pos + 1);
      const prefix = /^(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(rest);
      if (!prefix) throw new Unsupported(`group (?${rest[0]}`);
      positive = prefix[0] !== '!' && prefix[0] !== '<!';
      this.pos += 1 + prefix[0].length;
    }
    const need = this.alternation();
    if (this.src[this.pos] !== ')') throw new Unsupported('unclosed group');
    this.pos++;
    return { kind: 'other', need: positive ? need : undefined };
  }

  private skipClass(): void {
    while (this.pos < this.src.length && this.src[this.pos] !== ']') this.pos += this.src[this.pos] === '\\' ? 2 : 1;
    if (this.pos >= this.src.length) throw new Unsupported('unclosed class');
    this.pos++;
  }

  /** After `\`. Escaped punctuation is that character; every other escape is not a literal (its digits and braces are consumed with it). */
  private escape(): Atom {
    const c = this.src[this.pos++];
    if (c === undefined) throw new Unsupported('trailing backslash');
    if (!/[A-Za-z0-9]/.test(c)) return { kind: 'char', ch: c };
    // Over-consuming after a non-literal escape only loses literals; under-consuming would turn digits into literals.
    if (/[0-9]/.test(c)) this.skip(/^[0-9]*/);
    else if (c === 'x') this.skip(/^[0-9a-fA-F]{0,2}/);
    else if (c === 'u') this.skip(/^(?:\{[0-9a-fA-F]*\}|[0-9a-fA-F]{0,4})/);
    else if (c === 'p' || c === 'P') this.skip(/^\{[^}]*\}/);
    else if (c === 'k') this.skip(/^<[^>]*>/);
    else if (c === 'c') this.skip(/^[A-Za-z]/);
    // \b \B \d \w \s \n ... and identity escapes of letters: not searched for.
    return { kind: 'other', need: undefined };
  }

  /** Consumes what `anchored` (starting with ^) matches at the current position, if anything. */
  private skip(anchored: RegExp): void {
    this.pos += anchored.exec(this.src.slice(this.pos))?.[0].length ?? 0;
  }

  /** The least and most repetitions of the quantifier at the current position (consumed), or undefined when there is none. */
  private quantifier(): { min: number; max: number } | undefined {
    const m = /^(?:(\*)|(\?)|(\+)|\{(\d+)(,(\d*))?\})\??/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    if (m[1]) return { min: 0, max: Infinity };
    if (m[2]) return { min: 0, max: 1 };
    if (m[3]) return { min: 1, max: Infinity };
    const min = Number(m[4]);
    return { min, max: m[5] === undefined ? min : m[6] === '' ? Infinity : Number(m[6]) };
  }
}

/** Longer shortest literal first, then fewer alternatives. */
function selectivity(need: AnyOf): number {
  return Math.min(...need.map((s) => s.length)) * 1000 - need.length;
}
