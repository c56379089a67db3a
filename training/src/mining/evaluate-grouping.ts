/**
 * How well lines are grouped into templates, against the generated corpus's
 * true templates: the deterministic masker (maskTemplate) and the online
 * miner (TemplateMiner), per family, on the corpus as generated, as bare
 * messages and as whole lines; then whether miners that saw the lines in
 * other orders agree on ids. Scored against the true templates with line
 * formats of one shape and alternatives that are values merged
 * (corpus-views.ts says why); the overall line is also given against the
 * strict key as generated, and overall on a sample with skewed counts per
 * true template (withSkewedCounts: most templates rare, as in real logs),
 * and on those rows of the benchmark-like families with one miner per family,
 * as parser benchmarks run one per system, with the worst family named;
 * in the views with line headers, also one miner per family and line format
 * (a system's sample is in one format; the generated families mix several).
 * Drain with Drain3's example configuration runs beside them on the same
 * rows (drain-baseline.ts says why); --vs-drain lists, per family, true
 * templates Drain groups right and the miner does not.
 *
 *   npx tsx --tsconfig tsconfig.base.json training/src/mining/evaluate-grouping.ts [--seed N] [--rows N] [--families] [--vs-drain]
 */
import { parseArgs } from 'node:util';
import { minerAgreement } from './agreement';
import { corpusView, CORPUS_VIEWS, generatedView, skippedFamilies, withSkewedCounts, withValueAlternativesMerged } from './corpus-views';
import { groupByDrain, groupByDrainPerFormat, groupByMask, groupByMiner, groupByMinerPerFamily, groupByMinerPerFamilyAndFormat } from './group-lines';
import { exactlyGroupedTruths, scoreGrouping, type GroupedRow, type GroupingScore } from './grouping-score';
import { templateCost } from './template-cost';
import { PARSER_BENCHMARK_FAMILIES } from './benchmark-families';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20251127' },
    rows: { type: 'string', default: '16' },
    families: { type: 'boolean', default: false },
    'vs-drain': { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const rowsPerTemplate = Number(values.rows);

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
const cells = (s: GroupingScore): string => `${pct(s.groupingAccuracy)} ${s.templatesPerTrueTemplate.toFixed(2).padStart(5)} ${pct(s.labelPurity)}`;
const line = (name: string, ...scores: GroupingScore[]): string =>
  `${name.padEnd(22)} ${String(scores[0].rows).padStart(6)} ${String(scores[0].trueTemplates).padStart(6)}   ${scores.map(cells).join('   ')}`;

for (const view of CORPUS_VIEWS) {
  const strict = generatedView(view, seed, rowsPerTemplate);
  const rows = withValueAlternativesMerged(corpusView(view, seed, rowsPerTemplate));
  const maskGroups = groupByMask(rows);
  const started = process.cpuUsage();
  const minedGroups = groupByMiner()(rows);
  const cpu = process.cpuUsage(started);
  const drainGroups = groupByDrain(rows);
  const mask = scoreGrouping(maskGroups);
  const mined = scoreGrouping(minedGroups);
  const drain = scoreGrouping(drainGroups);
  const strictScore = (groups: typeof maskGroups): GroupingScore => scoreGrouping(groups.map((g, i) => ({ ...g, truth: strict[i].trueTemplate }))).overall;
  console.log(`\n${view}: ${rows.length} rows; seed ${seed}, ${rowsPerTemplate} rows per template; miner ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (mining and label keys)`);
  console.log(`${'family'.padEnd(22)} ${'rows'.padStart(6)} ${'true'.padStart(6)}   mask: acc%  t/tt pure%   miner acc%  t/tt pure%   Drain acc%  t/tt pure%`);
  console.log(line('ALL', mask.overall, mined.overall, drain.overall));
  console.log(line('ALL (strict key)', strictScore(maskGroups), strictScore(minedGroups), strictScore(drainGroups)));
  const benchmarkLike = (groups: typeof maskGroups): GroupingScore => scoreGrouping(groups.filter((g) => PARSER_BENCHMARK_FAMILIES.has(g.family))).overall;
  console.log(line('parser-benchmark-like', benchmarkLike(maskGroups), benchmarkLike(minedGroups), benchmarkLike(drainGroups)));
  // The same rows with skewed counts per true template (most templates rare), each grouping on its own.
  const skewed = withSkewedCounts(rows, seed, rowsPerTemplate);
  const [skewedMask, skewedMined, skewedDrain] = [groupByMask(skewed), groupByMiner()(skewed), groupByDrain(skewed)];
  console.log(line('ALL, skewed counts', scoreGrouping(skewedMask).overall, scoreGrouping(skewedMined).overall, scoreGrouping(skewedDrain).overall));
  console.log(line('benchmark-like, skewed', benchmarkLike(skewedMask), benchmarkLike(skewedMined), benchmarkLike(skewedDrain)));
  // As parser benchmarks score: one miner per system (Drain is run so throughout), on the skewed rows.
  const benchmarkRows = skewed.filter((r) => PARSER_BENCHMARK_FAMILIES.has(r.family));
  const perFamily = scoreGrouping(groupByMinerPerFamily()(benchmarkRows));
  const worst = [...perFamily.families].sort((x, y) => x[1].groupingAccuracy - y[1].groupingAccuracy)[0];
  console.log(`${line('  one miner per family', benchmarkLike(skewedMask), perFamily.overall, benchmarkLike(skewedDrain))}   worst: ${worst[0]} ${pct(worst[1].groupingAccuracy).trim()}%`);
  if (view !== 'bare-messages') {
    // A system's sample is in one line format; a family here mixes several (groupByMinerPerFamilyAndFormat says why this scores them apart).
    const perFormat = scoreGrouping(groupByMinerPerFamilyAndFormat()(benchmarkRows));
    const worstOfFormat = [...perFormat.families].sort((x, y) => x[1].groupingAccuracy - y[1].groupingAccuracy)[0];
    console.log(`${line('  ... and line format', benchmarkLike(skewedMask), perFormat.overall, scoreGrouping(groupByDrainPerFormat(benchmarkRows)).overall)}   worst: ${worstOfFormat[0]} ${pct(worstOfFormat[1].groupingAccuracy).trim()}%`);
  }
  const byAccuracy = [...mined.families].sort((x, y) => x[1].groupingAccuracy - y[1].groupingAccuracy);
  const shown = values.families ? [...mined.families.keys()] : byAccuracy.slice(0, 8).map(([f]) => f);
  for (const family of shown) {
    const [a, b, c] = [mask.families.get(family), mined.families.get(family), drain.families.get(family)];
    if (a && b && c) console.log(line(family, a, b, c));
  }
  if (values['vs-drain']) printDrainRightMinerWrong(rows.map((r) => r.logMessage), minedGroups, drainGroups);
  if (!values.families && mined.families.size > shown.length) console.log(`(the ${shown.length} of ${mined.families.size} families the miner groups worst; --families for all)`);
}

// Fresh variable values: another seed than the one the tables above (and the shipped corpus) use.
console.log('\nExpensive calls per true template, each tier remembering every key it answered (fresh values, seed + 1):');
const cell = (x: number): string => x.toFixed(2).padStart(9);
console.log(`${''.padEnd(36)} LLM keyed by source and:  mask  carried  mined id | without source: mask  carried  mined id | embedding runs`);
for (const view of ['as-generated', 'bare-messages'] as const) {
  const all = withValueAlternativesMerged(corpusView(view, seed + 1, rowsPerTemplate));
  for (const [name, rows] of [[view, all], [`${view}, parser-benchmark-like`, all.filter((r) => PARSER_BENCHMARK_FAMILIES.has(r.family))]] as const) {
    const c = templateCost(rows);
    const bySource = [c.llmBySourceAndMask, c.llmBySourceAndCarriedTemplate, c.llmBySourceAndMinedId].map(cell).join('');
    const withoutSource = [c.llmByMask, c.llmByCarriedTemplate, c.llmByMinedId].map(cell).join('');
    console.log(`${name.padEnd(36)} ${''.padEnd(16)}${bySource}   ${''.padEnd(14)}${withoutSource}   ${cell(c.embeddingByLogText)}`);
  }
}

for (const [family, problem] of skippedFamilies) console.log(`\n(family ${family} left out: it does not generate: ${problem})`);

const agreement = minerAgreement(withValueAlternativesMerged(corpusView('as-generated', seed, rowsPerTemplate)), seed);
console.log('\nDo miners that saw the lines in another order agree on ids? (share of lines given the same final id)');
console.log(`  corpus order vs shuffled:            ${pct(agreement.shuffled)}%`);
console.log(`  two halves, each to its own miner:   ${pct(agreement.halves)}%  (each line matched in both miners after ingestion)`);
console.log(`  the same, each absorbed the other:   ${pct(agreement.halvesExchanged)}%  (TemplateMiner.absorb of the other's snapshot)`);
console.log(`  grouping of the shuffled run:        acc ${pct(agreement.shuffledScore.groupingAccuracy)}%  t/tt ${agreement.shuffledScore.templatesPerTrueTemplate.toFixed(2)}`);

/** True templates whose lines Drain groups exactly and the miner does not, by family, with the miner's groups of one. */
function printDrainRightMinerWrong(messages: readonly string[], mined: readonly GroupedRow[], drain: readonly GroupedRow[]): void {
  const [minedRight, drainRight] = [exactlyGroupedTruths(mined), exactlyGroupedTruths(drain)];
  const familyOf = new Map(mined.map((g) => [g.truth, g.family]));
  const byFamily = new Map<string, string[]>();
  for (const truth of drainRight) {
    if (minedRight.has(truth)) continue;
    const family = familyOf.get(truth) ?? '?';
    (byFamily.get(family) ?? byFamily.set(family, []).get(family))?.push(truth);
  }
  console.log(`\nTrue templates Drain groups right and the miner does not: ${[...byFamily.values()].reduce((n, l) => n + l.length, 0)}; the other way: ${[...minedRight].filter((t) => !drainRight.has(t)).length}`);
  for (const [family, truths] of [...byFamily].sort((x, y) => y[1].length - x[1].length)) {
    console.log(`  ${family}: ${truths.length}`);
    for (const truth of truths.slice(0, 3)) {
      const groups = new Map<string, string[]>();
      mined.forEach((g, i) => g.truth === truth && (groups.get(g.group) ?? groups.set(g.group, []).get(g.group))?.push(messages[i]));
      console.log(`    ${truth}`);
      for (const [group, lines] of groups) console.log(`      miner group ${group.slice(0, 12)} (${lines.length}): ${lines[0].slice(0, 160)}`);
    }
  }
}
