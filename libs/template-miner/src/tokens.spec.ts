import { tokenise } from './tokens';

describe('tokenise', () => {
  it('ends a token after each run of spaces, commas and semicolons, which the token keeps', () => {
    expect(tokenise('Accepted password for root from <IP> port <NUM> ssh2')).toEqual(['Accepted ', 'password ', 'for ', 'root ', 'from ', '<IP> ', 'port ', '<NUM> ', 'ssh2']);
    expect(tokenise('{"verb":"get","code":403}')).toEqual(['{"verb":"get",', '"code":403}']);
    expect(tokenise('a, b;c  d ,; e')).toEqual(['a, ', 'b;', 'c  ', 'd ,; ', 'e']);
  });

  it('joins back to the line, delimiters at either end included', () => {
    for (const line of [' leading', 'trailing ', ',;', ' ', 'x', ', a ,b, ']) expect(tokenise(line).join('')).toBe(line);
    expect(tokenise(' leading')).toEqual([' ', 'leading']);
    expect(tokenise('trailing ,')).toEqual(['trailing ,']);
  });

  it('gives no token for an empty line', () => {
    expect(tokenise('')).toEqual([]);
  });
});
