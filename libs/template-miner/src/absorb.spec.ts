import { parseMaskRules, SnapshotError, TemplateMiner } from './index';

const login = (user: string): string => `session opened for user ${user} from 10.0.0.7 on tty1`;
const backup = (what: string): string => `Backup ${what} for volume data on node web`;

describe('TemplateMiner.absorb: one miner learns another\'s templates', () => {
  it('gives a line the id the other miner gives it, where the other generalised and it had not', () => {
    const seenMany = new TemplateMiner();
    for (const user of ['alice', 'bob', 'carol']) seenMany.add(login(user));
    const seenOne = new TemplateMiner();
    seenOne.add(login('dave'));
    expect(seenOne.match(login('erin'))?.id).not.toBe(seenMany.match(login('erin'))?.id);

    seenOne.absorb(seenMany.snapshot());
    expect(seenOne.match(login('dave'))?.id).toBe(seenMany.match(login('dave'))?.id);
    expect(seenOne.match(login('erin'))?.template).toBe('session opened for user <*> from <IP> on <ID>');
    expect([...seenOne.templates()].map((t) => t.count)).toEqual([4]);
  });

  it('adds a template that fits none of its own, with the same id', () => {
    const other = new TemplateMiner();
    other.add('Disk quota exceeded for project atlas');
    const miner = new TemplateMiner();
    miner.add(login('dave'));
    miner.absorb(other.snapshot());
    expect(miner.size).toBe(2);
    expect(miner.match('Disk quota exceeded for project atlas')?.id).toBe(other.match('Disk quota exceeded for project atlas')?.id);
  });

  it('does not let another miner\'s wildcard take one of its meaning words', () => {
    const other = new TemplateMiner();
    for (const what of ['alpha', 'beta', 'gamma']) other.add(backup(what));
    const miner = new TemplateMiner();
    miner.add(backup('failed'));
    miner.absorb(other.snapshot());
    expect(miner.match(backup('failed'))?.template).toBe(backup('failed'));
    expect(miner.match(backup('delta'))?.template).toBe(backup('<*>'));
  });

  it('absorbs a step at a time as it does at once, checking the snapshot before the first step', () => {
    const other = new TemplateMiner();
    for (const user of ['alice', 'bob', 'carol']) other.add(login(user));
    other.add('Disk quota exceeded for project atlas');
    other.add(backup('alpha'));
    const [atOnce, inSteps] = [new TemplateMiner(), new TemplateMiner()];
    atOnce.absorb(other.snapshot(), { addCounts: false });
    const steps = [...inSteps.absorbing(other.snapshot(), { addCounts: false, perStep: 1 })];
    expect(steps).toHaveLength(other.size - 1);
    expect([...inSteps.templates()]).toEqual([...atOnce.templates()]);
    expect([...inSteps.templates()].map((t) => t.count)).toEqual([0, 0, 0]);
    expect(() => inSteps.absorbing({ ...other.snapshot(), maskVersion: -1 }).next()).toThrow(SnapshotError);
  });

  it('refuses a snapshot made with other mask rules', () => {
    const rules = parseMaskRules("masks:\n  - id: ticket\n    placeholder: <TICKET>\n    pattern: 'TKT-[0-9]+'\n", 'test');
    const other = new TemplateMiner({ maskRules: rules });
    other.add('ticket TKT-42 opened');
    expect(() => new TemplateMiner().absorb(other.snapshot())).toThrow(SnapshotError);
  });
});
