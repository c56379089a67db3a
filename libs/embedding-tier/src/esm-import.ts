/**
 * `import()` hidden from TypeScript: with `module: commonjs` tsc would turn a
 * plain dynamic import into require(), which cannot load the ESM-only
 * @xenova/transformers under Jest (see TOOLCHAIN.md). Under Jest this needs
 * NODE_OPTIONS=--experimental-vm-modules (set by the project's .env.test).
 */
export const esmImport = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;
