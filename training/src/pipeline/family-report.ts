import { familyOf } from '../dataset/family-split';
import { groupKey } from '../dataset/split';
import { pct } from '../evaluation/classification-report';
import { coverageCurve, renderCoverageCurve } from '../evaluation/coverage-curve';
import { computeMetrics, type ClassificationMetrics } from '../evaluation/metrics';
import { headline, keyValues, metricsJson, renderMetrics, section } from '../evaluation/report';
import { securityBenignRate, BENIGN_LABELS, type SecurityBenignRate } from '../evaluation/security-benign';
import { bandName, bandOf, SIMILARITY_BANDS } from '../evaluation/similarity-bands';
import { UNCLASSIFIED_OUTCOME } from './offline-cascade';
import type { FamilyEvaluation, HeldOutPrediction } from './family-evaluation';

/** Numbers of one set of held-out predictions: always answering (best guess) and at the threshold (Unclassified below it). */
export interface HeldOutScore {
  rows: number;
  templates: number;
  always: ClassificationMetrics;
  atThreshold: ClassificationMetrics;
  /** Share of rows below the threshold: Unclassified when no LLM answers them. */
  unclassified: number;
  securityBenign: { always: SecurityBenignRate; atThreshold: SecurityBenignRate };
  /**
   * The deployment without an LLM: the regex tier first, then the embedding
   * tier. bestGuess: below the threshold the embedding answer stands
   * (GATEWAY_UNDECIDED=best-guess); abstain: it is Unclassified.
   */
  cascade?: { bestGuess: ClassificationMetrics; abstain: ClassificationMetrics; regexDecided: number; securityBenignBestGuess: SecurityBenignRate };
}

export interface FamilyScore extends HeldOutScore {
  family: string;
  labels: number;
}

export interface BandScore extends HeldOutScore {
  band: string;
}

export interface FamilyReport {
  overall: HeldOutScore;
  /** Unweighted mean over families: a small family counts as much as a big one. */
  familyMean: { accuracyAlways: number; accuracyAtThreshold: number; unclassified: number; macroF1Always: number };
  families: FamilyScore[];
  worst: FamilyScore;
  bands: BandScore[];
  perSeed: { seed: number; always: number; atThreshold: number; unclassified: number }[];
  templateHeldOut?: { overall: HeldOutScore; bands: BandScore[] };
}

