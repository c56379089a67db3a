/**
 * `import()` that TypeScript leaves alone: with `module: commonjs` tsc turns a
 * plain dynamic import into require(), which cannot load the ESM-only
 * @xenova/transformers. Under Jest, code in the test realm cannot import()
 * natively, so the project's test environment (jest/esm-environment.cjs)
 * provides a main-realm import as `__logclassEsmImport`.
 */
type Importer = <T>(specifier: string) => Promise<T>;

const testRealmImport = (globalThis as { __logclassEsmImport?: Importer }).__logclassEsmImport;

export const esmImport: Importer = testRealmImport ?? (new Function('specifier', 'return import(specifier)') as Importer);
