import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger } from '@logclass/observability';
import { freshPostgresSchema, MarkerTier, whenPostgres } from '@logclass/test-support';
import { minedTemplateId, SNAPSHOT_FORMAT, TemplateMiner } from '@logclass/template-miner';
import { startTestGateway, startTier } from '../../test/gateway-fixture';
import type { RunningGateway } from '../index';
import { TemplateSnapshots } from './template-state';
import { capturedLog } from '../../test/captured-log';

const USERS = ['alice', 'bob', 'carol', 'dave'];
const userLine = (u: string) => ({ source: 'ModernCRM', log_message: `User ${u} logged in from 10.0.0.7 @regex` });

async function templatesOf(gateway: RunningGateway, records: { source: string; log_message: string }[]): Promise<string[]> {
  const res = await fetch(`${gateway.httpUrl}/classify/json?columns=template`, { method: 'POST', body: JSON.stringify(records), headers: { 'content-type': 'application/json' } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { template: string }[]).map((r) => r.template);
}

describe('the gateway mines templates and keeps them in GATEWAY_TEMPLATE_STATE_FILE', () => {
  let tier: RunningClassifierServer;
  let dir: string;
  const gateways: RunningGateway[] = [];
  const start = async (env: Record<string, string>, log = silentLogger()) => {
    const gateway = await startTestGateway({ GATEWAY_TIERS: `regex=${tier.address}`, GATEWAY_ROUTING: '{}', ...env }, log);
    gateways.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    tier = await startTier(new MarkerTier('regex'));
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logclass-templates-'));
  });
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((g) => g.stop()));
    await rm(dir, { recursive: true, force: true });
  });
  afterAll(() => tier?.stop(100));

  it('restores its templates after a restart: a known line has the same template and id', async () => {
    const file = join(dir, 'state', 'template-miner.json');
    const first = await start({ GATEWAY_TEMPLATE_STATE_FILE: file });
    const mined = await templatesOf(first, USERS.map(userLine));
    expect(mined[3]).toBe('User <*> logged in from <IP> @regex');
    await first.stop();
    const snapshot = JSON.parse(await readFile(file, 'utf8'));
    expect(snapshot.format).toBe(SNAPSHOT_FORMAT);
    // Written through a temp file that was renamed: nothing else is left in the folder.
    expect(await readdir(join(dir, 'state'))).toEqual(['template-miner.json']);

    const second = await start({ GATEWAY_TEMPLATE_STATE_FILE: file });
    // One new name: a fresh miner would answer the masked line itself.
    const [erin] = await templatesOf(second, [userLine('erin')]);
    expect(erin).toBe(mined[3]);
    expect(second.cascade.templateMiner.match(userLine('alice').log_message)?.id).toBe(minedTemplateId(mined[3]));
  });

  it('starts fresh, saying why, from a snapshot made with another mask version', async () => {
    const file = join(dir, 'template-miner.json');
    const miner = new TemplateMiner();
    for (const u of USERS) miner.add(userLine(u).log_message, 'ModernCRM');
    await writeFile(file, JSON.stringify({ ...miner.snapshot(), maskVersion: -1 }));
    const { log, lines } = capturedLog();
    const gateway = await start({ GATEWAY_TEMPLATE_STATE_FILE: file }, log);
    expect(lines.find((l) => l.msg.startsWith('template snapshot not usable'))).toBeDefined();
    expect(await templatesOf(gateway, [userLine('erin')])).toEqual(['User erin logged in from <IP> @regex']);
  });

  it('refuses to start on a mask rules file it cannot use, naming the setting', async () => {
    await expect(start({ GATEWAY_TEMPLATE_MASK_RULES: join(dir, 'missing.yaml') })).rejects.toThrow(/GATEWAY_TEMPLATE_MASK_RULES=.*cannot read the file: ENOENT/);
  });

  it('keeps serving when the state file cannot be written, and says so once', async () => {
    const notAFolder = join(dir, 'plain-file');
    await writeFile(notAFolder, 'x');
    const { log, lines } = capturedLog();
    const gateway = await start({ GATEWAY_TEMPLATE_STATE_FILE: join(notAFolder, 'template-miner.json'), GATEWAY_TEMPLATE_SNAPSHOT_SECONDS: '1' }, log);
    for (const u of USERS) {
      expect(await templatesOf(gateway, [userLine(u)])).toHaveLength(1);
      // Each call changes the snapshot, so each timer tick tries to write it again.
      await new Promise((r) => setTimeout(r, 600));
    }
    await gateway.stop();
    const failures = lines.filter((l) => l.msg.startsWith('cannot write the template snapshot'));
    expect(failures).toHaveLength(1);
    expect(failures[0].level).toBe('warn');
  });

  it('agrees with another replica on templates through GATEWAY_TEMPLATE_PEER_DIR, its counts its own', async () => {
    const replica = (name: string, log = silentLogger()) =>
      start({ GATEWAY_TEMPLATE_STATE_FILE: join(dir, `${name}.json`), GATEWAY_TEMPLATE_PEER_DIR: dir, GATEWAY_TEMPLATE_SNAPSHOT_SECONDS: '1' }, log);
    // A peer's file that is not a snapshot is skipped, and said so once, not at every round.
    await writeFile(join(dir, 'broken.json'), '{');
    const { log, lines } = capturedLog();
    const [a, b] = [await replica('a'), await replica('b', log)];
    expect(await templatesOf(a, USERS.map(userLine))).toContain('User <*> logged in from <IP> @regex');
    expect(await templatesOf(b, [userLine('erin')])).toEqual(['User erin logged in from <IP> @regex']);

    const general = 'User <*> logged in from <IP> @regex';
    const deadline = Date.now() + 15_000;
    while (b.cascade.templateMiner.match(userLine('frank').log_message, 'ModernCRM')?.template !== general && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(b.cascade.templateMiner.match(userLine('frank').log_message, 'ModernCRM')?.id).toBe(minedTemplateId(general));
    expect(await templatesOf(b, [userLine('frank')])).toEqual([general]);
    // b saw two lines of it (erin, frank); a's four are a's.
    expect([...b.cascade.templateMiner.templates()].find((t) => t.template === general)?.count).toBe(2);
    await new Promise((r) => setTimeout(r, 1_500)); // another round or two over the same broken file
    expect(lines.filter((l) => l.msg.startsWith('peer template snapshot is not JSON'))).toHaveLength(1);
  });

  whenPostgres(it, 'agrees with another replica through GATEWAY_TEMPLATE_PEER_STORE_URL (needs PostgreSQL)', (serverUrl) => {
    it('agrees with another replica on templates through GATEWAY_TEMPLATE_PEER_STORE_URL, without a shared folder', async () => {
      const schema = await freshPostgresSchema(serverUrl);
      try {
        const replica = (name: string) =>
          start({ GATEWAY_TEMPLATE_STATE_FILE: 'none', GATEWAY_TEMPLATE_PEER_STORE_URL: schema.url, GATEWAY_TEMPLATE_REPLICA_NAME: name, GATEWAY_TEMPLATE_SNAPSHOT_SECONDS: '1' });
        const [a, b] = [await replica('a'), await replica('b')];
        const general = 'User <*> logged in from <IP> @regex';
        expect(await templatesOf(a, USERS.map(userLine))).toContain(general);
        const deadline = Date.now() + 15_000;
        while (b.cascade.templateMiner.match(userLine('frank').log_message, 'ModernCRM')?.template !== general && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
        expect(await templatesOf(b, [userLine('frank')])).toEqual([general]);
        await Promise.all(gateways.splice(0).map((g) => g.stop()));
      } finally {
        await schema.drop();
      }
    });
  });
});

describe('TemplateSnapshots', () => {
  it('writes only when the templates changed, and again after a failure once it can', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logclass-snapshots-'));
    try {
      const blocker = join(dir, 'later');
      await writeFile(blocker, 'x');
      const file = join(blocker, 'state.json');
      const { log, lines } = capturedLog();
      const miner = new TemplateMiner();
      const snapshots = new TemplateSnapshots(miner, file, 3600, log);
      miner.add('disk 93% full');
      await snapshots.save();
      miner.add('disk 12% full on /var');
      await snapshots.save();
      expect(lines.filter((l) => l.msg.startsWith('cannot write'))).toHaveLength(1);
      await rm(blocker);
      await snapshots.save();
      expect(lines.filter((l) => l.msg === 'template snapshot written again')).toHaveLength(1);
      const written = await readFile(file, 'utf8');
      await writeFile(file, 'replaced by hand');
      await snapshots.close(); // nothing changed since the last write: the file is left alone
      expect(await readFile(file, 'utf8')).toBe('replaced by hand');
      expect(TemplateMiner.restore(JSON.parse(written)).size).toBe(miner.size);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
