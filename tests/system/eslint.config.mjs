import base from '../../eslint.config.mjs';

export default [
  ...base,
  // Every file here is a test or a test's fixture: test helpers are theirs to use.
  { files: ['**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
];
