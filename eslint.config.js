// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'tests/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', 'isNaN', 'isFinite'],
    },
  },
  {
    // The pure layers: no files, console, process or CLI libraries.
    files: ['src/dsp/**/*.ts', 'src/stats/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': ['error', 'process', 'isNaN', 'isFinite'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'chalk', 'commander', 'cli-table3', 'csv-parse', '../io/*', '../commands/*'] }],
    },
  },
  {
    files: ['bin/**/*.js', 'bench/**/*.js', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
