import base from '../eslint.config.mjs';

export default [
  ...base,
  // Benchmarks run against the tests' stand-ins for the outside world (fake Groq, throwaway certificates):
  // no network, no cost. See the test-helpers rule in the root eslint.config.mjs.
  { files: ['**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
];
