import type { LogRecord } from '@logclass/contract';
import { maskTemplate } from '@logclass/template-mask';
import { lastUserMessage, promptRecords, systemMessage, type FakeGroqResponder } from '@logclass/test-support';
// The corpus generator's seeded PRNG: every run and every pass draws the same stream.
import { Prng, type LabelledRow } from '@logclass/training';

/**
 * A log stream for the learning-loop benchmarks: templates drawn from the
 * corpus (programs the shipped model was trained on) and from invented
 * programs it never saw, rows spread over them with a long tail, every line's
 * label known to an oracle that a Groq stand-in answers with.
 */
export interface StreamTemplate {
  source: string;
  label: string;
  /** Lines of the template (corpus lines, or one line per value set of an invented one). */
  line(rng: Prng): string;
  novel: boolean;
}

// Programs the corpus has never heard of, and how each would word a line of each label.
const PROGRAMS = ['zorbd', 'quaxly', 'flimsvc', 'brontod', 'gaxmon', 'tethrad', 'plovix', 'wumbler', 'snarfd', 'krellsync', 'yaxtor', 'miblet'];
const PHRASES: Record<string, string[]> = {
  'Critical Error': ['flux core {n} breached, containment lost', 'warp relay {n} melted down, all lanes halted', 'primary grommet array {n} dead, service unrecoverable', 'spindle kernel {n} panicked, whole fleet offline', 'quorum of orbs lost on ring {n}, cluster frozen'],
  Error: ['wobble ledger sync for batch {n} failed after {m} attempts', 'could not push flange bundle {n} to peer {m}', 'replication of sprocket shard {n} failed: checksum mismatch', 'nightly widget export {n} failed, will retry', 'send of gizmo digest {n} to relay {m} failed'],
  'Resource Usage': ['spindle pool holds {n} of {m} gizmos', 'flange cache at {n} MB of {m} MB', 'orb quota: {n} used, {m} free', 'sprocket heap {n} KB claimed of {m} KB'],
  'System Notification': ['flange inventory swept, {n} stale widgets archived', 'nightly orb snapshot {n} completed in {m} s', 'sprocket catalogue refreshed to revision {n}', 'gizmo janitor removed {n} expired tokens'],
  'User Action': ['operator {n} opened the flange console', 'account quib{n} signed off after {m} minutes', 'member {n} enrolled a new widget profile'],
  'Deprecation Warning': ['wobble API v{n} is obsolete, move to v{m} before the sunset', 'legacy orb protocol {n} will be removed next release'],
};

function novelTemplates(): StreamTemplate[] {
  const out: StreamTemplate[] = [];
  for (const program of PROGRAMS) {
    for (const [label, phrases] of Object.entries(PHRASES)) {
      for (const phrase of phrases) {
        // The same phrase in another module of the program is another template (modules are words, not masked).
        for (const module of ['core', 'edge', 'batch', 'admin', 'relay', 'vault', 'probe', 'shard', 'hub', 'cron']) {
          out.push({
            source: program,
            label,
            novel: true,
            line: (rng) => `${program}[${rng.int(1000, 9999)}]: ${module}: ${phrase.replace('{n}', String(rng.int(0, 99_999))).replace('{m}', String(rng.int(1, 500)))}`,
          });
        }
      }
    }
  }
  return out;
}

/** The corpus's templates (by mask) with their lines and labels. */
function corpusTemplates(corpus: readonly LabelledRow[]): StreamTemplate[] {
  const byMask = new Map<string, { source: string; label: string; lines: string[] }>();
  for (const row of corpus) {
    const key = `${row.source}\u0000${maskTemplate(row.logMessage)}`;
    const seen = byMask.get(key);
    if (seen) {
      if (seen.lines.length < 20) seen.lines.push(row.logMessage);
    } else byMask.set(key, { source: row.source, label: row.targetLabel, lines: [row.logMessage] });
  }
  return [...byMask.values()].map((t) => ({ source: t.source, label: t.label, novel: false, line: (rng) => rng.pick(t.lines) }));
}

/** Row counts per template: a long tail, as real logs have (weight 1/rank^0.8, ranks shuffled). */
function zipfPicker(n: number, rng: Prng): () => number {
  const weights = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, 0.8));
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return () => {
    const x = rng.next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return order[lo];
  };
}

export interface TemplateStream {
  rows: Array<{ record: LogRecord; label: string; novel: boolean }>;
  /** Masked template -> label, for the stand-in. */
  oracle: Map<string, string>;
  templatesDrawn: number;
  templatesUsed: number;
  novelTemplates: number;
  mostRows: number;
}

/** The same stream for the same arguments (seeded). */
export function templateStream(corpus: readonly LabelledRow[], ROWS: number, TEMPLATES: number, NOVEL_SHARE: number): TemplateStream {
  const rng = new Prng(14);
  const novel = rng.fork('novel').shuffle(novelTemplates()).slice(0, Math.round(TEMPLATES * NOVEL_SHARE));
  const known = rng.fork('known').shuffle(corpusTemplates(corpus)).slice(0, TEMPLATES - novel.length);
  const templates = rng.fork('mix').shuffle([...known, ...novel]);
  const oracle = new Map<string, string>();
  const rowsOf = new Array<number>(templates.length).fill(0);

  // The stream, the same in every pass (seeded): each row a template's line.
  const pickRng = new Prng(99);
  const pick = zipfPicker(templates.length, pickRng);
  const rows: Array<{ record: LogRecord; label: string; novel: boolean }> = [];
  for (let i = 0; i < ROWS; i++) {
    const t = pick();
    rowsOf[t]++;
    const line = templates[t].line(pickRng);
    oracle.set(maskTemplate(line), templates[t].label);
    rows.push({ record: { source: templates[t].source, logMessage: line }, label: templates[t].label, novel: templates[t].novel });
  }
  return { rows, oracle, templatesDrawn: templates.length, templatesUsed: rowsOf.filter((n) => n > 0).length, novelTemplates: novel.length, mostRows: Math.max(...rowsOf) };
}

/** The stand-in's answers: each line's template's label; tokens billed by length (~4 characters a token), as Groq would. */
export function oracleResponder(oracle: ReadonlyMap<string, string>): FakeGroqResponder {
  return (request) => {
    const records = promptRecords(request);
    const labelOf = (m: string) => oracle.get(maskTemplate(m)) ?? 'Unclassified';
    const prompt = Math.ceil((systemMessage(request).length + lastUserMessage(request).length) / 4);
    const usage = { prompt_tokens: prompt, completion_tokens: 4 + 8 * records.length };
    if (records.length === 1) return { content: labelOf(records[0].log_message), usage };
    return { content: JSON.stringify(Object.fromEntries(records.map((r, i) => [String(r.id ?? i + 1), labelOf(r.log_message)]))), usage };
  };
}
