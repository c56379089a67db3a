import { stringify } from 'csv-stringify/sync';
import { mulberry32 } from '@logclass/seeded-random';
import { csvLine, csvLines } from './csv-line';

describe('csvLine', () => {
  it('writes every record exactly as csv-stringify does', () => {
    const alphabet = ['a', 'Z', ' ', ',', '"', '\n', '\r', '\r\n', "'", '=', '-', '\t', 'é', '😀', '\\', ';', ''];
    const rand = mulberry32(3);
    for (let n = 0; n < 5_000; n++) {
      const cells = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => {
        if (rand() < 0.05) return undefined;
        let cell = '';
        for (let i = 0, length = Math.floor(rand() * 8); i < length; i++) cell += alphabet[Math.floor(rand() * alphabet.length)];
        return cell;
      });
      expect(csvLine(cells)).toBe(stringify([cells]));
    }
  });

  it('writes batches of records into one buffer, the bytes csv-stringify writes', () => {
    const alphabet = ['a', ',', '"', '\n', '\r', 'é', '😀', '\ud800', ''];
    const rand = mulberry32(9);
    for (let n = 0; n < 1_000; n++) {
      const records = Array.from({ length: Math.floor(rand() * 6) }, () =>
        Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
          if (rand() < 0.03) return rand() < 0.5 ? undefined : 12345678;
          let cell = '';
          // Up to 48 pieces: short cells and cells past csvLines' short-cell copy (32 UTF-16 units).
          for (let i = 0, length = Math.floor(rand() * (rand() < 0.5 ? 10 : 48)); i < length; i++) cell += alphabet[Math.floor(rand() * alphabet.length)];
          return cell;
        }),
      );
      expect(csvLines(records).equals(Buffer.from(records.map((cells) => stringify([cells])).join('')))).toBe(true);
    }
  });

  it('leaves cells that are not strings to csv-stringify', () => {
    expect(csvLine(['a', 1 as unknown as string, null as unknown as string])).toBe(stringify([['a', 1, null]]));
  });
});
