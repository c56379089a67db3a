import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ClassifyBatchRequest, loadPackageDefinition, LOG_CLASSIFIER_SERVICE_NAME, Outcome } from './index';

const root = join(__dirname, '../../..');
const genDir = join(root, 'libs/contract/src/gen');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('contract', () => {
  it('committed generated code matches what buf generates from proto/', () => {
    const out = mkdtempSync(join(tmpdir(), 'logclass-gen-'));
    try {
      const template = readFileSync(join(root, 'buf.gen.yaml'), 'utf8').replace(
        'out: libs/contract/src/gen',
        `out: ${out}`,
      );
      const buf = join(root, 'node_modules/.bin/buf');
      execFileSync(buf, ['generate', '--template', template], { cwd: root });
      execFileSync(buf, ['build', '--exclude-source-info', '-o', join(out, 'descriptor-set.json')], { cwd: root });
      const fresh = listFiles(out).map((f) => relative(out, f)).sort();
      const committed = listFiles(genDir).map((f) => relative(genDir, f)).sort();
      expect(committed).toEqual(fresh);
      for (const file of fresh) {
        expect({ file, text: readFileSync(join(genDir, file), 'utf8') }).toEqual({
          file,
          text: readFileSync(join(out, file), 'utf8'),
        });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('round-trips a batch through the wire format', () => {
    const msg = ClassifyBatchRequest.fromPartial({
      records: [{ source: 'ModernCRM', logMessage: 'a, "quoted"\nline ✓' }],
      options: { includeTemplate: true },
    });
    const back = ClassifyBatchRequest.decode(ClassifyBatchRequest.encode(msg).finish());
    expect(back).toEqual(msg);
    expect(Outcome.OUTCOME_ABSTAINED).toBe(2);
  });

  it('exposes the service for reflection without a .proto file on disk', () => {
    const def = loadPackageDefinition();
    expect(Object.keys(def)).toContain(LOG_CLASSIFIER_SERVICE_NAME);
  });
});
