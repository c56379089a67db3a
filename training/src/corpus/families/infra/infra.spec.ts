import { generateCorpus } from '../../generate';
import { INFRA_FAMILIES } from './index';

const rows = generateCorpus({ seed: 11, rowsPerTemplate: 4, families: INFRA_FAMILIES });
const linesOf = (family: string): string[] => rows.filter((r) => r.family === family).map((r) => r.logMessage);

describe('infra families', () => {
  /** The same event must get one label in every program that reports it (LABELLING.md). */
  it.each([
    [/Failed password for /, 'Security Alert'],
    [/Accepted (password|publickey) for /, 'User Action'],
    [/session (opened|closed) for user /, 'User Action'],
    [/authentication failure; logname=/, 'Security Alert'],
    [/user NOT in sudoers/, 'Security Alert'],
    [/POSSIBLE BREAK-IN ATTEMPT/, 'Security Alert'],
    [/segfault at |Kernel panic - not syncing|Out of memory: Kill/, 'Critical Error'],
    [/Remounting filesystem read-only|I\/O error, dev /, 'Critical Error'],
    [/Main process exited, code=|Failed to start /, 'Critical Error'],
    [/Consumed .* CPU time/, 'Resource Usage'],
    [/ is DOWN, reason: |has no server available!|no live upstreams/, 'Critical Error'],
    [/MaxRequestWorkers setting|worker_connections are not enough|too many clients|Too many connections/, 'Resource Usage'],
    [/client denied by server configuration|access forbidden by rule|limiting requests, excess/, 'Security Alert'],
    [/password authentication failed for user|Access denied for user '|Failed to authenticate|WRONGPASS/, 'Security Alert'],
    [/ is deprecated| DEPRECATED OPTION|Deprecated field/, 'Deprecation Warning'],
    [/connect\(\) failed \(111: Connection refused\)|upstream timed out \(110/, 'Error'],
    [/\[UFW BLOCK\]|apparmor="DENIED"|avc: {2}denied/, 'Security Alert'],
  ])('label every line matching %s as %s', (pattern, label) => {
    const matching = rows.filter((r) => pattern.test(r.logMessage));
    expect(matching.length).toBeGreaterThan(0);
    expect([...new Set(matching.map((r) => r.targetLabel))]).toEqual([label]);
  });

  it('write every access-log line as HTTP Status, except TCP sessions that carry no HTTP request', () => {
    for (const family of ['apache-access', 'nginx-access', 'squid-access']) {
      expect(new Set(rows.filter((r) => r.family === family).map((r) => r.targetLabel))).toEqual(new Set(['HTTP Status']));
    }
    const envoy = rows.filter((r) => r.family === 'envoy-access');
    for (const r of envoy) expect(r.targetLabel).toBe(r.logMessage.includes('"- - -"') ? 'System Notification' : 'HTTP Status');
  });

  it('keep the values of one line consistent with each other', () => {
    for (const line of linesOf('linux-auth')) {
      const user = /new user: name=([^,]+), UID=(\d+), GID=(\d+), home=\/home\/([^,]+),/.exec(line);
      if (user) {
        expect(user[4]).toBe(user[1]);
        expect(user[3]).toBe(user[2]);
      }
    }
    for (const line of linesOf('linux-kernel')) {
      const oom = /total-vm:(\d+)kB, anon-rss:(\d+)kB/.exec(line);
      if (oom) expect(Number(oom[2])).toBeLessThanOrEqual(Number(oom[1]));
    }
    for (const line of linesOf('systemd')) {
      const boot = /Startup finished in ([\d.]+)s \(kernel\) \+ ([\d.]+)s \(userspace\) = ([\d.]+)s\./.exec(line);
      if (boot) expect(Number(boot[1]) + Number(boot[2])).toBeCloseTo(Number(boot[3]), 2);
    }
    for (const line of linesOf('mongodb')) {
      const ended = /"ctx":"conn(\d+)","msg":"Connection ended".*"connectionId":(\d+)/.exec(line);
      if (ended) expect(ended[2]).toBe(ended[1]);
    }
  });

  it('print each program header as the program does', () => {
    expect(linesOf('linux-auth').filter((l) => / sudo(\[\d+\])?: {4}\S+ : TTY=/.test(l)).length).toBeGreaterThan(0);
    expect(linesOf('linux-auth').filter((l) => / sudo(\[\d+\])?: {2,}pam_unix/.test(l))).toEqual([]);
    for (const line of linesOf('mongodb')) expect(line).toMatch(/^\{"t":\{"\$date":"\d{4}-\d\d-\d\dT[\d:.]+\+00:00"\},"s":"(I|W|E|F|D1)", {1,2}"c":"[\w-]+", +"id":\d+, +"ctx":"/);
    for (const line of linesOf('apache-error')) expect(line).toMatch(/^(\[\w{3} \w{3} \d\d [\d:]{8}\.\d{6} \d{4}\] \[\w+:(emerg|alert|crit|error|warn|notice|info|debug)\] \[pid \d+(:tid \d+)?\] )?\S/);
    for (const line of linesOf('redis')) expect(line).toMatch(/^(\d+:[MSCX] \d\d \w{3} \d{4} [\d:]{8}\.\d{3} [.*#-] )?\S/);
  });
});
