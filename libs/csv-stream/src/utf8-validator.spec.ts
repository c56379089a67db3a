import { Readable } from 'node:stream';
import { mulberry32 } from '@logclass/seeded-random';
import { Utf8Validator } from './utf8-validator';

/** What the validator makes of `bytes` sent in the given chunks: the bytes back, or its error message. */
async function validate(bytes: Buffer, cuts: number[]): Promise<string> {
  const chunks: Buffer[] = [];
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(at, cut));
    at = cut;
  }
  const out: Buffer[] = [];
  try {
    for await (const chunk of Readable.from(chunks, { objectMode: false }).pipe(new Utf8Validator())) out.push(chunk as Buffer);
  } catch (err) {
    return (err as Error).message;
  }
  return Buffer.concat(out).equals(bytes) ? 'ok' : 'changed';
}

function reference(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}

describe('Utf8Validator', () => {
  // Pieces that make valid text, text broken in every way a decoder refuses, and NUL.
  const pieces = ['a', ',', '\n', 'é', '€', '😀', '\uFEFF'].map((s) => Buffer.from(s));
  const broken = [[0xff], [0xc0, 0xaf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0x00]].map((b) => Buffer.from(b));

  it('accepts what a fatal decoder accepts, however the bytes are cut into chunks, and names the same spot', async () => {
    const rand = mulberry32(7);
    for (let n = 0; n < 400; n++) {
      const parts: Buffer[] = [];
      const length = 1 + Math.floor(rand() * 12);
      for (let i = 0; i < length; i++) parts.push(rand() < 0.1 ? broken[Math.floor(rand() * broken.length)] : pieces[Math.floor(rand() * pieces.length)]);
      const bytes = Buffer.concat(parts);
      const whole = await validate(bytes, []);
      expect(whole === 'ok').toBe(reference(bytes));
      const cuts = [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => Math.floor(rand() * bytes.length)))].sort((a, b) => a - b);
      // Cut anywhere (inside characters too), the same verdict and the same message.
      expect(await validate(bytes, cuts)).toBe(whole);
    }
  });

  it('names the byte and line of the first bad byte, and a file that ends inside a character', async () => {
    expect(await validate(Buffer.from('a,b\nc,\xe9t\xe9\n', 'latin1'), [7])).toBe('invalid UTF-8 at byte 6 (line 2): upload a UTF-8 encoded CSV file');
    expect(await validate(Buffer.from([0x61, 0x0a, 0xe2, 0x82]), [3])).toBe('the file ends inside a UTF-8 character (byte 4, line 2): upload a UTF-8 encoded CSV file');
    expect(await validate(Buffer.from('a\nb\0'), [])).toBe('binary data (a NUL byte) at byte 3 (line 2): upload a UTF-8 encoded CSV file');
  });
});
