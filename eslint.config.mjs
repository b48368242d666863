// Flat ESLint config: typescript-eslint, react-hooks, and the IPC import rule (raw ipcMain /
// ipcRenderer only in src-main/electron/ipc.ts and src-preload/index.ts).
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const noRawIpc = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          importNames: ['ipcMain', 'ipcRenderer'],
          message:
            'Use the typed contract: raw IPC lives only in src-main/electron/ipc.ts and src-preload/index.ts.',
        },
      ],
    },
  ],
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'screens/**',
      '.bench-out/**',
      'tests/fixtures/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      ...noRawIpc,
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src-main/electron/ipc.ts', 'src-preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-cli/**', 'scripts/**', 'bench/**', 'tests/**'],
    // Playwright fixtures take `{}` when they need no other fixture.
    rules: { 'no-console': 'off', 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.{mjs,cjs,js}'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
)
