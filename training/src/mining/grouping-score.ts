/** One line with the group a miner put it in and its ground truth. */
export interface GroupedRow {
  /** The mined template (any key: template text or id). */
  group: string;
  /** The true template: rows with the same key differ only in variable values. */
  truth: string;
  label: string;
  family: string;
  /** The key a tier decides the row's label by, when it is not the group (TemplateMiner.labelKeyOf). */
  labelKey?: string;
}

export interface GroupingScore {
  rows: number;
  trueTemplates: number;
  minedTemplates: number;
  /**
   * Share of rows whose mined group is exactly the rows of their true
   * template (Loghub's grouping accuracy): a group that splits a template
   * or joins two costs all of their rows.
   */
  groupingAccuracy: number;
  /** Mined groups over true templates: 1 is ideal, above 1 a template is split, below 1 templates are joined. */
  templatesPerTrueTemplate: number;
  /** Share of rows whose label key (their group unless told otherwise) holds one label only: a cache keyed by it cannot give them a wrong label. */
  labelPurity: number;
}

export interface GroupingReport {
  overall: GroupingScore;
  /** By family, in the order families first appear. */
  families: Map<string, GroupingScore>;
}

/** Grouping accuracy, templates per true template and label purity, overall and per family. */
export function scoreGrouping(rows: readonly GroupedRow[]): GroupingReport {
  const truthSize = countBy(rows, (r) => r.truth);
  const groupRows = groupsOf(rows);
  const correctGroup = correctGroups(groupRows, truthSize);
  const keyOf = (r: GroupedRow): string => r.labelKey ?? r.group;
  const pureKey = new Set<string>();
  for (const [key, members] of rowsBy(rows, keyOf)) {
    const label = members[0].label;
    if (members.every((m) => m.label === label)) pureKey.add(key);
  }
  const score = (subset: readonly GroupedRow[]): GroupingScore => {
    const truths = new Set(subset.map((r) => r.truth)).size;
    const groups = new Set(subset.map((r) => r.group)).size;
    const n = subset.length;
    return {
      rows: n,
      trueTemplates: truths,
      minedTemplates: groups,
      groupingAccuracy: n === 0 ? 1 : subset.filter((r) => correctGroup.has(r.group)).length / n,
      templatesPerTrueTemplate: truths === 0 ? 1 : groups / truths,
      labelPurity: n === 0 ? 1 : subset.filter((r) => pureKey.has(keyOf(r))).length / n,
    };
  };
  const byFamily = new Map<string, GroupedRow[]>();
  for (const r of rows) {
    const list = byFamily.get(r.family);
    if (list) list.push(r);
    else byFamily.set(r.family, [r]);
  }
  return { overall: score(rows), families: new Map([...byFamily].map(([family, subset]) => [family, score(subset)])) };
}

/** True templates whose rows make exactly one group, holding nothing else (what grouping accuracy counts). */
export function exactlyGroupedTruths(rows: readonly GroupedRow[]): Set<string> {
  const groupRows = groupsOf(rows);
  const correct = correctGroups(groupRows, countBy(rows, (r) => r.truth));
  return new Set([...correct].map((group) => (groupRows.get(group) as GroupedRow[])[0].truth));
}

function groupsOf(rows: readonly GroupedRow[]): Map<string, GroupedRow[]> {
  return rowsBy(rows, (r) => r.group);
}

function rowsBy(rows: readonly GroupedRow[], key: (r: GroupedRow) => string): Map<string, GroupedRow[]> {
  const byKey = new Map<string, GroupedRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  return byKey;
}

/** Groups that hold exactly the rows of one true template. */
function correctGroups(groupRows: ReadonlyMap<string, GroupedRow[]>, truthSize: ReadonlyMap<string, number>): Set<string> {
  const correct = new Set<string>();
  for (const [group, members] of groupRows) {
    const truth = members[0].truth;
    if (members.every((m) => m.truth === truth) && truthSize.get(truth) === members.length) correct.add(group);
  }
  return correct;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
