// @ts-check
// Lint rules: ESLint's and typescript-eslint's recommended sets and the Astro plugin's, on
// everything the project writes. Type-aware rules are left to `astro check` (tsc strict).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default [
  { ignores: ['dist/', 'bench/out/', '.astro/', 'node_modules/', 'test/output/', 'test/fixtures/', 'test/.tmp/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
