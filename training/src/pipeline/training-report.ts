import { pct } from '../evaluation/classification-report';
import { renderCoverageCurve } from '../evaluation/coverage-curve';
import { headline, keyValues, metricsJson, renderMetrics, section } from '../evaluation/report';
import type { TrainPipelineResult } from './train-pipeline';

export interface TrainingRunInfo {
  modelDir: string;
  dataPath: string;
  fingerprint: string;
  embedderId: string;
  labels: readonly string[];
  l2: number;
  seed: number;
  targetPrecision: number;
  /** e.g. "Security Alert x2" or "none". */
  classCosts: string;
  totalSeconds: number;
  command: string;
}

/** evaluation.txt written next to the model: what was trained on what, how the threshold was chosen, held-out results. */
export function renderTrainingReport(run: TrainingRunInfo, result: TrainPipelineResult): string {
  const { parts, threshold, test } = result;
  const byFamily = result.heldOutBy === 'family';
  const fitLine = (f: TrainPipelineResult['finalFit']): string => `${f.iterations} L-BFGS iterations, ${f.converged ? 'converged' : 'NOT converged'}, ${f.seconds.toFixed(1)} s`;
  const out: string[] = [];
  out.push(`logclass model evaluation: ${run.modelDir}\n`);
  out.push(
    section(
      'Training run',
      keyValues([
        ['command', run.command],
        ['data', `${run.dataPath} (sha256 ${run.fingerprint})`],
        ['embedder', run.embedderId],
        ['labels', `${run.labels.length}: ${run.labels.join(', ')}`],
        ...(byFamily
          ? ([
              ['split', `whole program families: ${parts.validation.families?.length ?? 0} of them held out for validation (seed ${run.seed}), threshold chosen on them; the model is then refitted on every row`],
              ['  train', `${parts.train.rows} rows, ${parts.train.templates} templates`],
              ['  validation', `${parts.validation.rows} rows, ${parts.validation.templates} templates of ${parts.validation.families?.join(', ')}`],
            ] as [string, string][])
          : ([
              ['split', `whole templates per part, stratified by label (seed ${run.seed}): the data has fewer than 3 families`],
              ['  train', `${parts.train.rows} rows, ${parts.train.templates} templates`],
              ['  validation', `${parts.validation.rows} rows, ${parts.validation.templates} templates (threshold choice)`],
              ['  test', `${parts.test.rows} rows, ${parts.test.templates} templates (never trained on)`],
            ] as [string, string][])),
        ['model', `multinomial logistic regression, balanced class weights, class costs ${run.classCosts}, l2=${run.l2}`],
        [byFamily ? '  fit without validation' : '  fit on train', fitLine(result.selectionFit)],
        [byFamily ? '  refit on every row' : '  refit train+validation', result.finalFit === result.selectionFit ? '(no validation part: the train fit is the model)' : fitLine(result.finalFit)],
        ['time', `${run.totalSeconds.toFixed(1)} s in total (embedding ${result.embedSeconds.toFixed(1)} s)`],
      ]),
    ),
  );
  out.push(
    section(
      'Abstain threshold',
      keyValues([
        ['threshold', threshold.threshold.toFixed(4)],
        ['method', threshold.method],
        ['on validation', `precision ${pct(threshold.precision)}, decided ${pct(threshold.coverage)} of rows (target ${pct(run.targetPrecision)}${threshold.targetMet ? '' : ', NOT met'})`],
      ]),
    ),
  );
  if (!test) {
    out.push(section('Test', 'no template could be held out for testing (too few templates per label): no held-out numbers.'));
    return out.join('\n');
  }
  const title = byFamily ? 'Validation: programs never trained on' : 'Test: templates never seen in training';
  const note = byFamily
    ? 'Numbers of the model fitted without the validation families, on those families; the threshold was chosen on these rows, so the\n' +
      'at-threshold line is a little optimistic. Every family held out fold by fold: `npm run evaluate:families` (evaluation-families.txt).'
    : 'Other templates of the same programs were trained on, some near-twins: this overstates accuracy on programs never seen.';
  const benign = (r: typeof test.securityBenign.noThreshold): string => `${r.calledBenign} of ${r.securityAlerts} (${pct(r.rate)})`;
  out.push(
    section(
      title,
      keyValues([
        ['no threshold (always answer)', headline(test.noThreshold)],
        [`at threshold ${threshold.threshold.toFixed(3)}`, headline(test.atThreshold)],
        ['Security Alert -> benign', `always answering ${benign(test.securityBenign.noThreshold)}, at the threshold ${benign(test.securityBenign.atThreshold)} (benign: System Notification, User Action, HTTP Status)`],
      ]) + `\n\n${note}\nAt the threshold, rows below it are "(abstained)": in the cascade they go on to the LLM tier.`,
    ),
  );
  out.push(section(`${byFamily ? 'Validation' : 'Test'}, at the threshold`, renderMetrics(test.atThreshold)));
  out.push(section(`${byFamily ? 'Validation' : 'Test'}, no threshold`, renderMetrics(test.noThreshold)));
  out.push(section(`${byFamily ? 'Validation' : 'Test'}: coverage vs accuracy by threshold`, renderCoverageCurve(test.curve, threshold.threshold)));
  return out.join('\n');
}

/** evaluation.json: the same numbers, for machines (and the artifact's `metrics`). */
export function trainingMetricsJson(result: TrainPipelineResult): Record<string, unknown> {
  return {
    heldOutBy: result.heldOutBy,
    split: result.parts,
    threshold: { value: result.threshold.threshold, method: result.threshold.method, validationPrecision: result.threshold.precision, validationCoverage: result.threshold.coverage },
    test: result.test
      ? {
          noThreshold: metricsJson(result.test.noThreshold),
          atThreshold: metricsJson(result.test.atThreshold),
          curve: result.test.curve,
          securityBenign: result.test.securityBenign,
        }
      : null,
  };
}
