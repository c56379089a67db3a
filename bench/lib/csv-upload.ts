import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';

/** Counts CSV records in a byte stream (newlines outside quotes), without parsing fields. */
export class CsvRecordCounter {
  records = 0;
  private inQuotes = false;
  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x22) this.inQuotes = !this.inQuotes;
      else if (b === 0x0a && !this.inQuotes) this.records++;
    }
  }
}

export interface UploadResult {
  rows: number;
  seconds: number;
  bytesIn: number;
}

/**
 * Streams a CSV file to POST /classify (raw text/csv) and counts the rows that come back;
 * with `keepAt`, the labelled CSV is also written there (to compare two builds' labels byte for byte).
 */
export async function uploadCsv(httpUrl: string, path: string, query = '', keepAt?: string): Promise<UploadResult> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${httpUrl}/classify${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(path, { highWaterMark: 1 << 20 })) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (!res.ok || !res.body) throw new Error(`upload failed: HTTP ${res.status} ${await res.text()}`);
  const counter = new CsvRecordCounter();
  const kept = keepAt === undefined ? undefined : createWriteStream(keepAt);
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    counter.push(chunk);
    if (kept && !kept.write(chunk)) await once(kept, 'drain');
  }
  if (kept) await new Promise((resolve, reject) => kept.end((err?: Error | null) => (err ? reject(err) : resolve(undefined))));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rows: counter.records - 1, seconds, bytesIn: statSync(path).size };
}
