import { Drain } from './drain-baseline';

describe('Drain (the yardstick)', () => {
  it('mines the templates Drain3 documents for its example input', () => {
    const drain = new Drain();
    const lines = ['connected to 10.0.0.1', 'connected to 192.168.0.1', 'Hex number 0xDEADBEAF', 'user davidoh logged in', 'user eranr logged in'];
    const ids = lines.map((l) => drain.add(l));
    expect([...new Set(ids)].map((id) => drain.template(id))).toEqual(['connected to <:IP:>', 'Hex number <:HEX:>', 'user <*> logged in']);
  });

  it('keeps lines of other lengths or other first tokens apart, and lines below the threshold', () => {
    const drain = new Drain();
    const a = drain.add('disk sda is full on node a');
    expect(drain.add('disk sda is full on node a now')).not.toBe(a);
    expect(drain.add('volume sda is full on node a')).not.toBe(a);
    expect(drain.add('disk one two three four five six')).not.toBe(a);
    expect(drain.add('disk sdb is full on node b')).toBe(a);
    expect(drain.template(a)).toBe('disk <*> is full on node <*>');
  });

  it('sends first tokens with digits down one wildcard branch, where they meet', () => {
    const drain = new Drain();
    const a = drain.add('node7a joined the pool');
    expect(drain.add('node9b joined the pool')).toBe(a);
    expect(drain.template(a)).toBe('<*> joined the pool');
  });
});
