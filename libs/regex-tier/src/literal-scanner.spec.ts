import { LiteralScanner } from './literal-scanner';

describe('LiteralScanner', () => {
  const scanner = new LiteralScanner([['failed password'], ['password for'], undefined, ['get', 'post'], ['ssword f']]);
  const admitted = (text: string): number[] => {
    scanner.scan(text);
    return [0, 1, 2, 3, 4].filter((rule) => scanner.admits(rule));
  };

  it('finds overlapping literals and literals that are suffixes of others', () => {
    expect(admitted('Failed password for root')).toEqual([0, 1, 2, 4]);
    expect(admitted('sshd: failed passwor')).toEqual([2]);
  });

  it('folds ASCII case and always admits a rule without literals', () => {
    expect(admitted('"POST /x"')).toEqual([2, 3]);
    expect(admitted('nothing here')).toEqual([2]);
  });

  it('answers for the last line scanned only', () => {
    expect(admitted('GET /')).toEqual([2, 3]);
    expect(admitted('')).toEqual([2]);
  });

  it('lets a non-ASCII character break a literal', () => {
    expect(admitted('gét pöst')).toEqual([2]);
    expect(admitted('é get')).toEqual([2, 3]);
  });

  it('reads literals of any ASCII character, and more states than 16 bits hold', () => {
    // 12,000 literals of 10 or 11 characters: past the 65,535 states a 16-bit table holds.
    const words = Array.from({ length: 12000 }, (_, i) => `w${i.toString(36).padStart(4, '0')}q${'xyzab'.slice(i % 5)}`.padEnd(10, 'k'));
    const big = new LiteralScanner([...words.map((w) => [w]), ['{"status":'], ['~^|`']]);
    const admittedBig = (text: string) => {
      big.scan(text);
      return words.map((_, i) => i).concat([12000, 12001]).filter((rule) => big.admits(rule));
    };
    expect((big as unknown as { next: unknown }).next).toBeInstanceOf(Int32Array);
    expect(admittedBig(`x ${words[11999].toUpperCase()} ${words[3]}`)).toEqual([3, 11999]);
    expect(admittedBig('{"STATUS" : 200}')).toEqual([]);
    expect(admittedBig('{"Status":200} ~^|`')).toEqual([12000, 12001]);
  });
});
