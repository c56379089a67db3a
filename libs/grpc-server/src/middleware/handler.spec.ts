import { compose, type Middleware } from './handler';
import { echo, testCall } from '../../test/middleware-calls';

describe('compose', () => {
  it('runs middleware in the order listed, the first outermost, around the handler', async () => {
    const order: string[] = [];
    const mark =
      (name: string): Middleware<string, string> =>
      (next) =>
      async (request, call) => {
        order.push(`${name} in`);
        const res = await next(`${request}>${name}`, call);
        order.push(`${name} out`);
        return res;
      };
    const handler = compose(mark('a'), mark('b'))(echo<string>());
    expect(await handler('r', testCall())).toBe('r>a>b');
    expect(order).toEqual(['a in', 'b in', 'b out', 'a out']);
    expect(await compose<string, string>()(echo<string>())('alone', testCall())).toBe('alone');
  });
});
