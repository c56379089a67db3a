import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { answerByKeyword, startFakeGroq, type FakeGroq } from '@logclass/test-support';

/**
 * The images docker/Dockerfile builds, run the way compose runs them (read-only
 * root filesystem, /tmp on tmpfs, no capabilities, no new privileges, an init)
 * but with host networking only: every service binds 127.0.0.1 on a free port,
 * and no traffic leaves loopback. The LLM tier talks to a fake Groq on
 * 127.0.0.1 in this process. Run by tools/containers/test-containers.sh
 * (`npm run test:containers`) after it has built the images.
 */
const run = promisify(execFile);
const docker = async (...args: string[]) => (await run('docker', args, { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 })).stdout.trim();

const PREFIX = process.env['LOGCLASS_TEST_IMAGE_PREFIX'] ?? 'logclass/';
const TAG = process.env['LOGCLASS_TEST_IMAGE_TAG'] ?? 'local';
const image = (target: string) => `${PREFIX}${target}:${TAG}`;
const NAME = 'logclass-ct';
const SERVICES = ['regex', 'embedding', 'llm', 'gateway'] as const;
type Service = (typeof SERVICES)[number];
const container = (s: Service) => `${NAME}-${s}`;
const MB = 1e6;
/** Ceilings per image (Docker's sizes, base image included); embedding carries the inference runtime and has none. */
const CEILING: Record<string, number | undefined> = { regex: 300 * MB, llm: 300 * MB, gateway: 300 * MB, models: 20 * MB, embedding: undefined };
const GRACE_MS = 7_000; // every service's default <PREFIX>_SHUTDOWN_GRACE_MS
const DOCKER_STOP_TIMEOUT_MS = 10_000; // `docker stop` without -t

jest.setTimeout(180_000);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const health = (s: Service) => docker('inspect', '-f', '{{.State.Health.Status}}', container(s));
/**
 * Waits for a service's container to be healthy. When it is not in time, the
 * error says why: the container's state, its last probes' output and the
 * tail of its logs (a container that exited or never answered its probe
 * looks alike from the health status alone).
 */
async function healthy(s: Service, timeoutMs?: number): Promise<void> {
  try {
    await until(`${s} healthy`, async () => ((await health(s)) === 'healthy' ? true : undefined), timeoutMs);
  } catch (err) {
    const state = await docker('inspect', '-f', '{{.State.Status}} exit {{.State.ExitCode}}; probes: {{range .State.Health.Log}}[{{.ExitCode}} {{.Output}}] {{end}}', container(s)).catch((e: Error) => e.message);
    const logs = await run('docker', ['logs', '--tail', '30', container(s)]).then(({ stdout, stderr }) => stdout + stderr, (e: Error) => e.message);
    throw new Error(`${(err as Error).message}\n${s}: ${state}\nlogs:\n${logs}`);
  }
}

/** A CSV of `rows` rows the regex tier leaves to the embedding tier (and LegacyCRM ones to the LLM), numbered in a column of their own. */
function csvRows(from: number, count: number): string {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) {
    if (i % 10 === 3) lines.push(`${i},LegacyCRM,Case escalation for ticket ID ${i} failed because the assigned support agent is no longer active.`);
    else if (i % 10 === 7) lines.push(`${i},ModernCRM,User User${i} logged in.`);
    else lines.push(`${i},BillingSystem,Invoice generation process aborted for order ID ${i} due to invalid tax calculation module.`);
  }
  return lines.join('\n') + '\n';
}
const HEADER = 'row,source,log_message\n';

interface Row {
  row: number;
  label: string;
  tier: string;
  reason: string;
}
function parseAnswer(csv: string): Row[] {
  const [header, ...lines] = csv.trim().split('\n');
  expect(header).toBe('row,source,log_message,target_label,tier,reason');
  return lines.map((line) => {
    // Messages hold no commas or quotes; the reason is last and may hold commas.
    const [row, , , label, tier, ...reason] = line.split(',');
    return { row: Number(row), label, tier, reason: reason.join(',') };
  });
}

