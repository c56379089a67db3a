// What the logclass CLI runs from training/ (`npm run train` is `logclass train`, `npm run evaluate` is `logclass evaluate`).
export { addTrainOptions, runTrain, type TrainCommandOptions, type TrainOutcome } from './commands/train-command';
export { addBootstrapOptions, runBootstrap, DEFAULT_BOOTSTRAP_MODEL, type BootstrapOptions, type BootstrapOutcome } from './commands/bootstrap-command';
export { STORE_LABEL_MODES, DEFAULT_CONFIRMED_LABEL_WEIGHT, DEFAULT_LLM_LABEL_WEIGHT, type StoreLabelMode } from './dataset/store-labels';
export { addEvaluateOptions, runEvaluate, evaluationSvg, EVALUATION_SVG, type EvaluateCommandOptions } from './commands/evaluate-command';
export { promoteVersion, describeVersions, type PromoteOutcome } from './commands/promote-command';
export { drawModelPicture } from './commands/picture-command';
export { buildInProcessCascade, type InProcessCascadeOptions, type InProcessTiers } from './pipeline/in-process-cascade';
export { loadModel, type LoadedModel } from './pipeline/load-model';
export { DEFAULT_CORRECTION_WEIGHT, mergeCorrections } from './dataset/corrections';
export { readLabelledCsv, writeLabelledCsv, type LabelledRow } from './dataset/labelled-csv';
export { renderEvaluationSvg, escapeXml, type SvgReportInput } from './evaluation/svg-report';
export { generateCorpus, type CorpusOptions, type CorpusRow } from './corpus/generate';
export { ALL_FAMILIES } from './corpus/families';
export { PARSER_BENCHMARK_FAMILIES } from './mining/benchmark-families';
export { withSkewedCounts } from './mining/corpus-views';
export { Prng } from './corpus/prng';
