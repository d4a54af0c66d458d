import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importBoundaries } from './eslint/import-boundaries.js';

export default tseslint.config(
  {
    // dist/: compiled output; backstage-corpus/: vendored third-party files, read as data by the corpus test.
    ignores: ['node_modules/**', 'data/**', 'coverage/**', 'examples/**', 'templates/**', '.bench/**', 'dist/**', 'test/fixtures/backstage-corpus/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Imports point inward: adapters → usecases → core (eslint/import-boundaries.js).
  ...importBoundaries(),
  {
    files: ['bin/**/*.js', 'bench/**/*.mjs', 'eslint/**/*.js', 'test/fixtures/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
