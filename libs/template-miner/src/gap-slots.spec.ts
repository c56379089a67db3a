import { TemplateMiner } from './index';

const swap = (pid: number, name: string): string => `low swap: killing largest compressed process with pid ${pid} (${name}) and size 1200 MB`;
const crash = (app: string): string => `Saved crash report for ${app} version 20.8 to /Library/Logs/DiagnosticReports/report.ips`;

function groupsOf(lines: readonly string[]): { miner: TemplateMiner; ids: string[] } {
  const miner = new TemplateMiner();
  const ids = lines.map((line) => miner.add(line).id);
  return { miner, ids: ids.map((id) => miner.resolve(id)) };
}

describe('multi-token values at a wildcard', () => {
  it('holds a name of one word and of several in one template, whichever came first', () => {
    const short = [swap(1, 'zoom.us'), swap(2, 'Slack'), swap(3, 'Finder'), swap(4, 'Safari')];
    const long = [swap(5, 'Google Chrome'), swap(6, 'Microsoft Word'), swap(7, 'Slack Helper (Renderer)')];
    for (const lines of [[...short, ...long], [...long, ...short], [long[0], ...short, ...long.slice(1)]]) {
      const { miner, ids } = groupsOf(lines);
      expect(new Set(ids).size).toBe(1);
      expect(miner.size).toBe(1);
      expect(miner.match(swap(8, 'Activity Monitor'))?.id).toBe(ids[0]);
    }
  });

  it('takes a bracketed value whole, and capitalised names unbracketed', () => {
    const { ids } = groupsOf(['Safari', 'Mail', 'Notes', 'Microsoft Word', 'Google Chrome Helper'].map(crash));
    expect(new Set(ids).size).toBe(1);
  });

  it('follows the absorbed template through aliases and reports the merge', () => {
    const merged: [string, string][] = [];
    const miner = new TemplateMiner({ onMerged: (from, to) => merged.push([from, to]) });
    const long = miner.add(swap(1, 'Google Chrome')).id;
    for (const [pid, name] of [[2, 'zoom.us'], [3, 'Slack'], [4, 'Finder']] as const) miner.add(swap(pid, name));
    const template = miner.match(swap(5, 'Safari'));
    expect(miner.resolve(long)).toBe(template?.id);
    expect(merged.some(([from, to]) => from === long && to === template?.id)).toBe(true);
  });

  // Lines that differ from a template by more words than one value: the token-count split is right for them.
  it.each([
    ['a phrase where the name was', ['Failed password for root from 10.0.0.1 port 22 ssh2', 'Failed password for admin from 10.0.0.2 port 22 ssh2', 'Failed password for oracle from 10.0.0.3 port 22 ssh2'], 'Failed password for invalid user test from 10.0.0.4 port 22 ssh2'],
    ['a value and a word', ['NOTICE [sshd] Ban 10.0.0.1 now', 'NOTICE [nginx] Ban 10.0.0.2 now', 'NOTICE [postfix] Ban 10.0.0.3 now'], 'NOTICE [sshd] Restore Ban 10.0.0.4 now'],
    ['lower-case words', ['User 1 opened Reports in the app', 'User 2 opened Billing in the app', 'User 3 opened Settings in the app'], 'User 4 opened the dashboard in the app'],
    ['more words than a name has', ['Saved report for Safari to disk now', 'Saved report for Mail to disk now', 'Saved report for Notes to disk now'], 'Saved report for Google Chrome Helper Renderer Tab to disk now'],
  ])('keeps %s apart', (_what, template, line) => {
    const { miner, ids } = groupsOf(template);
    expect(new Set(ids).size).toBe(1);
    expect(miner.resolve(miner.add(line).id)).not.toBe(ids[0]);
  });

  it('does not let one of several wildcards in a row take the gap', () => {
    const said = (words: string): string => `the nightly batch job of the billing team said ${words} and then it went quiet`;
    const { miner, ids } = groupsOf(['alpha beta', 'gamma delta', 'epsilon zeta', 'eta theta'].map(said));
    expect(new Set(ids).size).toBe(1);
    expect(miner.match(said('iota kappa'))?.template).toBe(said('<*> <*>'));
    expect(miner.resolve(miner.add(said('Nu Xi Omicron')).id)).not.toBe(ids[0]);
  });

  const lock = (tag: string, pid: number): string => `acquire lock=2335${pid}, flags=0x1, tag=${tag}, name=android, ws=null, uid=1000, pid=${pid}`;

  it("takes a field's quoted value of several words where the masker replaced one-word values, whichever came first", () => {
    const short = [lock('"RILJ_ACK_WL"', 1), lock('"NlpWakeLock"', 2)];
    const long = [lock('"View Lock"', 3), lock('"show keyguard"', 4), lock('"*job* sync adapter"', 5)];
    for (const lines of [[...short, ...long], [...long, ...short], [long[0], ...short, ...long.slice(1)]]) {
      const { miner, ids } = groupsOf(lines);
      expect(new Set(ids).size).toBe(1);
      expect(miner.size).toBe(1);
      expect(miner.match(lock('"Window Manager"', 6))?.template).toBe('acquire lock=<NUM>, flags=<HEX>, tag=<QUOTED>, name=android, ws=null, uid=<NUM>, pid=<NUM>');
    }
  });

  it.each([
    ['a message field', (v: string, n: number) => `ts=2026-01-0${n} level=info caller=server.go:42 msg=${v} component=api`, ['"starting"', '"ready"'], '"listening on socket"'],
    ['a quote that is not the whole value', (v: string, n: number) => `job ${n} of the nightly batch run set tag=${v}, node=n1`, ['"alpha"', '"beta"'], '"gamma" delta'],
    ['a quoted value with a meaning word', (v: string, n: number) => `job ${n} of the nightly batch run set tag=${v}, node=n1`, ['"alpha"', '"beta"'], '"disk failed"'],
  ])('keeps %s apart', (_what, line, values, longer) => {
    const { miner, ids } = groupsOf(values.map((v, i) => line(v, i + 1)));
    expect(new Set(ids).size).toBe(1);
    expect(miner.resolve(miner.add(line(longer, 7)).id)).not.toBe(ids[0]);
  });
});