function score(evaluation: FamilyEvaluation, predictions: readonly HeldOutPrediction[], labels: readonly string[]): HeldOutScore {
  const gold = predictions.map((p) => evaluation.rows[p.row].targetLabel);
  const always = predictions.map((p) => p.label);
  const atThreshold = predictions.map((p) => (p.confidence >= p.threshold ? p.label : UNCLASSIFIED_OUTCOME));
  const m = computeMetrics({ gold, predicted: atThreshold, labels });
  const regex = evaluation.regexLabels;
  let cascade: HeldOutScore['cascade'];
  if (regex) {
    const withRegex = (own: readonly string[]): string[] => predictions.map((p, i) => regex[p.row] ?? own[i]);
    const bestGuess = withRegex(always);
    cascade = {
      bestGuess: computeMetrics({ gold, predicted: bestGuess, labels }),
      securityBenignBestGuess: securityBenignRate(gold, bestGuess),
      abstain: computeMetrics({ gold, predicted: withRegex(atThreshold), labels }),
      regexDecided: predictions.filter((p) => regex[p.row] !== undefined).length / Math.max(1, predictions.length),
    };
  }
  return {
    cascade,
    rows: predictions.length,
    templates: new Set(predictions.map((p) => groupKey(evaluation.rows[p.row]))).size,
    always: computeMetrics({ gold, predicted: always, labels }),
    atThreshold: m,
    unclassified: 1 - m.coverage,
    securityBenign: { always: securityBenignRate(gold, always), atThreshold: securityBenignRate(gold, atThreshold) },
  };
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function bands(evaluation: FamilyEvaluation, predictions: readonly HeldOutPrediction[], labels: readonly string[]): BandScore[] {
  const grouped = byKey(predictions, (p) => String(bandOf(p.similarity)));
  return SIMILARITY_BANDS.filter((b) => grouped.has(String(b))).map((b) => ({ band: bandName(b), ...score(evaluation, grouped.get(String(b)) as HeldOutPrediction[], labels) }));
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function familyReport(evaluation: FamilyEvaluation, labels: readonly string[]): FamilyReport {
  const { predictions } = evaluation;
  const families = [...byKey(predictions, (p) => familyOf(evaluation.rows[p.row]))]
    .map(([family, list]): FamilyScore => ({ family, labels: new Set(list.map((p) => evaluation.rows[p.row].targetLabel)).size, ...score(evaluation, list, labels) }))
    .sort((a, b) => a.always.accuracy - b.always.accuracy || (a.family < b.family ? -1 : 1));
  const perSeed = [...byKey(predictions, (p) => String(p.seed))].map(([seed, list]) => {
    const s = score(evaluation, list, labels);
    return { seed: Number(seed), always: s.always.accuracy, atThreshold: s.atThreshold.accuracy, unclassified: s.unclassified };
  });
  const template = evaluation.templateHeldOut;
  return {
    overall: score(evaluation, predictions, labels),
    familyMean: {
      accuracyAlways: mean(families.map((f) => f.always.accuracy)),
      accuracyAtThreshold: mean(families.map((f) => f.atThreshold.accuracy)),
      unclassified: mean(families.map((f) => f.unclassified)),
      macroF1Always: mean(families.map((f) => f.always.macroF1)),
    },
    families,
    worst: families[0],
    bands: bands(evaluation, predictions, labels),
    perSeed,
    templateHeldOut: template ? { overall: score(evaluation, template.predictions, labels), bands: bands(evaluation, template.predictions, labels) } : undefined,
  };
}

export interface FamilyRunInfo {
  command: string;
  dataPath: string;
  fingerprint: string;
  embedderId: string;
  folds: number;
  seeds: readonly number[];
  l2: number;
  classCosts: string;
  targetPrecision: number;
  totalSeconds: number;
}

const benignLine = (r: SecurityBenignRate): string =>
  `${r.calledBenign} of ${r.securityAlerts} (${pct(r.rate)})${r.calledBenign > 0 ? `: ${Object.entries(r.byLabel).map(([l, n]) => `${l} ${n}`).join(', ')}` : ''}`;

function table(header: readonly string[], body: readonly (readonly string[])[]): string {
  const lines = [header, ...body];
  const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  return lines.map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n');
}

function bandTable(list: readonly BandScore[]): string {
  return table(
    ['max cosine', 'templates', 'rows', 'accuracy (always)', 'accuracy at threshold', 'Unclassified'],
    list.map((b) => [b.band, String(b.templates), String(b.rows), pct(b.always.accuracy), pct(b.atThreshold.accuracy), pct(b.unclassified)]),
  );
}

/** evaluation-families.txt: the honest headline first, then the tables behind it. */
export function renderFamilyReport(run: FamilyRunInfo, evaluation: FamilyEvaluation, report: FamilyReport): string {
  const { overall, worst } = report;
  const out: string[] = [];
  out.push(`logclass evaluation on program families never trained on\n`);
  out.push(
    section(
      'Method',
      keyValues([
        ['command', run.command],
        ['data', `${run.dataPath} (sha256 ${run.fingerprint})`],
        ['embedder', run.embedderId],
        ['split', `whole families per fold, ${run.folds} folds, seeds ${run.seeds.join(', ')}: each row answered by a model fitted on the other folds' families`],
        ['model', `multinomial logistic regression, balanced class weights, class costs ${run.classCosts}, l2=${run.l2}`],
        ['threshold', `per fold, chosen on the other folds' held-out predictions (lowest top-class probability with precision >= ${run.targetPrecision})`],
        ['  pooled', `${evaluation.pooledThreshold.threshold.toFixed(4)} when chosen on all held-out predictions at once (precision ${pct(evaluation.pooledThreshold.precision)}, decided ${pct(evaluation.pooledThreshold.coverage)})`],
        ['time', `${run.totalSeconds.toFixed(1)} s in total (embedding ${evaluation.embedSeconds.toFixed(1)} s, fitting ${evaluation.fitSeconds.toFixed(1)} s)`],
      ]),
    ),
  );
  const entries: [string, string][] = [
    ['always answering (best guess)', headline(overall.always)],
    ['at the threshold', `${headline(overall.atThreshold)}; Unclassified ${pct(overall.unclassified)}`],
    ['mean over families', `accuracy ${pct(report.familyMean.accuracyAlways)} always answering, ${pct(report.familyMean.accuracyAtThreshold)} at the threshold (Unclassified ${pct(report.familyMean.unclassified)}), macro-F1 ${report.familyMean.macroF1Always.toFixed(3)}`],
    ['worst family', `${worst.family} (${worst.rows} rows): accuracy ${pct(worst.always.accuracy)} always answering, ${pct(worst.atThreshold.accuracy)} at the threshold, Unclassified ${pct(worst.unclassified)}`],
    [`Security Alert -> benign`, `always answering ${benignLine(overall.securityBenign.always)}; at the threshold ${benignLine(overall.securityBenign.atThreshold)}`],
  ];
  if (overall.cascade) {
    const c = overall.cascade;
    entries.push(['cascade without LLM, best guess', `regex then embedding, answering below the threshold (GATEWAY_UNDECIDED=best-guess): accuracy ${pct(c.bestGuess.accuracy)}, macro-F1 ${c.bestGuess.macroF1.toFixed(3)}, Unclassified ${pct(1 - c.bestGuess.coverage)}; regex decided ${pct(c.regexDecided)}`]);
    entries.push(['cascade without LLM, abstain', `regex then embedding at the threshold (GATEWAY_UNDECIDED=unclassified): accuracy ${pct(c.abstain.accuracy)}, macro-F1 ${c.abstain.macroF1.toFixed(3)}, Unclassified ${pct(1 - c.abstain.coverage)}, accuracy when decided ${pct(c.abstain.accuracyWhenDecided)}`]);
    entries.push(['  Security Alert -> benign', `cascade, best guess: ${benignLine(c.securityBenignBestGuess)}`]);
  }
  if (report.perSeed.length > 1) entries.push(['per seed', report.perSeed.map((s) => `seed ${s.seed}: ${pct(s.always)} always, ${pct(s.atThreshold)} at threshold`).join('; ')]);
  if (report.templateHeldOut) {
    const t = report.templateHeldOut.overall;
    entries.push(['secondary: templates held out', `accuracy ${pct(t.always.accuracy)} always answering, ${pct(t.atThreshold.accuracy)} at the threshold (Unclassified ${pct(t.unclassified)}), ${t.rows} rows: other templates of the same programs trained on, often near-twins; not the headline`]);
  }
  out.push(
    section(
      'Headline: programs never trained on (embedding tier alone, no regex, no LLM)',
      `${keyValues(entries)}\n\nbenign = ${BENIGN_LABELS.join(', ')}. "Always answering" is what an operator gets with best guesses; "at the threshold" leaves rows below it Unclassified when no LLM answers them.`,
    ),
  );
  out.push(
    section(
      'Per family (worst first)',
      table(
        ['family', 'rows', 'templates', 'labels', 'accuracy (always)', 'macro-F1 (always)', 'accuracy at threshold', 'macro-F1 at threshold', 'Unclassified', 'SA -> benign', 'cascade best guess', 'cascade abstain (Unclassified)'],
        report.families.map((f) => [
          f.family, String(f.rows), String(f.templates), String(f.labels), pct(f.always.accuracy), f.always.macroF1.toFixed(3), pct(f.atThreshold.accuracy), f.atThreshold.macroF1.toFixed(3), pct(f.unclassified),
          f.securityBenign.always.securityAlerts > 0 ? `${f.securityBenign.always.calledBenign}/${f.securityBenign.always.securityAlerts}` : '-',
          f.cascade ? pct(f.cascade.bestGuess.accuracy) : '-',
          f.cascade ? `${pct(f.cascade.abstain.accuracy)} (${pct(1 - f.cascade.abstain.coverage)})` : '-',
        ]),
      ),
    ),
  );
  let bandsText = `Per held-out template: the highest cosine, in the hashing embedder's space, between its centroid (mean of its lines' vectors) and the centroid of any template the model was fitted on.\n\nFamilies held out:\n${bandTable(report.bands)}`;
  if (report.templateHeldOut) bandsText += `\n\nTemplates held out (secondary):\n${bandTable(report.templateHeldOut.bands)}`;
  out.push(section('Accuracy by similarity to the nearest training template', bandsText));
  const scored = evaluation.predictions.map((p) => ({ confidence: p.confidence, correct: p.label === evaluation.rows[p.row].targetLabel }));
  out.push(
    section(
      'Families held out: coverage vs accuracy by threshold',
      `${renderCoverageCurve(coverageCurve(scored, evaluation.pooledThreshold.threshold), evaluation.pooledThreshold.threshold)}\n\n("model threshold" here: the pooled one. Rows below a threshold go to the LLM, or are Unclassified or best guesses without one.)`,
    ),
  );
  out.push(
    section(
      'Folds',
      table(
        ['seed', 'fold', 'test rows', 'train rows', 'labels in test', 'threshold', 'fit', 'families'],
        evaluation.folds.map((f) => [String(f.seed), String(f.fold + 1), String(f.testRows), String(f.trainRows), String(f.testLabels.length), f.threshold.toFixed(3), `${f.iterations} it, ${f.seconds.toFixed(1)} s${f.converged ? '' : ' (not converged)'}`, f.families.join(' ')]),
      ),
    ),
  );
  out.push(section('Families held out, always answering', renderMetrics(overall.always)));
  out.push(section('Families held out, at the threshold', renderMetrics(overall.atThreshold)));
  return out.join('\n');
}

function scoreJson(s: HeldOutScore): Record<string, unknown> {
  return {
    rows: s.rows, templates: s.templates, unclassified: s.unclassified, securityBenign: s.securityBenign, always: metricsJson(s.always), atThreshold: metricsJson(s.atThreshold),
    cascade: s.cascade ? { regexDecided: s.cascade.regexDecided, bestGuess: metricsJson(s.cascade.bestGuess), abstain: metricsJson(s.cascade.abstain) } : null,
  };
}

const brief = (s: HeldOutScore) => ({
  rows: s.rows,
  templates: s.templates,
  accuracyAlways: s.always.accuracy,
  macroF1Always: s.always.macroF1,
  accuracyAtThreshold: s.atThreshold.accuracy,
  macroF1AtThreshold: s.atThreshold.macroF1,
  unclassified: s.unclassified,
  securityBenignAlways: s.securityBenign.always.rate,
  cascadeBestGuessAccuracy: s.cascade?.bestGuess.accuracy ?? null,
  cascadeAbstainAccuracy: s.cascade?.abstain.accuracy ?? null,
  cascadeAbstainUnclassified: s.cascade ? 1 - s.cascade.abstain.coverage : null,
});

/** evaluation-families.json: the same numbers, for machines and BENCHMARKS. */
export function familyReportJson(run: FamilyRunInfo, evaluation: FamilyEvaluation, report: FamilyReport): Record<string, unknown> {
  return {
    run: { ...run, seeds: [...run.seeds] },
    pooledThreshold: evaluation.pooledThreshold,
    overall: scoreJson(report.overall),
    familyMean: report.familyMean,
    worst: { family: report.worst.family, ...brief(report.worst) },
    perSeed: report.perSeed,
    families: report.families.map((f) => ({ family: f.family, labels: f.labels, ...brief(f) })),
    bands: report.bands.map((b) => ({ band: b.band, ...brief(b) })),
    folds: evaluation.folds,
    templateHeldOut: report.templateHeldOut ? { overall: scoreJson(report.templateHeldOut.overall), bands: report.templateHeldOut.bands.map((b) => ({ band: b.band, ...brief(b) })) } : null,
  };
}
