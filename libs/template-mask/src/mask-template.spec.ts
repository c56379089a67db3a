import { maskTemplate, templateId } from './index';

/** Pairs of lines that differ only by variable parts: one template. */
const SAME: [string, string][] = [
  ['User User123 logged in.', 'User User685 logged in.'],
  // Folders named in capitalised words are one path: the word is followed by the path's separator.
  ['deny(1) file-read-data /Users/anna/Library/Application Support/AddressBook/AB.abcddb', 'deny(1) file-read-data /Users/bob/.ssh/id_rsa'],
  ['Faulting application path: C:\\Program Files (x86)\\Microsoft Office\\root\\WINWORD.EXE', 'Faulting application path: C:\\Windows\\explorer.exe'],
  ['User user_42 logged out.', 'User user_7 logged out.'],
  ['Account with ID 5351 created by User634.', 'Account with ID 12 created by User1.'],
  ['Backup started at 2025-05-14 07:06:55.', 'Backup started at 2024-01-02T23:59:01.123Z.'],
  ['Backup ended at 2025-08-08 13:06:23.', 'Backup ended at 2025/08/08 01:02:03.'],
  ['System updated to version 3.2.1.', 'System updated to version 10.0.'],
  ['System updated to version v3.2.1.', 'System updated to version 4.'],
  ['File data_6957.csv uploaded successfully by user User265.', 'File data_12.csv uploaded successfully by user User9.'],
  ['System reboot initiated by user User243.', 'System reboot initiated by user User1.'],
  ['request 3f2a9c1b-7b52-4c62-8b1e-3ab7c0b0e6b1 done', 'request 00000000-0000-0000-0000-00000000000a done'],
  ['commit 3f2a9c1b pushed', 'commit 0123456789abcdef0123 pushed'],
  ['fault at 0xDEADBEEF', 'fault at 0x1f'],
  ['connect from 10.11.10.1', 'connect from 192.168.0.254:8080'],
  ['connect from fe80::1', 'connect from 2001:db8:0:0:0:0:2:1'],
  ['connect from ::1', 'connect from 2001:db8::8a2e:370:7334'],
  ['link 00:1a:2b:3c:4d:5e up', 'link AA-BB-CC-DD-EE-FF up'],
  ['May 14 07:06:55 host sshd: ok', 'Dec  1 23:00:00 host sshd: ok'],
  ['Thu, 14 May 2025 07:06:55 GMT ready', 'Mon, 1 Dec 2024 00:00:00 GMT ready'],
  ['[10/Oct/2000:13:55:36 -0700] hit', '[01/Jan/2025:00:00:00 +0000] hit'],
  ['at 07:06:55.123 tick', 'at 23:59:59 tick'],
  ['date 14/05/2025 ok', 'date 1-2-2024 ok'],
  ['latency 12ms', 'latency 4.5ms'],
  ['used 4.5GB of 16GB (87%)', 'used 10GB of 32GB (31.2%)'],
  ['saved /var/log/app/2025-05-14.log.', 'saved /tmp/x.'],
  ['saved ./a/b and ~/c and ../d', 'saved ./x and ~/y/z and ../w/v'],
  ['saved C:\\Users\\bob\\a.txt', 'saved D:\\x'],
  ['see https://example.com/a?b=1.', 'see http://10.0.0.1:8080/x/y.'],
  ["user 'admin' denied", "user 'bob_2' denied"],
  ['table "orders" locked', 'table "line_items" locked'],
  ['mail to bob@example.com failed', 'mail to a.b+c@mail.example.org failed'],
  ['ticket #4521 closed', 'ticket #7 closed'],
  ['Order ID 12345 shipped', 'Order ID 9 shipped'],
  ['{"id": 12345, "status": 200}', '{"id": 7, "status": 200}'],
  ['retries=3 session=a9f3k2', 'retries=12 session=zz9x'],
  ['worker node-7 started', 'worker node-12 started'],
  ['  spaced\tout \n line ', 'spaced out line'],
  ['HTTP 500 from upstream 10.0.0.1', 'HTTP 500 from upstream 10.0.0.2'],
  ['status: 200 len: 1893 time: 0.2675118', 'status: 200 len: 211 time: 0.0012'],
  ['exit code 1 after 12 s', 'exit code 1 after 300 s'],
  [
    'nova.osapi_compute.wsgi.server [req-2e7e6d9b-7b52-4c62-8b1e-3ab7c0b0e6b1 113d3a99c3da401fbd62cc2caa5b96d2 54fadb412c4e40cdbaed9335e4c35a9e - - -] 10.11.10.1 "GET /v2/54fadb412c4e40cdbaed9335e4c35a9e/servers/detail HTTP/1.1" status: 200 len: 1893 time: 0.2675118',
    'nova.osapi_compute.wsgi.server [req-aaaa6d9b-7b52-4c62-8b1e-3ab7c0b0e6b1 0003d3a99c3da401fbd62cc2caa5b96d 11fadb412c4e40cdbaed9335e4c35a9e - - -] 10.11.10.7 "GET /v2/11fadb412c4e40cdbaed9335e4c35a9e/servers/detail HTTP/1.1" status: 200 len: 12 time: 1.5',
  ],
  ['{"severity": "ERROR", "ts": "2025-01-01T00:00:00Z", "trace_id": "ab12cd"}', '{"severity": "ERROR", "ts": "2024-12-31T23:59:59Z", "trace_id": "ff00"}'],
  ['msg="field \\"qty_1\\" ignored"', 'msg="field \\"price.v2\\" ignored"'],
  ['Pod inventory-api-7f9c8d5b6-e51fd failed liveness probe', 'Pod inventory-api-5c134d227-a277a failed liveness probe'],
  ['User usr_15f9e0565b set up MFA', 'User usr_2bb1481ef2 set up MFA'],
  ['Tax for invoice in_fab8ba88ddcc82 failed', 'Tax for invoice in_0a1b failed'],
  ['accepted terms V2.1', 'accepted terms v10.0.3'],
  // Real variables: sizes and durations whose unit follows the magnitude, thousands separators, hosts, glued ids, thread names.
  ['sent 1,234 bytes (1.20 KB)', 'sent 999 bytes (3.40 MB)'],
  ['close, 1,234 bytes (1.20 KB) sent, 12 bytes received', 'close, 99 bytes sent, 5,678 bytes (5.54 KB) received'],
  ['took 800ms', 'took 1.5 s'],
  ['took 1m30s', 'took 12 seconds'],
  ['lifetime 00:02', 'lifetime 01:59'],
  ['lifetime <1 sec', 'lifetime 3 secs'],
  ['capacity 512M', 'capacity 2G'],
  ['read 1,234,567 rows', 'read 12 rows'],
  ['connect to www.google.com:443', 'connect to proxy.cse.cuhk.edu.hk:5070'],
  ['lookup of ip-10-0-0-1.ec2.internal', 'lookup of db.example.org'],
  ['connect to db-1:5432', 'connect to cache-primary:6379'],
  ['block blk_-1608999687919862906 added', 'block blk_3587508140051953248 added'],
  ['job job_201512011200_0001 done', 'job job_201601021300_0142 done'],
  ['found rdd_2_3 and broadcast_1_piece0', 'found rdd_12_0 and broadcast_7_piece2'],
  ['Session: 30546173_4261722401 initialized', 'Session: 30546180_861234 initialized'],
  ['17/06/09 20:10:40 INFO x', '18/01/31 00:00:01 INFO x'],
  ['INFO [IPC Server handler 3 on 8020] ok', 'INFO [IPC Server handler 12 on 9000] ok'],
  ['[10.30 16:49:06] chrome.exe', '[11.01 01:02:03] chrome.exe'],
  ['127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a.gif HTTP/1.0" 200 2326', '10.1.1.1 - - [11/Oct/2000:13:55:36 -0700] "GET /b/c.gif HTTP/1.0" 200 7'],
];

