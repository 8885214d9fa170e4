/**
 * Lint for the whole repository, run by `npm test` (`npm run lint`). Besides the usual checks, the
 * folders' layering (docs/architecture.md §1) is a rule, not a convention: each folder may import
 * only what may run where its code runs.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Import patterns a folder must not use, with the reason shown in the lint message. */
const layer = (...groups) => ({
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'electron', message: 'Only src-main/electron may import Electron.' }], patterns: groups },
  ],
});
const NO_NODE = { group: ['node:*'], message: 'This folder runs without Node: no node: imports.' };
const NO_REACT = { group: ['react', 'react-dom', 'react/*', 'zustand'], message: 'React belongs to src-renderer.' };
const NO_SHELLS = {
  group: ['**/server/*', '**/electron/*', '**/cli/*', '**/cli'],
  message: 'The core runs under every shell: it must not import the server, Electron or CLI shells.',
};
const only = (...allowed) => ({
  group: ['**/src-main/**', '**/src-workers/**', '**/src-renderer/**', '**/src-shared/**'].filter(
    (g) => !allowed.some((a) => g.includes(a)),
  ),
  message: `This folder may import only ${allowed.length ? allowed.join(', ') + ' and ' : ''}itself.`,
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'native/', '.scratch/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
  // Layering: where code may run decides what it may import.
  { files: ['src-shared/**'], rules: layer(NO_NODE, NO_REACT, only()) },
  { files: ['src-workers/**'], rules: layer(NO_REACT, only('src-shared')) },
  { files: ['src-main/core/**'], rules: layer(NO_REACT, NO_SHELLS, only('src-shared', 'src-workers', 'src-main')) },
  { files: ['src-main/server/**', 'src-main/cli/**', 'src-main/cli.ts'], rules: layer(NO_REACT) },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer(NO_NODE, only('src-shared', 'src-renderer')),
  },
  {
    files: ['src-renderer/**/*.tsx', 'src-renderer/**/*.ts', 'tests/unit/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic rules; the compiler-era rules of the plugin's preset are left to the React Compiler.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Tests and benchmarks reach into internals and untyped JSON on purpose.
  { files: ['tests/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['tests/e2e/**', 'bench/ui.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    // Playwright reads a fixture's dependencies from its destructured first parameter, `{}` included.
    rules: { 'no-empty-pattern': 'off' },
  },
  prettier,
);
