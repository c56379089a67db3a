import { TemplateMiner } from './index';

// The user is the same in every line: a plain word that varies is the token-count match's to generalise, after variableAfter values.
const sudo = (pwd: string, command: string): string => `alice : TTY=pts/1 ; PWD=${pwd} ; USER=root ; COMMAND=${command}`;

describe('variable-length slots: a key whose value runs to the end of the line', () => {
  it('holds command lines of any length in one template, whichever length came first', () => {
    for (const order of [
      ['/usr/bin/systemctl restart nginx', '/usr/sbin/reboot', '/usr/bin/journalctl -u kubelet -f', '/usr/bin/cat /etc/shadow'],
      ['/usr/sbin/reboot', '/usr/bin/journalctl -u kubelet -f', '/usr/bin/cat /etc/shadow', '/usr/bin/systemctl restart nginx'],
    ]) {
      const miner = new TemplateMiner();
      const ids = order.map((command, i) => miner.add(sudo(['/srv', '/home/alice', '/', '/var/log'][i], command)).id);
      expect(new Set(ids.map((id) => miner.resolve(id))).size).toBe(1);
      expect(miner.size).toBe(1);
      expect(miner.match(sudo('/opt', '/usr/bin/dnf install -y htop'))?.template).toBe('alice : TTY=pts/<NUM> ; PWD=<*> ; USER=root ; COMMAND=<*>');
    }
  });

  // Lines of different lengths that stay apart: the token-count split is right for them.
  it.each([
    ['values that start differently', 'to=<a@example.com>, relay=local, dsn=2.0.0, status=sent (delivered to mailbox)', 'to=<b@example.com>, relay=local, dsn=2.0.0, status=deferred (connect to mx.example.com timed out)'],
    ['a field some lines have', 'authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.0.1 user=backup', 'authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.0.2'],
    ['a quoted value', 'Unable to authenticate the request err="invalid bearer token"', 'Unable to authenticate the request err="x509: certificate signed by unknown authority"'],
    ['a value followed by a reason after a colon', 'Force stopping com.example.chat appid=10157 user=0: clear data', 'Force stopping com.example.mail appid=10356 user=0: from pid 3483'],
    ['too little wording before the key', 'COMMAND=/usr/bin/systemctl restart nginx', 'COMMAND=/usr/sbin/reboot'],
  ])('keeps %s apart', (_what, first, second) => {
    const miner = new TemplateMiner();
    const a = miner.add(first).id;
    const b = miner.add(second).id;
    expect(miner.resolve(a)).not.toBe(miner.resolve(b));
  });

  it('keeps the span through a snapshot, and refuses a snapshot whose span is not a key at the end', () => {
    const miner = new TemplateMiner();
    miner.add(sudo('/srv', '/usr/sbin/reboot'));
    miner.add(sudo('/srv', '/usr/bin/systemctl restart nginx'));
    const snapshot = JSON.parse(JSON.stringify(miner.snapshot()));
    const restored = TemplateMiner.restore(snapshot);
    expect(restored.add(sudo('/srv', '/usr/bin/journalctl -u kubelet -f')).template).toBe(miner.match(sudo('/srv', '/usr/bin/cat /etc/shadow'))?.template);
    expect(restored.size).toBe(1);
    snapshot.templates[0].span = 0;
    expect(() => TemplateMiner.restore(snapshot)).toThrow(/bad template entry/);
  });

  it('follows the span template through aliases: every earlier id resolves to it', () => {
    const merged: [string, string][] = [];
    const miner = new TemplateMiner({ onMerged: (from, to) => merged.push([from, to]) });
    const first = miner.add(sudo('/srv', '/usr/sbin/reboot')).id;
    const second = miner.add(sudo('/srv', '/usr/bin/systemctl restart nginx'));
    expect(second.change).toBe('generalised');
    expect(second.previousId).toBe(first);
    expect(miner.resolve(first)).toBe(second.id);
    expect(merged).toContainEqual([first, second.id]);
  });
});