/** Pairs whose meaning differs: the templates must differ. */
const DIFFERENT: [string, string][] = [
  ['User User123 logged in.', 'User User123 logged out.'],
  ['User User123 logged in.', 'User User123 failed to log in.'],
  ['Backup completed successfully.', 'Backup failed.'],
  ['status: 200 len: 1893', 'status: 500 len: 1893'],
  ['status_code=404', 'status_code=200'],
  ['HTTP 200 from upstream', 'HTTP 503 from upstream'],
  ['"GET /a HTTP/1.1" 200 12', '"GET /a HTTP/1.1" 404 12'],
  ['request returned 200', 'request returned 500'],
  ['process exit code 0', 'process exit code 1'],
  ['exited with status 0', 'exited with status 137'],
  ['Service exited with abnormal code: 0', 'Service exited with abnormal code: 1'],
  ['Disk cleanup completed successfully.', 'Disk cleanup failed: permission denied'],
  ['ERROR connection refused', 'WARN connection refused'],
  ['[client 10.0.0.1:5050] AH01630: client denied by server configuration: /srv/www/', '[client 10.0.0.1:5050] AH01797: client denied by server configuration: /srv/www/'],
  ['ORA-00942: table or view does not exist', 'ORA-00904: table or view does not exist'],
  ['"disk full" reported', '"all good" reported'],
  ['System reboot initiated by user User243.', 'Unexpected system reboot.'],
  ['Memory at 87%', 'Memory at 87 MB'],
  ['Module X is deprecated', 'Module X is retired'],
  ['{"status": 200, "bytes": 12}', '{"status": 404, "bytes": 12}'],
  ['{"status": "200"}', '{"status": "503"}'],
  ['{"DownstreamStatus":200}', '{"DownstreamStatus":502}'],
  ['{"exit_code": 0}', '{"exit_code": 2}'],
  ['{"severity": "INFO", "msg": "x"}', '{"severity": "ERROR", "msg": "x"}'],
  ['{"severity": "info"}', '{"level": "info"}'],
  ['status:200', 'status:500'],
  ['Status-Code:200', 'Status-Code:503'],
  ['took 12 s', 'took 12 GB'],
  ['[exit code 0 after <DUR>]', '[exit code 1 after <DUR>]'],
];

