import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { mulberry32 } from '@logclass/seeded-random';
import { foldDigits, LogTextMasker, maskLogText } from './log-text';

/** Every digit redrawn at random: the lines of a template as production repeats them. */
function redrawDigits(text: string, rand: () => number): string {
  return text.replace(/\d/g, () => String(Math.floor(rand() * 10)));
}

describe('foldDigits', () => {
  const corpus: string[] = (parse(readFileSync(join(__dirname, '../../../training/data/corpus.csv')), { columns: true }) as { log_message: string }[]).map((r) => r.log_message);

  it('never changes the mask: on every corpus line with its digits redrawn', () => {
    const rand = mulberry32(11);
    for (const line of corpus) {
      const variant = redrawDigits(line, rand);
      expect(maskLogText(foldDigits(variant))).toBe(maskLogText(variant));
    }
  });

  it('never changes the mask: on random text made of what the masks look at', () => {
    // Hex digits, 0x, dots, colons, dashes, words and spaces: the UUID, IP, hex and number patterns' material.
    const alphabet = ['0', '1', '5', '9', 'a', 'f', 'x', 'g', '.', ':', '-', ',', ' ', '0x', 'ab12', '10.0.0.1', 'Z', '_'];
    const rand = mulberry32(5);
    // Small enough a memory to start over many times on the way.
    const masker = new LogTextMasker(2_000);
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let i = 0, length = 1 + Math.floor(rand() * 40); i < length; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      expect(maskLogText(foldDigits(text))).toBe(maskLogText(text));
      // The masker's fold, made on the fly, is the same fold.
      expect(masker.mask(text)).toBe(maskLogText(text));
    }
  });
});

describe('LogTextMasker', () => {
  it('masks as maskLogText does, remembering by fold, and starts over once its memory is full', () => {
    const masker = new LogTextMasker(64);
    const lines = ['user 12 logged in', 'user 99 logged in', 'dcr 0x3625 set', 'dcr 7x3625 set', 'id 123e4567-e89b-12d3-a456-426614174000 ok', 'a much longer line of 40 characters or so'];
    for (let round = 0; round < 3; round++) for (const line of lines) expect(masker.mask(line)).toBe(maskLogText(line));
  });
});
