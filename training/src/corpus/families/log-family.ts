import type { Filler } from '../fillers';
import type { Prng } from '../prng';

/**
 * What a program prints as its level, in its own words ("INFO", "W", "<3>",
 * "err"...) is decided by its line format; a template only says which level
 * the program uses for that message. `null`: the program prints no level for
 * it (sshd's syslog lines, kernel messages, access logs).
 */
export type FamilyLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'NOTICE' | 'WARN' | 'ERROR' | 'CRITICAL' | 'FATAL' | 'ALERT' | null;

/** One message shape a program writes, with the label it means. Its id is `<family>-<NNN>` (1-based position). */
export interface FamilyTemplate {
  label: string;
  /** The message in the template language of template.ts (`{slot}`, `{int:a:b}`, `{a|b}`). */
  pattern: string;
  /** The level this program logs this message at. */
  level: FamilyLevel;
  /** Relative volume in a real stream of this family (routine chatter is high); default 1. Scales its rows. */
  weight?: number;
  /** The logger/class/component this message comes from (e.g. `dfs.DataNode$PacketResponder`), for formats that print one. */
  component?: string;
}

/** What a line format gets to render one line. */
export interface LineContext {
  level: FamilyLevel;
  component?: string;
  rng: Prng;
}

/** Renders a whole line as the program writes it, around the expanded message. */
export type LineFormat = (message: string, context: LineContext) => string;

/** A program (or a close group of programs) and every message shape of it in the corpus. */
export interface LogFamily {
  /** Short kebab-case id, e.g. `sshd`, `hdfs`; evaluation holds out whole families. */
  family: string;
  /** One line: what system this is. */
  description: string;
  /** Values of the `source` column for its rows. */
  sources: readonly string[];
  /**
   * Whole-line formats the program writes (its header with timestamp, host,
   * level, component...). Real lines reach us both with their header and as
   * the bare message (a collector stripped it): the generator emits the bare
   * message with probability `bareShare`, otherwise one of these.
   */
  formats: readonly LineFormat[];
  /** Probability of the bare message; default 0.3. 1 when the template is already a whole line (access logs). */
  bareShare?: number;
  /** Slots only this family uses; looked up before the shared FILLERS. */
  fillers?: Readonly<Record<string, Filler>>;
  templates: readonly FamilyTemplate[];
}

export function defineFamily(family: LogFamily): LogFamily {
  return family;
}

const LEVELS: ReadonlySet<FamilyLevel> = new Set<FamilyLevel>(['TRACE', 'DEBUG', 'INFO', 'NOTICE', 'WARN', 'ERROR', 'CRITICAL', 'FATAL', 'ALERT', null]);

/**
 * A family's templates from its data file (`templates/<family>.json`: the
 * message shapes are data, the fillers and formats beside them code),
 * checked field by field so a bad edit fails when the corpus is built.
 */
export function familyTemplates(data: readonly unknown[]): readonly FamilyTemplate[] {
  return data.map((entry, i) => {
    const t = entry as Partial<FamilyTemplate> | null;
    const ok =
      typeof t === 'object' &&
      t !== null &&
      typeof t.label === 'string' &&
      typeof t.pattern === 'string' &&
      LEVELS.has(t.level as FamilyLevel) &&
      (t.weight === undefined || (typeof t.weight === 'number' && t.weight > 0)) &&
      (t.component === undefined || typeof t.component === 'string');
    if (!ok) throw new Error(`family template ${i + 1} is not { label, pattern, level, weight?, component? }: ${JSON.stringify(entry)?.slice(0, 160)}`);
    return t as FamilyTemplate;
  });
}

/** Stable template id: family + 1-based position, e.g. "sshd-007". */
export function familyTemplateId(family: LogFamily, index: number): string {
  return `${family.family}-${String(index + 1).padStart(3, '0')}`;
}
