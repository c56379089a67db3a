import { Client } from 'pg';
import { ConfigError } from '@logclass/service-config';
import { silentLogger } from '@logclass/observability';
import { freshPostgresSchema, whenPostgres } from '@logclass/test-support';
import { minedTemplateId, TemplateMiner } from '@logclass/template-miner';
import { PostgresPeerSnapshots, STALE_AFTER_SECONDS } from './postgres-peer-snapshots';
import { openPeerSnapshots, TemplateSnapshots } from './template-state';
import { capturedLog } from '../../test/captured-log';

const USERS = ['alice', 'bob', 'carol', 'dave'];

describe('template snapshots traded through PostgreSQL', () => {
  whenPostgres(it, 'needs a PostgreSQL server', (serverUrl) => {
    let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
    const opened: PostgresPeerSnapshots[] = [];
    const peer = (name: string) => {
      const peers = new PostgresPeerSnapshots(schema.url, name, silentLogger());
      opened.push(peers);
      return peers;
    };
    beforeEach(async () => {
      schema = await freshPostgresSchema(serverUrl);
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((p) => p.close()));
      await schema.drop();
    });

    it('hands each replica the others\' snapshots once per change, never its own', async () => {
      const [a, b] = [peer('a'), peer('b')];
      await a.publish('{"v":1}');
      expect(await a.changed()).toEqual([]);
      expect(await b.changed()).toEqual([{ peer: 'a', text: '{"v":1}' }]);
      await a.publish('{"v":1}');
      expect(await b.changed()).toEqual([]);
      await a.publish('{"v":2}');
      await b.publish('{"b":1}');
      expect(await b.changed()).toEqual([{ peer: 'a', text: '{"v":2}' }]);
      expect(await a.changed()).toEqual([{ peer: 'b', text: '{"b":1}' }]);
    });

    it('drops a replica that has not published for a day, and keeps one that publishes the same snapshot', async () => {
      const [a, b, c] = [peer('a'), peer('b'), peer('c')];
      await a.publish('{"a":1}');
      await c.publish('{"c":1}');
      const admin = new Client({ connectionString: schema.url });
      await admin.connect();
      try {
        await admin.query(`UPDATE template_snapshots SET written_at = now() - make_interval(secs => $1) WHERE replica IN ('a', 'c')`, [STALE_AFTER_SECONDS + 60]);
        await c.publish('{"c":1}'); // unchanged: only its time is touched
        expect(await b.changed()).toEqual([{ peer: 'c', text: '{"c":1}' }]);
        expect((await admin.query('SELECT replica FROM template_snapshots ORDER BY replica')).rows).toEqual([{ replica: 'c' }]);
      } finally {
        await admin.end();
      }
    });

    it('lets two gateways\' miners agree on a template, each keeping its counts', async () => {
      const [minerA, minerB] = [new TemplateMiner(), new TemplateMiner()];
      const [a, b] = [new TemplateSnapshots(minerA, undefined, 3600, silentLogger(), peer('a')), new TemplateSnapshots(minerB, undefined, 3600, silentLogger(), peer('b'))];
      for (const u of USERS) minerA.add(`User ${u} logged in from 10.0.0.7`);
      await a.save();
      await b.save();
      const general = 'User <*> logged in from <IP>';
      expect(minerB.match('User erin logged in from 10.0.0.9')?.id).toBe(minedTemplateId(general));
      expect([...minerB.templates()].find((t) => t.template === general)?.count).toBe(0);
      await a.close();
      await b.close();
    });

    it('skips a peer\'s snapshot it cannot use, saying so once until it changes', async () => {
      const { log, lines } = capturedLog();
      const snapshots = new TemplateSnapshots(new TemplateMiner(), undefined, 3600, log, peer('b'));
      await peer('a').publish('{');
      await snapshots.save();
      await snapshots.save();
      expect(lines.filter((l) => l.msg.startsWith('peer template snapshot is not JSON'))).toHaveLength(1);
      await snapshots.close();
    });
  });

  it('keeps the gateway going when the server cannot be reached, and says so once', async () => {
    const { log, lines } = capturedLog();
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const peers = new PostgresPeerSnapshots('postgres://logclass@127.0.0.1:1/logclass', 'a', log);
    const miner = new TemplateMiner();
    const snapshots = new TemplateSnapshots(miner, undefined, 3600, log, peers);
    miner.add('disk 93% full');
    await snapshots.save();
    await snapshots.save();
    await snapshots.close();
    expect(lines.filter((l) => l.msg.startsWith('cannot reach the template peer store'))).toHaveLength(1);
  });

  it('refuses a folder and a table at once', () => {
    expect(() => openPeerSnapshots({ templateStateFile: undefined, templatePeerDir: '/shared', templatePeerStoreUrl: 'postgres://x', templateReplicaName: undefined }, silentLogger())).toThrow(ConfigError);
  });
});
