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
});
