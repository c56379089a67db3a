import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { metricsFromJson, type MetricsJson } from '../evaluation/metrics-json';
import { renderEvaluationSvg } from '../evaluation/svg-report';
import { EVALUATION_SVG } from './evaluate-command';

interface TrainingEvaluationJson {
  split?: { test?: { rows: number; templates: number } };
  threshold?: { value: number };
  test: { noThreshold: MetricsJson; atThreshold: MetricsJson } | null;
}

/**
 * Draws <model>/evaluation.svg from the evaluation.json that training wrote,
 * without retraining (for models trained before pictures existed).
 */
export function drawModelPicture(modelDir: string): string {
  const json = JSON.parse(readFileSync(join(modelDir, 'evaluation.json'), 'utf8')) as TrainingEvaluationJson;
  if (!json.test) throw new Error(`${modelDir}/evaluation.json has no test results to draw`);
  const meta = JSON.parse(readFileSync(join(modelDir, 'model.json'), 'utf8')) as { name: string; version: string };
  const always = metricsFromJson(json.test.noThreshold);
  const served = metricsFromJson(json.test.atThreshold);
  const threshold = json.threshold?.value ?? Number.NaN;
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const svg = renderEvaluationSvg({
    title: `logclass model ${meta.name}@${meta.version}: held-out test templates`,
    subtitle: [
      `${json.test.noThreshold.rows} test rows${json.split?.test ? ` of ${json.split.test.templates} templates` : ''} never trained on`,
      `always answering: accuracy ${pct(json.test.noThreshold.accuracy)}, macro-F1 ${json.test.noThreshold.macroF1.toFixed(3)}`,
      `at threshold ${threshold.toFixed(3)}: decided ${pct(json.test.atThreshold.coverage)}, accuracy when decided ${pct(json.test.atThreshold.accuracyWhenDecided)}`,
    ],
    matrixCaption: `test rows at threshold ${threshold.toFixed(3)}`,
    barsCaption: 'test rows, always answering',
    confusion: served.confusion,
    perLabel: always.perLabel,
  });
  const path = join(modelDir, EVALUATION_SVG);
  writeFileSync(path, svg);
  return path;
}
