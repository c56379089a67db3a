import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import type { YamlObject } from './repo';

/**
 * Kubernetes manifests as the cluster would get them: rendered by the real
 * `kubectl kustomize` (kustomize v5.5, as `kubectl apply -k` does), so the
 * generated ConfigMap names, patches and transformers are kustomize's own.
 */
export interface K8sObject extends YamlObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> } & YamlObject;
}

const MISSING = 'kubectl is not installed: the Kubernetes manifest tests render with `kubectl kustomize` (kubectl with kustomize v5.5)';

function kubectlInstalled(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

const installed = kubectlInstalled();
/** Under CI a missing kubectl is a failure, never a skip. */
const underCi = Boolean(process.env['CI']) && process.env['CI'] !== 'false';

/**
 * `describe` for suites that render manifests: skipped with a message when
 * kubectl is missing on a developer's machine; under CI the suite runs and
 * fails on the missing binary.
 */
export const describeRendered: jest.Describe = (() => {
  if (installed || underCi) return describe;
  console.warn(`${MISSING}; skipping them (install kubectl to run them; under CI they fail instead)`);
  return describe.skip;
})();

/** `kubectl kustomize <dir>`: every object it renders, in its order. */
export function kustomizeBuild(dir: string): K8sObject[] {
  if (!installed) {
    if (underCi) throw new Error(MISSING);
    return []; // only reached while Jest collects a suite describeRendered skips
  }
  const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return parseAllDocuments(out).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`kubectl kustomize ${dir}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as K8sObject;
  });
}

export function podTemplate(o: K8sObject): YamlObject | undefined {
  const spec = o['spec'] as YamlObject | undefined;
  return o.kind === 'Deployment' || o.kind === 'StatefulSet' || o.kind === 'DaemonSet' || o.kind === 'Job'
    ? (spec?.['template'] as YamlObject | undefined)
    : undefined;
}

/** Containers and init containers of a workload (none for other kinds). */
export function containersOf(o: K8sObject): YamlObject[] {
  const spec = podTemplate(o)?.['spec'] as { containers?: YamlObject[]; initContainers?: YamlObject[] } | undefined;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}