describe('the stack in containers (host network, loopback only)', () => {
  const ports: Record<string, number> = {};
  let fake: FakeGroq;
  let base = '';
  // Aborted after the last test: an upload the gateway stopped answering would otherwise go on feeding its body for seconds.
  const uploads = new AbortController();

  /** A service's listen settings: loopback, its gRPC port and its metrics port. */
  const listen = (prefix: string, s: Service): Record<string, string> => ({
    [`${prefix}_HOST`]: '127.0.0.1',
    [`${prefix}_GRPC_PORT`]: String(ports[s]),
    [`${prefix}_METRICS_PORT`]: String(ports[`${s}Metrics`]),
  });

  const envOf = (s: Service): Record<string, string> => {
    const common = { LOG_LEVEL: 'warn' };
    switch (s) {
      case 'regex':
        return { ...common, ...listen('REGEX', 'regex') };
      case 'embedding':
        return { ...common, ...listen('EMBEDDING', 'embedding') };
      case 'llm':
        return {
          ...common,
          ...listen('LLM', 'llm'),
          GROQ_API_KEY: 'gsk_container_test',
          GROQ_BASE_URL: fake.baseUrl,
        };
      case 'gateway':
        return {
          ...common,
          ...listen('GATEWAY', 'gateway'),
          GATEWAY_HTTP_PORT: String(ports['http']),
          GATEWAY_OTLP_GRPC_PORT: String(ports['otlpGrpc']),
          GATEWAY_OTLP_HTTP_PORT: String(ports['otlpHttp']),
          GATEWAY_TIERS: `regex=127.0.0.1:${ports['regex']},embedding=127.0.0.1:${ports['embedding']},llm=127.0.0.1:${ports['llm']}`,
          GATEWAY_ROUTING: '{"LegacyCRM":["llm","embedding"]}',
          GATEWAY_FEEDBACK_FILE: '/app/data/corrections.csv',
          GATEWAY_TEMPLATE_STATE_FILE: '/app/data/templates.json',
          // The breaker tries the restarted embedding tier again within seconds.
          GATEWAY_EMBEDDING_RESET_MS: '2000',
        };
    }
  };

  async function start(s: Service): Promise<void> {
    const env = Object.entries(envOf(s)).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    const volume = s === 'gateway' || s === 'llm' ? ['-v', `${NAME}-${s}-data:/app/data`] : [];
    // compose.yaml's hardening, with the host's network namespace instead of a bridge.
    // The image's HEALTHCHECK command, run every 2 s instead of 10 s so the test waits less.
    await docker(
      'run', '-d', '--name', container(s), '--label', 'org.logclass.test=containers', '--network', 'host', '--init', '--read-only', '--tmpfs', '/tmp',
      '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges:true', '--health-interval', '2s', ...volume, ...env, image(s),
    );
  }

  async function cleanUp(): Promise<void> {
    await run('docker', ['rm', '-f', ...SERVICES.map(container)]).catch(() => undefined);
    await run('docker', ['volume', 'rm', '-f', `${NAME}-gateway-data`, `${NAME}-llm-data`]).catch(() => undefined);
  }

  async function classify(csv: string): Promise<Row[]> {
    const res = await fetch(`${base}/classify?columns=tier,reason`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: HEADER + csv });
    expect(res.status).toBe(200);
    return parseAnswer(await res.text());
  }

  /** A CSV upload sent in `chunks` pieces `everyMs` apart, so it is still in flight while a test acts. */
  function slowUpload(chunks: number, rowsPerChunk: number, everyMs: number, progress: { sent: number } = { sent: 0 }): Promise<Response> {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(HEADER));
        if (sent === chunks || uploads.signal.aborted) return controller.close();
        await new Promise((r) => setTimeout(r, everyMs));
        controller.enqueue(new TextEncoder().encode(csvRows(sent * rowsPerChunk, rowsPerChunk)));
        progress.sent = ++sent;
      },
    });
    return fetch(`${base}/classify?columns=tier,reason`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body, duplex: 'half', signal: uploads.signal } as RequestInit);
  }

  beforeAll(async () => {
    for (const p of ['regex', 'regexMetrics', 'embedding', 'embeddingMetrics', 'llm', 'llmMetrics', 'gateway', 'http', 'gatewayMetrics', 'otlpGrpc', 'otlpHttp']) ports[p] = await freePort();
    base = `http://127.0.0.1:${ports['http']}`;
    fake = await startFakeGroq({ respond: answerByKeyword([[/escalation/i, 'Workflow Error']], 'Error') });
    await cleanUp();
    for (const s of SERVICES) await start(s);
    // Every service starts at once on two cores: a first probe can time out while the others load.
    await Promise.all(SERVICES.map((s) => healthy(s, 180_000)));
  }, 240_000);

  afterAll(async () => {
    uploads.abort();
    const states = await Promise.all(SERVICES.map(async (s) => [s, await docker('inspect', '-f', '{{.State.Status}}/{{.State.Health.Status}}', container(s)).catch(() => 'gone')] as const));
    for (const [s, state] of states) if (state.startsWith('running/') && state !== 'running/healthy') console.log(`${s} (${state}) logs:\n${(await run('docker', ['logs', '--tail', '30', container(s)]).catch((e: { stderr?: string }) => ({ stdout: '', stderr: e.stderr ?? '' }))).stderr}`);
    await cleanUp();
    await fake?.close();
  });

  it('images: sizes reported, and within their ceilings', async () => {
    const sizes = await Promise.all(['regex', 'embedding', 'llm', 'gateway', 'models'].map(async (t) => [t, Number(await docker('image', 'inspect', '-f', '{{.Size}}', image(t)))] as const));
    const ceiling = (t: string) => CEILING[t] ?? Infinity;
    console.log(`image sizes (MB): ${sizes.map(([t, s]) => `${t} ${(s / MB).toFixed(1)}${CEILING[t] ? ` (ceiling ${ceiling(t) / MB})` : ''}`).join(', ')}`);
    for (const [t, size] of sizes) expect({ image: t, withinCeiling: size <= ceiling(t) }).toEqual({ image: t, withinCeiling: true });
  });

  it.each(SERVICES)('%s: healthy, non-root, read-only root filesystem, listening on 127.0.0.1 only', async (s) => {
    expect(await health(s)).toBe('healthy');
    expect(await docker('inspect', '-f', '{{.Config.User}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.NetworkMode}}', container(s))).toBe('1000:1000 true host');
    // The service process itself (pid 1 is the init; its child is the service).
    const uids = await docker('exec', container(s), 'sh', '-c', 'for p in /proc/[0-9]*; do [ -r $p/cmdline ] && tr "\\0" " " < $p/cmdline | grep -q "dist/apps/" && awk "/^Uid:/{print \\$2}" $p/status; done | sort -u');
    expect(uids).toBe('1000');
    await expect(docker('exec', container(s), 'touch', '/app/written')).rejects.toThrow(/Read-only file system/);
    // Every listening TCP socket of the container is bound to 127.0.0.1 (0100007F in /proc/net/tcp).
    const listening = await docker('exec', container(s), 'sh', '-c', "awk 'NR>1 && $4==\"0A\" {print $2}' /proc/net/tcp /proc/net/tcp6");
    const own = new Set(Object.entries(envOf(s)).filter(([k]) => k.endsWith('_PORT')).map(([, v]) => Number(v).toString(16).toUpperCase().padStart(4, '0')));
    const ours = listening.split('\n').filter((a) => own.has(a.split(':')[1]));
    expect(ours.length).toBe(own.size);
    for (const address of ours) expect(address.split(':')[0]).toBe('0100007F');
  });

  it('labels a CSV, every row in order, each tier deciding its share', async () => {
    const rows = await classify(csvRows(0, 200));
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const tiers = new Set(rows.map((r) => r.tier));
    expect([...tiers].sort()).toEqual(['embedding', 'llm', 'regex']);
    expect(rows.find((r) => r.row === 3)).toMatchObject({ label: 'Workflow Error', tier: 'llm' });
    expect(rows.find((r) => r.row === 7)).toMatchObject({ label: 'User Action', tier: 'regex' });
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it('accepts /feedback and keeps it on the data volume across a restart', async () => {
    const correction = { source: 'ModernHR', log_message: 'User 4411 logged in from 10.1.1.1 at 03:00', label: 'Security Alert' };
    const res = await fetch(`${base}/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([correction]) });
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 202, body: { accepted: 1 } });
    await docker('restart', container('gateway'));
    await healthy('gateway');
    expect(await docker('exec', container('gateway'), 'cat', '/app/data/corrections.csv')).toContain('ModernHR,User 4411 logged in from 10.1.1.1 at 03:00,Security Alert');
  });

  it('answers every row, in order, when the embedding container is killed mid-upload; uses it again once restarted', async () => {
    const chunks = 60;
    const perChunk = 100;
    const progress = { sent: 0 };
    const res = await slowUpload(chunks, perChunk, 100, progress);
    expect(res.status).toBe(200);
    // The answer streams back while the upload goes on: the embedding container is
    // killed once it has decided rows, with most of the upload still to come.
    let text = '';
    let sentAtKill = -1;
    const decoder = new TextDecoder();
    for await (const piece of res.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(piece, { stream: true });
      if (sentAtKill < 0 && text.includes(',embedding,')) {
        sentAtKill = progress.sent;
        await docker('kill', container('embedding'));
      }
    }
    expect({ killedMidUpload: sentAtKill >= 0 && sentAtKill < chunks }).toEqual({ killedMidUpload: true });
    const rows = parseAnswer(text);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: chunks * perChunk }, (_, i) => i));
    // Before the kill the embedding tier answered; after it, its rows went on to the
    // next tier (llm) or came back Unclassified saying why.
    expect(rows.some((r) => r.tier === 'embedding')).toBe(true);
    const degraded = rows.filter((r) => r.row % 10 !== 3 && r.row % 10 !== 7 && r.tier !== 'embedding');
    expect(degraded.length).toBeGreaterThan(0);
    for (const r of degraded) expect({ row: r.row, ok: r.tier === 'llm' || (r.label === 'Unclassified' && r.reason.length > 0) }).toEqual({ row: r.row, ok: true });

    await docker('start', container('embedding'));
    await healthy('embedding');
    const again = await until('the embedding tier deciding rows again', async () => {
      const answer = await classify(csvRows(0, 20));
      return answer.some((r) => r.tier === 'embedding') ? answer : undefined;
    }, 30_000, 1_000);
    expect(again.filter((r) => r.row % 10 !== 3 && r.row % 10 !== 7).every((r) => r.tier === 'embedding')).toBe(true);
  });

  it('docker stop under load ends within the grace period, without a SIGKILL', async () => {
    const upload = slowUpload(200, 100, 100).then(
      async (res) => res.text().catch(() => 'cut'),
      () => 'refused',
    );
    await new Promise((r) => setTimeout(r, 1_500));
    const started = Date.now();
    await docker('stop', container('gateway'));
    const took = Date.now() - started;
    const state = await docker('inspect', '-f', '{{.State.ExitCode}} {{.State.OOMKilled}}', container('gateway'));
    console.log(`docker stop of the gateway under load: ${took} ms (grace ${GRACE_MS} ms, docker stop timeout ${DOCKER_STOP_TIMEOUT_MS} ms), exit ${state}`);
    expect(state.split(' ')[0]).not.toBe('137');
    expect(took).toBeLessThan(DOCKER_STOP_TIMEOUT_MS);
    await upload;
  });
});
