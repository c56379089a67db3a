import { pct } from '../evaluation/classification-report';
import { renderCoverageCurve, type CurvePoint } from '../evaluation/coverage-curve';
import type { ClassificationMetrics } from '../evaluation/metrics';
import { keyValues, metricsJson, renderMetrics, section } from '../evaluation/report';
import { LLM_NOT_RUN, UNCLASSIFIED_OUTCOME } from './offline-cascade';

export interface MisclassifiedExample {
  gold: string;
  predicted: string;
  confidence: number;
  message: string;
}

export interface EvaluationResult {
  dataPath: string;
  modelDir: string;
  modelSummary: string;
  inputNote: string;
  rowsRead: number;
  emptyMessages: number;
  unknownLabels: ReadonlyMap<string, number>;
  threshold: number;
  embeddingNoThreshold: ClassificationMetrics;
  embeddingAtThreshold: ClassificationMetrics;
  curve: CurvePoint[];
  cascade?: {
    metrics: ClassificationMetrics;
    /** The same cascade answering the embedding tier's best guess where no tier decided (GATEWAY_UNDECIDED=best-guess), LLM still not run. */
    bestGuess?: ClassificationMetrics;
    decidedBy: ReadonlyMap<string, { rows: number; correct: number }>;
    routing: string;
  };
  worst: MisclassifiedExample[];
}

const TRUNCATE = 140;
const clip = (s: string): string => (s.length > TRUNCATE ? `${s.slice(0, TRUNCATE - 1)}…` : s);

function summaryTable(r: EvaluationResult): string {
  const rows: [string, ClassificationMetrics][] = [
    ['embedding tier alone, always answers', r.embeddingNoThreshold],
    [`embedding tier alone, threshold ${r.threshold.toFixed(3)}`, r.embeddingAtThreshold],
  ];
  if (r.cascade) rows.push(['cascade: regex -> embedding -> llm', r.cascade.metrics]);
  if (r.cascade?.bestGuess) rows.push(['cascade, best guesses where undecided', r.cascade.bestGuess]);
  const width = Math.max(...rows.map(([n]) => n.length));
  const head = `${''.padEnd(width)}  decided  accuracy  macro-F1  accuracy when decided`;
  return [
    head,
    ...rows.map(([name, m]) => `${name.padEnd(width)}  ${pct(m.coverage).padStart(7)}  ${pct(m.accuracy).padStart(8)}  ${m.macroF1.toFixed(3).padStart(8)}  ${pct(m.accuracyWhenDecided).padStart(21)}`),
    '',
    'accuracy counts rows nobody decided (abstained, llm not run) as wrong; "accuracy when decided" is over decided rows only.',
  ].join('\n');
}

// Cascade order first, then whatever else came back.
const TIER_ORDER = ['regex', 'embedding', 'llm', LLM_NOT_RUN, UNCLASSIFIED_OUTCOME];
const tierRank = (tier: string): number => (TIER_ORDER.includes(tier) ? TIER_ORDER.indexOf(tier) : TIER_ORDER.length);

function tierTable(decidedBy: ReadonlyMap<string, { rows: number; correct: number }>, total: number): string {
  const width = Math.max(10, ...[...decidedBy.keys()].map((k) => k.length));
  const lines = [`${'decided by'.padEnd(width)}   rows  share  accuracy`];
  const ordered = [...decidedBy].sort((a, b) => tierRank(a[0]) - tierRank(b[0]));
  for (const [tier, { rows, correct }] of ordered) {
    const accuracy = tier === LLM_NOT_RUN || tier === UNCLASSIFIED_OUTCOME ? '-' : pct(correct / rows);
    lines.push(`${tier.padEnd(width)}  ${String(rows).padStart(5)}  ${pct(rows / total).padStart(5)}  ${accuracy.padStart(8)}`);
  }
  return lines.join('\n');
}

/** The text report of `npm run evaluate`: summary first, then details. */
export function renderEvaluationReport(r: EvaluationResult): string {
  const unknownRows = [...r.unknownLabels.values()].reduce((a, b) => a + b, 0);
  const evaluated = r.embeddingNoThreshold.total;
  const out: string[] = [`logclass evaluation of ${r.dataPath}\n`];
  const data: [string, string][] = [
    ['model', `${r.modelDir} (${r.modelSummary})`],
    ['input', r.inputNote],
    ['rows', `${r.rowsRead} read, ${evaluated} evaluated`],
  ];
  if (r.emptyMessages > 0) data.push(['skipped', `${r.emptyMessages} rows with an empty log_message`]);
  if (unknownRows > 0) {
    data.push(['UNKNOWN LABELS', `${unknownRows} rows have a target_label that is not in the taxonomy; they are left out of every number below:`]);
    for (const [label, n] of [...r.unknownLabels].sort((a, b) => b[1] - a[1])) data.push(['', `"${label}": ${n} rows`]);
  }
  out.push(section('Data', keyValues(data)));
  out.push(section('Summary', summaryTable(r)));
  if (r.cascade) {
    out.push(section('Cascade: which tier decided', `routing: ${r.cascade.routing}\n\n${tierTable(r.cascade.decidedBy, evaluated)}`));
    out.push(section('Cascade: per label', renderMetrics(r.cascade.metrics)));
  }
  out.push(section(`Embedding tier alone at its threshold (${r.threshold.toFixed(3)})`, renderMetrics(r.embeddingAtThreshold)));
  out.push(section('Embedding tier alone: coverage vs accuracy by threshold', renderCoverageCurve(r.curve, r.threshold)));
  if (r.worst.length > 0) {
    const lines = r.worst.map((w) => `p=${w.confidence.toFixed(2)}  ${w.gold} -> ${w.predicted}\n        ${clip(w.message)}`);
    out.push(section('Most confident mistakes of the embedding tier (look here first)', lines.join('\n')));
  }
  return out.join('\n');
}

export function evaluationJson(r: EvaluationResult): Record<string, unknown> {
  return {
    data: r.dataPath,
    model: r.modelDir,
    input: r.inputNote,
    rowsRead: r.rowsRead,
    emptyMessages: r.emptyMessages,
    unknownLabels: Object.fromEntries(r.unknownLabels),
    threshold: r.threshold,
    embedding: { noThreshold: metricsJson(r.embeddingNoThreshold), atThreshold: metricsJson(r.embeddingAtThreshold), curve: r.curve },
    cascade: r.cascade ? { routing: r.cascade.routing, decidedBy: Object.fromEntries(r.cascade.decidedBy), ...metricsJson(r.cascade.metrics) } : null,
    cascadeBestGuess: r.cascade?.bestGuess ? metricsJson(r.cascade.bestGuess) : null,
  };
}
