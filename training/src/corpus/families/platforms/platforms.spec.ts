import { generateCorpus } from '../../generate';
import { slotNames } from '../../template';
import { PLATFORMS_FAMILIES } from './index';

/** `sameX` repeats the value `theX`/`x` drew earlier in the line; which slot draws it, per repeating slot. */
const DRAWN_BY: Readonly<Record<string, readonly string[]>> = {
  sameNs: ['ns'],
  samePod: ['thePod'],
  sameNode: ['theNode', 'node'],
  sameImage: ['theImage'],
  sameContainer: ['theContainer'],
  sameDeployment: ['theDeployment'],
  samePodIp: ['thePodIp'],
  samePort: ['port8080'],
  sameResource: ['resource'],
  sameAccount: ['account'],
  sameIamUser: ['iamUser'],
  sameProject: ['project'],
  sameApp: ['theApp', 'crashedApp'],
  sameHost: ['theHost'],
  sameUser: ['theUser'],
  sameAppAttempt: ['container', 'jvm'],
  sameAppAppattempt: ['application'],
};

describe('platform families', () => {
  const rows = generateCorpus({ seed: 3, rowsPerTemplate: 4, families: PLATFORMS_FAMILIES });

  it('draw every repeated value before a line repeats it', () => {
    const early = PLATFORMS_FAMILIES.flatMap((f) =>
      f.templates.flatMap((t) => {
        const names = slotNames(t.pattern);
        return names.flatMap((name, i) => {
          const drawers = DRAWN_BY[name];
          if (name.startsWith('same') && !drawers) return [`${f.family}: {${name}} has no drawing slot in this spec`];
          return drawers && !names.slice(0, i).some((n) => drawers.includes(n)) ? [`${f.family}: {${name}} before its draw in ${t.pattern.slice(0, 80)}`] : [];
        });
      }),
    );
    expect(early).toEqual([]);
  });

  it('write JSON records that parse, whole and with every key', () => {
    const jsonFamilies = new Set(['kube-audit', 'cloud-audit']);
    const broken = rows.filter((r) => jsonFamilies.has(r.family)).filter((r) => {
      try {
        return typeof JSON.parse(r.logMessage) !== 'object';
      } catch {
        return true;
      }
    });
    expect(broken.map((r) => r.logMessage)).toEqual([]);
  });

  it('give every family 15 to 45 templates, heavy routine chatter and some failures', () => {
    const off = PLATFORMS_FAMILIES.filter((f) => f.family !== 'tomcat-access' && (f.templates.length < 15 || f.templates.length > 45)).map((f) => `${f.family}: ${f.templates.length}`);
    expect(off).toEqual([]);
    // Exception heads are failures by definition, and an access log writes one label only.
    const routine = new Set(['System Notification', 'User Action', 'HTTP Status']);
    const oneSided = PLATFORMS_FAMILIES.filter((f) => !['tomcat-access', 'jvm-exceptions'].includes(f.family)).filter((f) => !f.templates.some((t) => routine.has(t.label) && (t.weight ?? 1) >= 2) || f.templates.every((t) => routine.has(t.label)));
    expect(oneSided.map((f) => f.family)).toEqual([]);
  });

  it('draw HDFS block ids that fit the signed 64-bit long they are', () => {
    const blocks = rows.filter((r) => r.family === 'hdfs').flatMap((r) => [...r.logMessage.matchAll(/blk_(-?\d+)/g)].map((m) => BigInt(m[1])));
    expect(blocks.length).toBeGreaterThan(100);
    for (const id of blocks) expect(id <= 9223372036854775807n && id >= -9223372036854775808n).toBe(true);
  });

  it('head ZooKeeper lines as log4j does there: level padded to five, then [thread:Class@line]', () => {
    const zk = rows.filter((r) => r.family === 'zookeeper' && /^\d{4}-/.test(r.logMessage));
    for (const r of zk) expect(r.logMessage).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (\[myid:\d\] )?- (INFO |WARN |ERROR) \[[^\]]+(\][^\]]*)?:[A-Za-z$]+@\d+\] - /);
  });
});
