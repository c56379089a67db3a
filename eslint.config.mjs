import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'libs/contract/src/gen/**', 'bench/out/**', 'tmp/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // Each tier sees only itself and the shared libs: tiers never import each other.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:regex', onlyDependOnLibsWithTags: ['scope:regex', 'scope:shared'] },
            { sourceTag: 'scope:embedding', onlyDependOnLibsWithTags: ['scope:embedding', 'scope:shared'] },
            { sourceTag: 'scope:llm', onlyDependOnLibsWithTags: ['scope:llm', 'scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
            // The CLI and training may run the whole cascade in one process.
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:training', onlyDependOnLibsWithTags: ['*'] },
            // Deployment checks load every service's configuration schema.
            { sourceTag: 'scope:deploy', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['*'] },
            // System tests run the real tiers behind a real gateway, as npm start does.
            { sourceTag: 'scope:system', onlyDependOnLibsWithTags: ['*'] },
            // Apps are leaves; libs never import apps. type:test is allowed below only for the spec
            // files among a project's sources: the block after this one keeps it out of the rest.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:util', 'type:contract', 'type:test'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:feature', 'type:util', 'type:contract', 'type:test'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:util', 'type:contract', 'type:test'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:test'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:feature', 'type:test'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Test helpers only from tests: spec files and test folders. Two projects turn this off in their own
    // eslint.config.mjs (patterns here are read from the project's folder): tests/system, which is all
    // tests, and bench/, on purpose: a benchmark measures our code against the same stand-ins for the
    // outside world as the tests (fake Groq, throwaway certificates), so it needs no network and costs nothing.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@logclass/test-support', message: 'test helpers are for spec files and test folders only' }],
          patterns: [{ group: ['@logclass/test-support/*', '**/test-support/**'], message: 'test helpers are for spec files and test folders only' }],
        },
      ],
    },
  },
];
