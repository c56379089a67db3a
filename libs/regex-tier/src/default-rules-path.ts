import { existsSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'default-rules.yaml';

/**
 * Where the shipped rules are: next to the bundled app (`dist/apps/regex/rules/`,
 * copied there by the build's `assets`) or, when running from source (tests,
 * tsx), in `libs/regex-tier/rules/`. The source location is returned when
 * neither exists, so the start-up error names a meaningful path.
 */
export function defaultRulesPath(): string {
  const bundled = join(__dirname, 'rules', FILE);
  const source = join(__dirname, '..', 'rules', FILE);
  return [bundled, source].find((p) => existsSync(p)) ?? source;
}