describe('maskTemplate', () => {
  it.each(SAME)('gives %j and %j one template', (a, b) => {
    expect(maskTemplate(a)).toBe(maskTemplate(b));
  });

  it.each(DIFFERENT)('keeps %j and %j apart', (a, b) => {
    expect(maskTemplate(a)).not.toBe(maskTemplate(b));
  });

  it('uses readable placeholders and keeps words and status codes', () => {
    expect(maskTemplate('User User123 logged in.')).toBe('User <ID> logged in.');
    expect(maskTemplate('Account with ID 5351 created by User634.')).toBe('Account with ID <ID> created by <ID>.');
    expect(maskTemplate('Backup started at 2025-05-14 07:06:55.')).toBe('Backup started at <TS>.');
    expect(maskTemplate('File data_6957.csv uploaded successfully by user User265.')).toBe('File <ID>.csv uploaded successfully by user <ID>.');
    // Sizes and durations carry their unit: real programs choose it by magnitude (12ms, then 1.5s).
    expect(maskTemplate('latency 12ms at 87% of 4.5GB')).toBe('latency <DUR> at <NUM>% of <SIZE>');
    expect(maskTemplate('chrome.exe - www.google.com:443 close, 1,234 bytes (1.20 KB) sent')).toBe('chrome.exe - <HOST> close, <SIZE> sent');
    expect(maskTemplate('Receiving block blk_-1608999687919862906 src: /10.250.19.102:54106')).toBe('Receiving block <ID> src: <PATH>');
    expect(maskTemplate('INFO [IPC Server handler 3 on 8020] ipc.Server: starting')).toBe('INFO [<VALUES>] ipc.Server: starting');
    expect(maskTemplate('job 3f2a9c1b-7b52-4c62-8b1e-3ab7c0b0e6b1 from 10.0.0.1:80 wrote /a/b by bob@x.io')).toBe(
      'job <UUID> from <IP> wrote <PATH> by <EMAIL>',
    );
    expect(maskTemplate('10.11.10.1 "GET /v2/servers/detail HTTP/1.1" status: 200 len: 1893 time: 0.2675118')).toBe(
      '<IP> "GET <PATH> HTTP/1.1" status: 200 len: <NUM> time: <NUM>',
    );
    expect(maskTemplate("user 'admin' in #42 via https://x.io/a")).toBe('user <QUOTED> in <ID> via <URL>');
  });

  it('removes padding inside brackets, so a padded field is one token whatever its length', () => {
    const spring = (thread: string): string => `2025-05-14 07:06:55.123  INFO 4242 --- [${thread}] c.a.c.t.AssignmentService                : Lead 7 created`;
    expect(maskTemplate(spring('           main'))).toBe('<TS> INFO <NUM> --- [main] c.a.c.t.AssignmentService : Lead <NUM> created');
    expect(maskTemplate(spring('nio-8080-exec-3')).split(' ').length).toBe(maskTemplate(spring('           main')).split(' ').length);
    expect(maskTemplate('[INFO ] cache warmed ( 5 entries )')).toBe('[INFO] cache warmed (<NUM> entries)');
  });

  it('masks a quoted user agent whole, and keeps quoted request lines and messages', () => {
    const access = (agent: string): string => `10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a.png HTTP/1.1" 200 2326 "-" "${agent}"`;
    const template = '<IP> - - [<TS>] "GET <PATH> HTTP/1.1" 200 <NUM> <QUOTED> <QUOTED>';
    expect(maskTemplate(access('Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0'))).toBe(template);
    expect(maskTemplate(access('Apache-HttpClient/4.5.14 (Java/17.0.9)'))).toBe(template);
    expect(maskTemplate(access('curl/8.4.0'))).toBe(template);
    expect(maskTemplate('{"userAgent": "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0", "eventName": "GetObject"}')).toBe('{"userAgent": <QUOTED>, "eventName": <QUOTED>}');
    expect(maskTemplate('Unable to authenticate the request err="invalid bearer token"')).toBe('Unable to authenticate the request err="invalid bearer token"');
  });

  it('masks a size in bytes written with a bare B as a size, like one in KB', () => {
    expect(maskTemplate('Chunk part_7 kept in memory (estimated size 91.5 B, free 12.0 MB)')).toBe(
      'Chunk <ID> kept in memory (estimated size <SIZE>, free <SIZE>)',
    );
    expect(maskTemplate('wrote 512B to disk')).toBe('wrote <SIZE> to disk');
    expect(maskTemplate('Plan B is ready')).toBe('Plan B is ready');
  });

  it('takes no key of the next field for a unit', () => {
    expect(maskTemplate('battery l=64 v=3972 t=297 h=2 st=2')).toBe('battery l=<NUM> v=<NUM> t=<NUM> h=<NUM> st=<NUM>');
    expect(maskTemplate('up for 297 h now')).toBe('up for <DUR> now');
  });

  it('masks a name between octal-escaped quotes as a quoted value', () => {
    expect(maskTemplate('Component State Change: Component \\042alt0\\042 is in the unavailable state (HWID=3180)')).toBe(
      'Component State Change: Component <QUOTED> is in the unavailable state (HWID=<NUM>)',
    );
    expect(maskTemplate('an unclosed \\042alt0 stays')).toBe('an unclosed \\042alt0 stays');
  });

  it('masks an SELinux level with its categories as one value, however many categories', () => {
    const avc = (level: string): string => maskTemplate(`avc: denied { read } for scontext=u:r:untrusted_app:${level} tcontext=u:object_r:app_data_file:s0 tclass=file`);
    expect(avc('s0:c512,c768')).toBe('avc: denied { read } for scontext=u:r:untrusted_app:<ID> tcontext=u:object_r:app_data_file:<ID> tclass=file');
    expect(avc('s0:c240,c256,c512,c768')).toBe(avc('s0:c512,c768'));
    expect(avc('s0-s0:c0.c1023')).toBe(avc('s0'));
  });

  it('keeps a process name and its bitness mark one token', () => {
    expect(maskTemplate('editor.exe *64 - updates.example.org:443 open through proxy gw.example.net:8080 HTTPS')).toBe(
      'editor.exe*<NUM> - <HOST> open through proxy <HOST> HTTPS',
    );
    expect(maskTemplate('OUTLOOK.EXE *32 - 10.0.0.7:25 open directly')).toBe('OUTLOOK.EXE*<NUM> - <IP> open directly');
    expect(maskTemplate('found 3 *64 items')).toBe('found <NUM> *<NUM> items');
  });

  it('takes no word after a path into it but a folder the path goes on in', () => {
    expect(maskTemplate('/a/b is mounted read/write')).toBe('<PATH> is mounted read/write');
    expect(maskTemplate('"GET /index.html HTTP/1.1" 200')).toBe('"GET <PATH> HTTP/1.1" 200');
    expect(maskTemplate('wrote /Users/x/My Files/Notes.txt. Done')).toBe('wrote <PATH>. Done');
    expect(maskTemplate('read /var/lib/data Then stopped')).toBe('read <PATH> Then stopped');
  });

  it('leaves words that only look like values alone', () => {
    for (const text of ['deadbeef and/or I/O', 'TCP/IP stack', 'std::vector', 'x86_64 build', 'may be ready', 'HTTP/1.1 upgrade', 'org.apache.hadoop.ipc.Server', 'java.net.SocketException', 'thread [main] ok']) {
      expect(maskTemplate(text)).toBe(text);
    }
  });

  it('is idempotent', () => {
    for (const [a, b] of [...SAME, ...DIFFERENT]) {
      for (const line of [a, b]) {
        const once = maskTemplate(line);
        expect(maskTemplate(once)).toBe(once);
      }
    }
  });

  it('never throws and stays linear on hostile input', () => {
    // A quadratic pattern would take hours on these; no time is asserted (the suite's timeout is the guard).
    const mb = 1024 * 1024;
    const kb256 = 256 * 1024;
    const runs = ['a', '1', 'a1', '/', '/a', '/a B', ' B', '/a (b)', 'C:\\a B', 'C:\\a (x86)', 'a.', 'a=', '1:', 'f:', '::', '1.', "'", '"a', 'x@', 'a@b.', '0x', 'http://', 'May 1 ', '2025-05-14 ', 'a-1', 'usr_', ' ', 'a_1', 'a_-', '1_', 'a.com.', 'a-', 'a1:', '1,', '1,000', '1 s', '<1', '[a <B', '[', 'a.'];
    const hostile = [
      '',
      '\u0000\u0000abc\u0000123',
      '\ud800 lone \udfff surrogates 12 \ud83d',
      'a'.repeat(mb),
      '1:'.repeat(mb / 2),
      ...runs.map((unit) => unit.repeat(Math.ceil(kb256 / unit.length))),
    ];
    for (const input of hostile) expect(typeof maskTemplate(input)).toBe('string');
    for (const input of hostile.slice(0, 3)) expect(maskTemplate(maskTemplate(input))).toBe(maskTemplate(input));
    const big = 'User User123 logged in from 10.0.0.1 at 2025-05-14 07:06:55. '.repeat(18_000);
    expect(big.length).toBeGreaterThan(mb);
    expect(maskTemplate(big)).toBe('User <ID> logged in from <IP> at <TS>. '.repeat(18_000).trim());
    expect(maskTemplate(undefined as unknown as string)).toBe('');
  });
});

describe('templateId', () => {
  it('is a short stable hex key', () => {
    const id = templateId('User <ID> logged in.');
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(templateId('User <ID> logged in.')).toBe(id);
    expect(templateId('User <ID> logged out.')).not.toBe(id);
    expect(templateId('\ud800')).toMatch(/^[0-9a-f]{12}$/);
  });
});
