import { maskTemplate } from '@logclass/template-mask';
import { minedTemplateId, parseMaskRules, SnapshotError, TemplateMiner, type MinerSnapshot } from './index';

const users = ['bob', 'alice', 'carol', 'dave', 'erin', 'frank'];

describe('TemplateMiner', () => {
  it('generalises a position once it has shown enough distinct words, and every line of it ends with one id', () => {
    const miner = new TemplateMiner({ variableAfter: 4 });
    const ids = users.map((u) => miner.add(`Session opened for user ${u} by sshd`).id);
    expect(miner.match('Session opened for user zoe by sshd')?.template).toBe('Session opened for user <*> by sshd');
    expect(new Set(ids.map((id) => miner.resolve(id))).size).toBe(1);
    expect(miner.resolve(ids[0])).toBe(minedTemplateId('Session opened for user <*> by sshd'));
  });

  it('says what template an id it gave out means now, and nothing of an id it never gave', () => {
    const miner = new TemplateMiner();
    const first = miner.add('Backup of volume alpha did not finish');
    miner.add('Backup of volume beta did not finish');
    miner.add('Backup of volume gamma did not finish');
    expect(miner.current(first.id)).toEqual({ id: minedTemplateId('Backup of volume <*> did not finish'), template: 'Backup of volume <*> did not finish' });
    expect(miner.current('0123456789ab')).toBeUndefined();
  });

  it('keeps a template\'s own wording apart while it has shown few variants', () => {
    const miner = new TemplateMiner({ variableAfter: 4 });
    for (let i = 0; i < 5; i++) {
      miner.add(`Accepted password for ${users[i]} from 10.0.0.${i} port 22 ssh2`);
      miner.add(`Accepted publickey for ${users[i]} from 10.0.0.${i} port 22 ssh2`);
    }
    const password = miner.match('Accepted password for zoe from 10.0.0.9 port 22 ssh2');
    const publickey = miner.match('Accepted publickey for zoe from 10.0.0.9 port 22 ssh2');
    expect(password?.template).toBe('Accepted password for <*> from <IP> port <NUM> <ID>');
    expect(publickey?.template).toBe('Accepted publickey for <*> from <IP> port <NUM> <ID>');
  });

  it('with variableAfter 2 generalises at the first difference, as Drain does', () => {
    const miner = new TemplateMiner({ variableAfter: 2 });
    miner.add('Worker alpha joined the pool');
    expect(miner.add('Worker beta joined the pool')).toMatchObject({ change: 'generalised', template: 'Worker <*> joined the pool' });
  });

  it('takes two masked values, or a masked value and a word, at one position as a slot at once', () => {
    const miner = new TemplateMiner();
    miner.add('Invoice INV-2024-00001 sent to billing');
    expect(miner.add('Invoice 123456 sent to billing').template).toBe('Invoice <*> sent to billing');
    expect(miner.add('Invoice draft sent to billing').template).toBe('Invoice <*> sent to billing');
  });

  // Two lines that differ at one position, and the template the second line makes of them: a slot at the first line that differs.
  it.each([
    ['a value shaped like one (dotted)', 'writing dump.48319', 'writing dump.3204', 'writing <*>'],
    ['package names', 'Stopping org.example.mail appid=10157 user=0: cache cleared', 'Stopping net.example.chat appid=10356 user=0: cache cleared', 'Stopping <*> appid=<NUM> user=<NUM>: cache cleared'],
    ['a value the masker named in one line and not the next', 'Buffer I/O error on device sda1, logical block 5', 'Buffer I/O error on device xvda, logical block 9', 'Buffer I/O error on device <*>, logical block <NUM>'],
    ['host/address pairs masked two ways', 'Address change seen. Old: node-3/10.0.0.1 New: db.example.com/10.0.0.2', 'Address change seen. Old: db.example.com/10.0.0.3 New: node-7/10.0.0.4', 'Address change seen. Old: <*> New: <*>'],
    ['a placeholder and a word inside a fixed wrapping', 'Registering Peer PeerId(12, worker-3.example.com, 41803, None)', 'Registering Peer PeerId(driver, worker-3.example.com, 41803, None)', 'Registering Peer <*>, <HOST>, <NUM>, None)'],
    ['two values of one key, each shaped like a value', 'Waking up from sleep (uid=1000 reason=android.policy:POWER)...', 'Waking up from sleep (uid=10098 reason=android.server.wm:LID)...', 'Waking up from sleep (uid=<NUM> reason=<*>'],
    ['HTTP statuses of one class', '10.0.0.1 "GET /v2/items HTTP/1.1" status: 200 len: 1893', '10.0.0.2 "GET /v2/items HTTP/1.1" status: 204 len: 1893', '<IP> "GET <PATH> HTTP/1.1" status: <*> len: <NUM>'],
    ['HTTP statuses of two classes', '10.0.0.1 "GET /v2/items HTTP/1.1" status: 200 len: 1893', '10.0.0.3 "GET /v2/items HTTP/1.1" status: 503 len: 1893', '<IP> "GET <PATH> HTTP/1.1" status: <*> len: <NUM>'],
    ['HTTP statuses of one key', 'Handled GET /api/items: status=200 time=0.52s', 'Handled GET /api/items: status=422 time=1.03s', 'Handled GET <PATH>: status=<*> time=<DUR>'],
    ['an address the masker named and one it left', 'Server listening on 0.0.0.0 port 22.', 'Server listening on :: port 22.', 'Server listening on <*> port <NUM>.'],
    ['a default user name and another name', 'Failed password for root from 10.0.0.1 port 5022 ssh2', 'Failed password for backup from 10.0.0.2 port 6022 ssh2', 'Failed password for <*> from <IP> port <NUM> <ID>'],
  ])('takes %s as one slot at once', (_what, first, second, template) => {
    const miner = new TemplateMiner();
    miner.add(first);
    expect(miner.add(second).template).toBe(template);
  });

  it('lets a status wildcard take every later status, keyed or not, instead of starting a sibling', () => {
    const miner = new TemplateMiner();
    const services = ['billing', 'search', 'carts', 'ledger', 'mailer', 'auth', 'media'];
    const statuses = ['204', '404', '201', '500', '301', '200', '409'];
    const lines = services.map((s, i) => `Request to ${s} /api/items returned status code ${statuses[i]}`);
    const keyed = services.map((s, i) => `Handled ${s} /api/items: status=${statuses[i]} time=0.5s`);
    const ids = [...lines, ...keyed].map((line) => miner.add(line).id);
    expect(new Set(ids.slice(0, lines.length).map((id) => miner.resolve(id)))).toEqual(new Set([minedTemplateId('Request to <*> <PATH> returned status code <*>')]));
    expect(new Set(ids.slice(lines.length).map((id) => miner.resolve(id)))).toEqual(new Set([minedTemplateId('Handled <*> <PATH>: status=<*> time=<DUR>')]));
    expect(miner.add('Request to quotes /api/items returned status code 503').change).toBe('matched');
  });

  it('keeps success (exit code 0) apart from failure whatever it does with HTTP statuses', () => {
    const miner = new TemplateMiner({ variableAfter: 2, similarity: 0.1 });
    const first = miner.add('worker process exited with code 0');
    const second = miner.add('worker process exited with code 1');
    expect(second.change).toBe('created');
    expect(second.id).not.toBe(miner.resolve(first.id));
    miner.add('worker process exited with code 137');
    expect(miner.add('worker process exited with code 0').id).toBe(miner.resolve(first.id));
  });

  // With status classes apart, a code shaped like an HTTP status of a class (255) is judged as one.
  it.each([
    [{}, ['1', '137', '255', '2']],
    [{ statusClassesApart: true }, ['1', '137', '143', '2']],
  ])('lets the non-zero exit code of a failure vary, with its punctuation, keyed or not (%o)', (options, codes) => {
    const miner = new TemplateMiner(options);
    const lost = (code: string): string => `Lost executor 7 on worker-3: Container marked as failed. Exit status: ${code}. Diagnostics: killed`;
    const ids = codes.map((code) => miner.add(lost(code)).id);
    expect(new Set(ids.map((id) => miner.resolve(id))).size).toBe(1);
    expect(miner.match(lost('3'))?.template).toBe('Lost executor <NUM> on <ID>: Container marked as failed. Exit status: <*> Diagnostics: killed');
    const keyed = ['1', '2'].map((code) => miner.add(`task reaper stopped task-${code}, exit_code=${code === '1' ? 137 : 1} signal=9`).id);
    expect(miner.resolve(keyed[0])).toBe(miner.resolve(keyed[1]));
    expect(miner.match(lost('0'))).toBeUndefined();
    // A word between the exit and its code (launchd): the masker keeps every code there, of one digit or three.
    const launchd = (code: string): string => `(com.apple.nsurlsessiond[123]): Service exited with abnormal code: ${code}`;
    const abnormal = ['1', codes[2], '78'].map((code) => miner.add(launchd(code)).id);
    expect(new Set(abnormal.map((id) => miner.resolve(id))).size).toBe(1);
  });

  it('keeps HTTP statuses of two classes apart when told to, and lets the code vary within a class', () => {
    const miner = new TemplateMiner({ statusClassesApart: true });
    const ok = miner.add('10.0.0.1 "GET /v2/items HTTP/1.1" status: 200 len: 1893');
    expect(miner.add('10.0.0.3 "GET /v2/items HTTP/1.1" status: 503 len: 1893').change).toBe('created');
    expect(miner.add('10.0.0.2 "GET /v2/items HTTP/1.1" status: 204 len: 1893').previousId).toBe(ok.id);
  });

  // Two lines that stay two templates after one line each: plain words wait for variableAfter values.
  it.each([
    ['plain words', 'Cluster state is green', 'Cluster state is amber'],
    ['plain words inside a fixed wrapping', 'Killed process 412 (snapd) after timeout', 'Killed process 413 (celery) after timeout'],
    ['an authentication method that is no default name', 'Failed password for invalid user ops from 10.0.0.1 port 5022 ssh2', 'Failed none for invalid user ops from 10.0.0.1 port 5022 ssh2'],
  ])('keeps %s apart at first', (_what, first, second) => {
    const miner = new TemplateMiner();
    miner.add(first);
    expect(miner.add(second).change).toBe('created');
  });

  it('never generalises a meaning word: outcomes, levels and status codes stay apart', () => {
    const miner = new TemplateMiner({ variableAfter: 2, similarity: 0.1, statusClassesApart: true });
    const pairs = [
      ['Backup completed for volume data', 'Backup failed for volume data'],
      ['Service nginx started on node web', 'Service nginx stopped on node web'],
      ['ERROR connection to db lost', 'WARN connection to db lost'],
      ['request to api returned status: 200', 'request to api returned status: 500'],
      ['process exited with code 0', 'process exited with code 1'],
      ['link eth0 is up', 'link eth0 is down'],
      ['Job failed state=RUNNING', 'Job succeeded state=RUNNING'],
      ['[ERROR] connection to db lost', '[WARN] connection to db lost'],
      ['Node worker-1 status is now: NodeHasSufficientMemory', 'Node worker-1 status is now: NodeNotReady'],
    ];
    for (const [a, b] of pairs) {
      const first = miner.add(a);
      const second = miner.add(b);
      expect(second.change).toBe('created');
      expect(second.id).not.toBe(miner.resolve(first.id));
    }
  });

  it('keeps the methods of request lines apart, and lets prose verbs and a method field vary', () => {
    const miner = new TemplateMiner();
    const methods = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH'];
    for (let i = 0; i < 20; i++) {
      const method = methods[i % methods.length];
      miner.add(`10.0.0.${i} "${method} /v2/${i}abc${i}def99/servers HTTP/1.1" status: 200 len: ${100 + i} time: 0.${i}`);
      miner.add(`Started ${method} "/users/${i}" for 10.1.0.${i}`);
      miner.add(`Could not ${['get', 'put', 'set', 'add'][i % 4]} key ${i} of the cache`);
      miner.add(`request done method=${method} path=/p/${i}`);
    }
    const templates = [...miner.templates()].map((t) => t.template);
    for (const method of methods) {
      expect(templates).toContain(`<IP> "${method} <PATH> HTTP/1.1" status: 200 len: <NUM> time: <NUM>`);
      expect(templates).toContain(`Started ${method} <QUOTED> for <IP>`);
    }
    expect(templates).toContain('Could not <*> key <NUM> of the cache');
    expect(templates).toContain('request done method=<*> path=<PATH>');
    expect(templates).toHaveLength(2 * methods.length + 2);
  });

  it('takes a hyphenated name holding a state word as a value, and keeps an outcome in one apart', () => {
    const miner = new TemplateMiner();
    for (const job of ['ledger-close', 'metrics-rollup', 'pop3-login', 'dead-letter']) miner.add(`Backup job ${job} finished`);
    miner.add('Probe disk-failed on node');
    miner.add('Probe disk-ready on node');
    const templates = [...miner.templates()].map((t) => t.template).sort();
    expect(templates).toEqual(['Backup job <*> finished', 'Probe disk-failed on node', 'Probe disk-ready on node']);
  });

  it('does not let the words of a JSON message drift into wildcards, one position at a time, until every message joins', () => {
    const miner = new TemplateMiner({ variableAfter: 2 });
    const json = (message: string) => `{"timestamp": "2024-01-01T00:00:00Z", "severity": "INFO", "logger": "app", "message": "${message}", "trace_id": "abc"}`;
    const drift = ['Employee alice clocked at the desk', 'Employee bob clocked at the desk', 'Employee bob moved at the desk', 'Employee bob moved to the desk', 'Employee bob moved to a desk', 'Employee bob moved to a car'];
    for (const message of drift) miner.add(json(message));
    const employee = miner.add(json('Employee carol moved to a car')).template;
    // Of a message's six words, the template keeps most: the keys around it are no wording of its own.
    expect((employee.match(/<\*>/g) ?? []).length).toBeLessThanOrEqual(3);
    expect(miner.add(json('Scheduler sending due task payroll now')).template).not.toBe(employee);
    // The same of a compact envelope, whose keys hold their masked values (`"time":<NUM>,`).
    const compact = (message: string) => `{"level":30,"time":1700000000000,"pid":4242,"hostname":"web-1","name":"api","msg":"${message}"}`;
    for (const message of drift) miner.add(compact(message));
    const employeeCompact = miner.add(compact('Employee carol moved to a car')).template;
    expect((employeeCompact.match(/<\*>/g) ?? []).length).toBeLessThanOrEqual(3);
    expect(miner.add(compact('Scheduler sending due task payroll now')).template).not.toBe(employeeCompact);
  });

  it('does not let a wildcard take a meaning word either', () => {
    const miner = new TemplateMiner({ variableAfter: 2 });
    miner.add('Job nightly-etl ended with result alpha');
    miner.add('Job nightly-etl ended with result beta');
    expect(miner.match('Job nightly-etl ended with result gamma')?.template).toBe('Job nightly-etl ended with result <*>');
    expect(miner.match('Job nightly-etl ended with result failed')).toBeUndefined();
  });

  it('keeps JSON events with other keys apart, whatever their values', () => {
    const miner = new TemplateMiner({ variableAfter: 2, similarity: 0.1 });
    const event = (field: string) => `{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","awsRegion":"eu-west-1",${field},"sourceIPAddress":"10.0.0.1","readOnly":false}`;
    const login = miner.add(event('"errorCode":"AccessDenied"'));
    const created = miner.add(event('"requestID":"bucket-1"'));
    expect(created.change).toBe('created');
    expect(created.id).not.toBe(miner.resolve(login.id));
  });

  it('takes a number inside a name for part of a value, not for a status code', () => {
    const miner = new TemplateMiner();
    miner.add('idoproxydb has been started: $Name: V1R2M0_240_2006 $ Input parameters: -enableflush');
    expect(miner.add('idoproxydb has been started: $Name: V1R3M1_310_2006 $ Input parameters: -enableflush').template).toBe(
      'idoproxydb has been started: $Name: <*> $ Input parameters: -enableflush',
    );
  });

  it('keeps a message code, which names its message, as wording', () => {
    const miner = new TemplateMiner({ variableAfter: 2 });
    const denied = miner.add('[client 10.0.0.1:5050] AH01630: client denied by server configuration: /srv/www/');
    expect(miner.add('[client 10.0.0.2:5050] AH01797: client denied by server configuration: /srv/www/').id).not.toBe(miner.resolve(denied.id));
  });

  it('keeps the key of a key=value position: user=<*>', () => {
    const miner = new TemplateMiner({ variableAfter: 2 });
    miner.add('login accepted user=bob method=password');
    expect(miner.add('login accepted user=alice method=password').template).toBe('login accepted user=<*> method=password');
  });

  it('splits comma-separated fields (JSON, key=value lists) into tokens, so one varying field does not hide the others', () => {
    const miner = new TemplateMiner({ variableAfter: 2 });
    miner.add('audit verb=get,user=bob,result=ok');
    const generalised = miner.add('audit verb=get,user=alice,result=ok');
    expect(generalised.template).toBe('audit verb=get,user=<*>,result=ok');
    expect(miner.match('audit verb=get,user=carol,result=denied')).toBeUndefined();
  });

  it('meets lines of a template whose first word is a value, once that position is known to vary', () => {
    const miner = new TemplateMiner();
    for (const u of users) miner.add(`${u} : TTY=pts/1 ; PWD=/home ; USER=root ; COMMAND=/bin/ls`);
    const ids = new Set(users.map((u) => miner.match(`${u} : TTY=pts/1 ; PWD=/home ; USER=root ; COMMAND=/bin/ls`)?.id));
    expect(ids.size).toBe(1);
    expect(miner.match('zoe : TTY=pts/1 ; PWD=/home ; USER=root ; COMMAND=/bin/ls')?.template).toBe('<*> : TTY=pts/<NUM> ; PWD=<PATH> ; USER=root ; COMMAND=<PATH>');
  });

  it('gives an ungeneralised template the id a tier computes from the masked line', () => {
    const miner = new TemplateMiner();
    const line = 'Disk /dev/sda1 at 91% on db-7';
    expect(miner.add(line).id).toBe(minedTemplateId(maskTemplate(line)));
    expect(miner.add(line).id).toBe(minedTemplateId(miner.masker.mask(line)));
  });

  it('records the old id as an alias when a template generalises', () => {
    const merged: [string, string][] = [];
    const miner = new TemplateMiner({ variableAfter: 2, onMerged: (from, to) => merged.push([from, to]) });
    const first = miner.add('Cache warmed for region north');
    const second = miner.add('Cache warmed for region south');
    expect(second).toMatchObject({ change: 'generalised', previousId: first.id });
    expect(merged).toEqual([[first.id, second.id]]);
    expect(miner.aliases(second.id)).toEqual([first.id]);
    expect(miner.resolve(first.id)).toBe(second.id);
  });

  it('keeps a template when a line differs from its wildcard only in the delimiters after it', () => {
    const miner = new TemplateMiner({ variableAfter: 2 });
    miner.add('Worker alpha, joined the pool');
    miner.add('Worker beta, joined the pool');
    // `gamma;` against `<*>,`: the wildcard would generalise to itself; the template must not be lost.
    const id = miner.add('Worker gamma; joined the pool').id;
    expect(miner.add('Worker delta, joined the pool')).toMatchObject({ id, change: 'matched' });
    expect([...miner.templates()]).toEqual([{ id: minedTemplateId('Worker <*>, joined the pool'), template: 'Worker <*>, joined the pool', count: 4 }]);
  });

  it('follows a chain of generalisations to the newest id', () => {
    const miner = new TemplateMiner({ variableAfter: 2 });
    const a = miner.add('copy of shard north to rack east done').id;
    const b = miner.add('copy of shard south to rack east done').id;
    const c = miner.add('copy of shard south to rack west done').id;
    expect(new Set([a, b, c]).size).toBe(3);
    expect(miner.resolve(a)).toBe(c);
    expect(miner.aliases(c).sort()).toEqual([a, b].sort());
  });

  it('evicts the least recently seen template past maxClusters', () => {
    const miner = new TemplateMiner({ maxClusters: 3 });
    const lines = ['alpha one', 'beta two three', 'gamma four five six', 'delta seven eight nine ten'];
    const ids = lines.slice(0, 3).map((l) => miner.add(l).id);
    miner.add(lines[0]); // alpha is now the most recent
    miner.add(lines[3]);
    expect(miner.size).toBe(3);
    const held = [...miner.templates()].map((t) => t.id);
    expect(held).toContain(ids[0]);
    expect(held).not.toContain(ids[1]);
    expect(miner.match(lines[1])).toBeUndefined();
  });

  it('round-trips its state through a JSON snapshot', () => {
    const lines = users.flatMap((u, i) => [`User ${u} logged in from 10.0.0.${i}`, `Backup of ${u} completed in ${i + 1}s`, `Backup of ${u} failed: disk full`]);
    const miner = new TemplateMiner();
    for (const l of lines.slice(0, 12)) miner.add(l);
    const restored = TemplateMiner.restore(JSON.parse(JSON.stringify(miner.snapshot())) as MinerSnapshot);
    expect([...restored.templates()]).toEqual([...miner.templates()]);
    for (const l of lines.slice(12)) expect(restored.add(l)).toEqual(miner.add(l));
    for (const l of lines) expect(restored.match(l)).toEqual(miner.match(l));
    expect(restored.snapshot()).toEqual(miner.snapshot());
  });

  it('refuses a snapshot made with another mask version or other mask rules', () => {
    const snapshot = new TemplateMiner().snapshot();
    expect(() => TemplateMiner.restore({ ...snapshot, maskVersion: snapshot.maskVersion - 1 })).toThrow(SnapshotError);
    expect(() => TemplateMiner.restore({ ...snapshot, format: 'other' })).toThrow(SnapshotError);
    const rules = parseMaskRules('masks: [{id: loc, pattern: "R\\\\d{2}", placeholder: "<LOC>"}]', 'test');
    expect(() => TemplateMiner.restore(snapshot, { maskRules: rules })).toThrow(/other mask rules/);
  });

  it('agrees with another miner on ids when both have seen the same variations, whatever the order', () => {
    const lines = users.map((u, i) => `Worker ${u} joined pool ${i}`);
    const a = new TemplateMiner();
    const b = new TemplateMiner();
    for (const l of lines) a.add(l);
    for (const l of [...lines].reverse()) b.add(l);
    for (const l of lines) expect(a.match(l)?.id).toBe(b.match(l)?.id);
  });

  it('applies per-source mask rules to their sources only', () => {
    const rules = parseMaskRules(
      [
        'version: 1',
        'masks:',
        '  - id: bgl-location',
        "    pattern: 'R\\d{2}-M\\d-N\\d{1,2}(?:-C:J\\d{2}-U\\d{2})?'",
        '    placeholder: <LOC>',
        '    sources: [BGL]',
        '    examples: [R02-M1-N0-C:J12-U11 RAS KERNEL INFO]',
      ].join('\n'),
      'test',
    );
    const miner = new TemplateMiner({ maskRules: rules });
    expect(miner.add('R02-M1-N0-C:J12-U11 RAS KERNEL INFO generating core', 'bgl').template).toBe('<LOC> RAS KERNEL INFO generating core');
    expect(miner.add('R02-M1-N0-C:J12-U11 RAS KERNEL INFO generating core', 'other').template).not.toContain('<LOC>');
  });

  it('stays linear and never throws on hostile lines (no time is asserted: the suite timeout is the guard)', () => {
    const miner = new TemplateMiner({ maxClusters: 50 });
    const hostile = ['', ' ', 'a '.repeat(200_000), 'x'.repeat(1 << 20), '<*> '.repeat(50_000), 'failed '.repeat(50_000), ', ; '.repeat(50_000), '\ud800 \u0000 =='];
    for (const line of hostile) for (let i = 0; i < 3; i++) expect(typeof miner.add(line).id).toBe('string');
    for (let i = 0; i < 2000; i++) miner.add(`w${i % 7}x y${i} ${'z'.repeat(i % 13)}`);
    expect(miner.size).toBeLessThanOrEqual(50);
  });
});
