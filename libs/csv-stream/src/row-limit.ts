import { LogclassError } from '@logclass/classifier';

/** Most data rows (records) of one input, and the setting that sets it (named in the error). */
export interface RowLimit {
  count: number;
  setting: string;
}

export function tooManyRows(limit: RowLimit): LogclassError {
  return new LogclassError('PAYLOAD_TOO_LARGE', `the input has more than ${limit.count} data rows, the limit per upload (${limit.setting}); split the file`);
}

/** Passes chunks of rows through and fails past the limit, before the extra row costs any classification. */
export async function* limitRows<T>(chunks: AsyncIterable<readonly T[]>, limit: RowLimit | undefined): AsyncGenerator<readonly T[]> {
  let seen = 0;
  for await (const chunk of chunks) {
    seen += chunk.length;
    if (limit && seen > limit.count) {
      // The rows up to the limit are still answered; the error comes after them.
      const room = chunk.length - (seen - limit.count);
      if (room > 0) yield chunk.slice(0, room);
      throw tooManyRows(limit);
    }
    yield chunk;
  }
}
