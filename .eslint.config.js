import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', '.build/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core never imports the UI toolkit.
    files: [
      'src/protocol/**',
      'src/ingest/**',
      'src/store/**',
      'src/metrics/**',
      'src/alerts/**',
      'src/registry/**',
      'src/sim/**',
      'src/config/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['ink', 'react', 'ink-testing-library'],
          // Nor does it reach up into the layers built on it.
          patterns: [{ regex: '^(\\.\\./)+(ui|app|cli)(/|$)', message: 'the core never imports ui/, app/ or cli/' }],
        },
      ],
    },
  },
);
