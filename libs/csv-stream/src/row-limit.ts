import { LogclassError } from '@logclass/classifier';

/** Most data rows of one CSV, and the setting that sets it (named in the error). */
export interface RowLimit {
  count: number;
  setting: string;
}

export function tooManyRows(limit: RowLimit): LogclassError {
  return new LogclassError('PAYLOAD_TOO_LARGE', `the CSV has more than ${limit.count} data rows, the limit per upload (${limit.setting}); split the file`);
}

/** Passes rows through and fails past the limit, before the extra row costs any classification. */
export async function* limitRows<T>(rows: AsyncIterable<T>, limit: RowLimit | undefined): AsyncGenerator<T> {
  let seen = 0;
  for await (const row of rows) {
    if (limit && ++seen > limit.count) throw tooManyRows(limit);
    yield row;
  }
}
