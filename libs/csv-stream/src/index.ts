export { classifyCsv, type ClassifyCsvOptions } from './classify-csv';
export { classifyStream, CSV_DEFAULTS, type ClassifyStreamOptions } from './classify-stream';
export { EXTRA_COLUMNS, LABEL_COLUMN, parseExtraColumns, extraValue, resultFields, type ExtraColumn } from './output-columns';
export { SOURCE_COLUMN, MESSAGE_COLUMN } from './csv-header';
export { Utf8Validator } from './utf8-validator';
export { neutralizeFormula, neutralizeRow } from './formula-guard';
export { tooManyRows, type RowLimit } from './row-limit';
export {
  INPUT_FORMATS,
  OUTPUT_FORMATS,
  DEFAULT_JSON_COLUMNS,
  DEFAULT_MESSAGE_FIELD,
  DEFAULT_SOURCE_FIELD,
  columnsFor,
  defaultOutputFormat,
  parseInputFormat,
  parseOutputFormat,
  type InputFormat,
  type OutputFormat,
} from './records/record-formats';
export { DEFAULT_CONTINUATION, continuationRule, type ContinuationRule } from './records/continuation-rule';
