// Flat ESLint config: typescript-eslint, react-hooks, and the IPC import rule (raw ipcMain /
// ipcRenderer only in src-main/electron/ipc.ts and src-preload/index.ts).
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Electron also exports its modules under 'electron/main', 'electron/renderer' (and
// 'electron/common', 'electron/utility'): the rule covers every path that can hand out raw IPC.
const RAW_IPC_PATHS = ['electron', 'electron/main', 'electron/renderer', 'electron/common'].map(
  (name) => ({
    name,
    importNames: ['ipcMain', 'ipcRenderer'],
    message:
      'Use the typed contract: raw IPC lives only in src-main/electron/ipc.ts and src-preload/index.ts.',
  }),
)
const noRawIpc = { 'no-restricted-imports': ['error', { paths: RAW_IPC_PATHS }] }

// src-main/local talks to servers named by OLLAMA_HOST, saved targets and the user: every request
// goes through the injected guarded fetch (src-main/net), never a bare fetch or socket API.
const NO_BARE_NET = 'Local-server calls go through the guarded fetch (src-main/net) passed in.'
const noBareNetInLocal = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        ...RAW_IPC_PATHS,
        ...['http', 'https', 'http2', 'net', 'tls', 'dgram', 'undici'].flatMap((m) => [
          { name: m, message: NO_BARE_NET },
          { name: `node:${m}`, message: NO_BARE_NET },
        ]),
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'fetch', message: NO_BARE_NET },
    { name: 'XMLHttpRequest', message: NO_BARE_NET },
    { name: 'WebSocket', message: NO_BARE_NET },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'globalThis', property: 'fetch', message: NO_BARE_NET },
    { object: 'global', property: 'fetch', message: NO_BARE_NET },
  ],
}

// zod's safeParse throws on values JSON can carry (src-preload/contract/parse-untrusted.ts): main
// parses what comes from outside through parseUntrusted, which turns that throw into a failure.
const noBareSafeParse = {
  'no-restricted-syntax': [
    'error',
    {
      selector: 'CallExpression[callee.property.name=/^safeParse(Async)?$/]',
      message: 'Use parseUntrusted(schema, value) (src-preload/contract/parse-untrusted.ts).',
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
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // The bridge object is reached through src-renderer/lib/api.ts only, and that module only
      // from stores (dependency-cruiser: renderer-views-call-stores), so views call stores.
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'switchboard',
          message: 'Call a store action (src-renderer/stores/); only lib/api.ts reads the bridge.',
        },
      ],
    },
  },
  {
    files: ['src-renderer/lib/api.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src-main/local/**/*.ts'],
    rules: noBareNetInLocal,
  },
  {
    files: ['src-main/**/*.ts'],
    rules: noBareSafeParse,
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
