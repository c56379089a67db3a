import { defaultTaxonomy } from '@logclass/taxonomy';
import { FILLERS } from './fillers';
import { ALL_FAMILIES, type FamilyLevel, type LineFormat, type LogFamily } from './families';
import { APPS_FAMILIES } from './families/apps';
import { appLogFile, bracketedIso, logback, logfmt, pino, pythonBasic, pythonLogging, rails, springBoot, structuredJson, zapJson } from './families/formats';
import { DEFAULT_CORPUS_OPTIONS, generateCorpus, rowsForWeight } from './generate';
import { Prng } from './prng';
import { expandPattern, slotNames } from './template';

const BUILT_IN_SLOTS = new Set(['int', 'float']);

describe('template language', () => {
  it('expands slots, ranges and nested alternatives', () => {
    const rng = new Prng(1);
    for (let i = 0; i < 50; i++) {
      const text = expandPattern('n={int:3:5} {a|b {x|y}|} done', rng);
      expect(text).toMatch(/^n=[345] (a|b x|b y|) done$/);
    }
    expect(() => expandPattern('{nope}', rng)).toThrow(/unknown slot \{nope\}/);
    expect(() => expandPattern('{a|b', rng)).toThrow(/unbalanced/);
  });
});

describe('corpus families', () => {
  it('have unique ids', () => {
    const ids = ALL_FAMILIES.map((f) => f.family);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('label every template with a label of the default taxonomy', () => {
    const names = new Set(defaultTaxonomy.names);
    const unknown = ALL_FAMILIES.flatMap((f) => f.templates.filter((t) => !names.has(t.label)).map((t) => `${f.family}: "${t.label}" (${t.pattern})`));
    expect(unknown).toEqual([]);
  });

  it('use only known slots (shared fillers or the family own)', () => {
    const known = (family: LogFamily, name: string): boolean => BUILT_IN_SLOTS.has(name) || name in FILLERS || (family.fillers !== undefined && name in family.fillers);
    const unknown = ALL_FAMILIES.flatMap((f) => f.templates.flatMap((t) => slotNames(t.pattern).filter((name) => !known(f, name)).map((name) => `${f.family}: {${name}} in ${t.pattern}`)));
    expect(unknown).toEqual([]);
  });

  it('write no pattern twice within a family', () => {
    const twice = ALL_FAMILIES.flatMap((f) => f.templates.filter((t, i) => f.templates.findIndex((u) => u.pattern === t.pattern) !== i).map((t) => `${f.family}: ${t.pattern}`));
    expect(twice).toEqual([]);
  });

  it('give every label templates in at least 3 families', () => {
    const thin = defaultTaxonomy.names
      .map((label) => ({ label, families: ALL_FAMILIES.filter((f) => f.templates.some((t) => t.label === label)).map((f) => f.family) }))
      .filter((l) => l.families.length < 3);
    expect(thin).toEqual([]);
  });

  // A row without a level word (a bare message, an access log, sshd) shares
  // no word; what must not happen is one word standing for the label.
  it('let no level word give a label away: at most 60% of its rows share one', () => {
    const telling: string[] = [];
    for (const label of defaultTaxonomy.names) {
      const rowsByLevel = new Map<FamilyLevel, number>();
      let total = 0;
      for (const f of ALL_FAMILIES) {
        for (const t of f.templates) {
          if (t.label !== label) continue;
          const rows = rowsForWeight(DEFAULT_CORPUS_OPTIONS.rowsPerTemplate, t.weight);
          total += rows;
          if (t.level !== null) rowsByLevel.set(t.level, (rowsByLevel.get(t.level) ?? 0) + rows);
        }
      }
      const [level, top] = [...rowsByLevel.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
      if (top > 0.6 * total) telling.push(`${label}: ${Math.round((100 * top) / total)}% of its rows at ${level}`);
    }
    expect(telling).toEqual([]);
  });
});

/** Shared slots whose values have spaces in them; every other shared slot fills one word. */
const MULTI_WORD_SLOTS = new Set(['component', 'essentialService', 'reason', 'cause', 'threat', 'entity', 'userAgent', 'datetime', 'componentId', 'role']);

/** Shared slots with a fixed shape. */
const NUMERIC_SLOTS: Record<string, string> = { ip: '[\\d.]+', port: '\\d+', pid: '\\d+', status: '\\d{3}', bytes: '\\d+', method: '[A-Z]+', iso: '\\d{4}-\\S+', date: '\\d{4}-\\d\\d-\\d\\d', mb: '\\d+', gb: '\\d+' };

/** A regular expression for one slot's values (a family's own slots may be anything). */
function slotSource(body: string): string {
  const name = body.split(':')[0];
  if (name === 'int') return '-?\\d+';
  if (name === 'float') return '-?[\\d.]+';
  if (name === 'lb') return '\\{';
  if (name === 'rb') return '\\}';
  if (name in NUMERIC_SLOTS) return NUMERIC_SLOTS[name];
  return name in FILLERS && !MULTI_WORD_SLOTS.has(name) ? '\\S+' : '.+?';
}

/** A template as a regular expression over whole messages: slots match their values, alternatives one of theirs. */
function patternRegex(pattern: string): RegExp {
  const toSource = (text: string): string => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      if (text[i] !== '{') {
        out += text[i].replace(/[.*+?^$()|[\]\\/]/g, '\\$&');
        i++;
        continue;
      }
      let depth = 0;
      let end = i;
      for (; end < text.length; end++) {
        if (text[end] === '{') depth++;
        else if (text[end] === '}' && --depth === 0) break;
      }
      const body = text.slice(i + 1, end);
      const alternatives: string[] = [];
      let level = 0;
      let start = 0;
      for (let k = 0; k < body.length; k++) {
        if (body[k] === '{') level++;
        else if (body[k] === '}') level--;
        else if (body[k] === '|' && level === 0) {
          alternatives.push(body.slice(start, k));
          start = k + 1;
        }
      }
      alternatives.push(body.slice(start));
      out += alternatives.length > 1 ? `(?:${alternatives.map(toSource).join('|')})` : slotSource(body);
      i = end + 1;
    }
    return out;
  };
  return new RegExp(`^${toSource(pattern)}$`);
}

describe('the app families', () => {
  // Lines in the original project's own style: what its users send. Each must
  // be written by an app family template of its label, and by none of another.
  const ORIGINAL_STYLE: readonly [string, string][] = [
    ['User User123 logged in.', 'User Action'],
    ['User User685 logged out.', 'User Action'],
    ['Account with ID 5351 created by User634.', 'User Action'],
    ['Backup completed successfully.', 'System Notification'],
    ['Backup started at 2025-05-14 07:06:55.', 'System Notification'],
    ['Backup ended at 2025-08-08 13:06:23.', 'System Notification'],
    ['System updated to version 3.2.1.', 'System Notification'],
    ['System reboot initiated by user User243.', 'System Notification'],
    ['File data_6957.csv uploaded successfully by user User265.', 'System Notification'],
    ['Disk cleanup completed successfully.', 'System Notification'],
    ['Multiple login failures occurred on user 6454 account', 'Security Alert'],
    ['Multiple bad login attempts detected on user 8101 account', 'Security Alert'],
    ['Server 32 experienced potential security incident', 'Security Alert'],
    ['Admin access escalation detected for user 9429', 'Security Alert'],
    ['API access denied due to unauthorized credentials', 'Security Alert'],
    ['Email service experiencing issues with sending', 'Critical Error'],
    ['Essential system part malfunction: component ID Component55', 'Critical Error'],
    ['Data replication task for shard 14 did not complete', 'Error'],
    ['Email server encountered a sending fault', 'Error'],
    ['Case escalation for ticket ID 7324 failed because the assigned support agent is no longer active.', 'Workflow Error'],
    ['Invoice generation process aborted for order ID 8910 due to invalid tax calculation module.', 'Workflow Error'],
    ['Task assignment for TeamID 3975 could not complete due to invalid priority level.', 'Workflow Error'],
    ["The 'ReportGenerator' module will be retired in version 5.0. Please migrate to the 'AdvancedAnalyticsSuite' by December 2025", 'Deprecation Warning'],
    ["API endpoint 'getCustomerDetails' is deprecated and will be removed in version 3.2. Use 'fetchCustomerInfo' instead.", 'Deprecation Warning'],
    ['Support for legacy authentication methods will be discontinued after 2025-06-01.', 'Deprecation Warning'],
  ];
  const compiled = APPS_FAMILIES.flatMap((f) => f.templates.map((t) => ({ family: f.family, label: t.label, pattern: t.pattern, regex: patternRegex(t.pattern) })));

  it.each(ORIGINAL_STYLE)('write %j as %s, and no other label', (message, label) => {
    const matches = compiled.filter((c) => c.regex.test(message));
    expect(matches.filter((m) => m.label === label).length).toBeGreaterThan(0);
    expect(matches.filter((m) => m.label !== label).map((m) => `${m.family}: ${m.pattern}`)).toEqual([]);
  });

  it('leave the infrastructure programs to their own families (no sshd, pam, sudo, nova or kernel lines)', () => {
    for (const c of compiled) expect(c.pattern).not.toMatch(/ssh2|pam_unix|NOT in sudoers|nova\.|Kernel panic|Out of memory: Killed|kubelet|systemd\[/);
  });
});

describe('app line formats', () => {
  const render = (format: LineFormat, level: FamilyLevel): string => format('the message', { level, rng: new Prng(7) });

  it('print the template level in the logger words', () => {
    expect(render(logback(['com.acme.X']), 'WARN')).toMatch(/ WARN {2}com\.acme\.X - the message$/);
    expect(render(logback(['com.acme.X']), 'FATAL')).toMatch(/ ERROR com\.acme\.X - the message$/);
    expect(render(springBoot('app', ['com.acme.X']), 'CRITICAL')).toMatch(/Z ERROR \d+ --- /);
    expect(render(pythonLogging(['app']), 'WARN')).toMatch(/ WARNING /);
    expect(render(pino('svc'), 'ERROR')).toMatch(/^\{"level":50,/);
    expect(render(zapJson(['a.go']), 'DEBUG')).toMatch(/^\{"level":"debug",/);
    expect(render(structuredJson(['app']), 'INFO')).toMatch(/"severity": "INFO"/);
    expect(render(rails, 'FATAL')).toMatch(/^F, \[.* FATAL -- : the message$/);
    expect(render(logfmt('api'), 'WARN')).toMatch(/level=warn(ing)? /);
    expect(render(bracketedIso, 'ERROR')).toMatch(/(\] ERROR: |\[ERROR\] )the message$/);
  });

  it('leave the level out where the program prints none, or print the message bare where every line has one', () => {
    const optional = [pino('svc'), zapJson(['a.go']), structuredJson(['app']), logfmt('api'), bracketedIso, appLogFile('LegacyCRM')];
    for (const format of optional) expect(render(format, null)).not.toMatch(/\b(INFO|info|level|severity)\b/);
    const always = [logback(['com.acme.X']), springBoot('app', ['com.acme.X']), pythonLogging(['app']), pythonBasic(['app']), rails];
    for (const format of always) expect(render(format, null)).toBe('the message');
  });
});

describe('generateCorpus', () => {
  const rows = generateCorpus({ seed: 5, rowsPerTemplate: 6 });

  it('is deterministic for a seed', () => {
    expect(generateCorpus({ seed: 5, rowsPerTemplate: 6 })).toEqual(rows);
  });

  it('never gives the same message two labels', () => {
    const labelOf = new Map<string, string>();
    for (const row of rows) {
      expect(labelOf.get(row.logMessage) ?? row.targetLabel).toBe(row.targetLabel);
      labelOf.set(row.logMessage, row.targetLabel);
    }
  });

  it('writes one-line messages with a template id, a family and a source', () => {
    for (const row of rows) {
      expect(row.logMessage).not.toMatch(/[\n\r]/);
      expect(row.logMessage.trim()).not.toBe('');
      expect(row.templateId).toMatch(/^[a-z0-9-]+-\d{3}$/);
      expect(row.family).not.toBe('');
      expect(row.source).not.toBe('');
    }
  });

  it('draws only from the families asked for', () => {
    const some = generateCorpus({ seed: 5, rowsPerTemplate: 2, families: APPS_FAMILIES.slice(0, 2) });
    expect(new Set(some.map((r) => r.family))).toEqual(new Set(APPS_FAMILIES.slice(0, 2).map((f) => f.family)));
  });
});
