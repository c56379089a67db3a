export { classifyCsv, CSV_DEFAULTS, type ClassifyCsvOptions } from './classify-csv';
export { EXTRA_COLUMNS, LABEL_COLUMN, parseExtraColumns, extraValue, type ExtraColumn } from './output-columns';
export { SOURCE_COLUMN, MESSAGE_COLUMN } from './csv-header';
export { Utf8Validator } from './utf8-validator';
export { neutralizeFormula, neutralizeRow } from './formula-guard';
export { tooManyRows, type RowLimit } from './row-limit';
