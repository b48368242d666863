/** Import boundaries of STYLE.md, checked by `npm run lint` (and so by `npm test`). */
module.exports = {
  forbidden: [
    {
      name: 'electron-only-at-the-edge',
      comment:
        'Only src-main/electron/, src-main/index.ts and src-preload/index.ts import electron.',
      severity: 'error',
      from: {
        path: '^src-',
        pathNot: ['^src-main/electron/', '^src-main/index\\.ts$', '^src-preload/index\\.ts$'],
      },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'renderer-not-main-or-cli',
      comment: 'The renderer takes types from src-preload/contract.ts only.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^(src-main|src-cli)/' },
    },
    {
      name: 'renderer-preload-contract-only',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: {
        path: '^src-preload/',
        pathNot: ['^src-preload/(contract|api)\\.ts$', '^src-preload/contract/'],
      },
    },
    {
      name: 'renderer-views-call-stores',
      comment:
        'Components, pages, features and the shell call stores, never the IPC bridge (issue 13): ' +
        'only src-renderer/stores/ (the stores and the event bridge) and src-renderer/lib/ import lib/api.ts.',
      severity: 'error',
      from: { path: '^src-renderer/', pathNot: '^src-renderer/(stores|lib)/' },
      to: { path: '^src-renderer/lib/api\\.ts$' },
    },
    {
      name: 'cli-not-electron-edge',
      severity: 'error',
      from: { path: '^src-cli/' },
      to: { path: '^src-main/(electron/|index\\.ts$)' },
    },
    {
      name: 'vault-not-net',
      severity: 'error',
      from: { path: '^src-main/vault/' },
      to: { path: '^src-main/net/' },
    },
    {
      name: 'net-not-vault',
      severity: 'error',
      from: { path: '^src-main/net/' },
      to: { path: '^src-main/vault/' },
    },
    {
      name: 'adapters-not-store',
      comment:
        'Provider adapters get a decrypted credential handed in; they never import the store or vault.',
      severity: 'error',
      from: { path: '^src-main/providers/adapters/' },
      to: { path: '^src-main/(store|vault)/' },
    },
    {
      name: 'main-not-renderer',
      comment:
        'Main and the CLI never import renderer code; what both use lives in src-shared/ (locales).',
      severity: 'error',
      from: { path: '^(src-main|src-cli|src-preload)/' },
      to: { path: '^src-renderer/' },
    },
    {
      name: 'shared-is-a-leaf',
      comment: 'src-shared/ is used by every side, so it imports none of them.',
      severity: 'error',
      from: { path: '^src-shared/' },
      to: { path: '^src-(main|cli|preload|renderer)/' },
    },
    {
      name: 'edges-not-store',
      comment:
        'IPC handlers, the tray and the CLI are edges: they call services, which own the store. ' +
        'A rule that reads or writes the store from an edge is a rule one of the other edges misses ' +
        '(issue 13: the tray skipped the single test-all run because the IPC handler owned it).',
      severity: 'error',
      from: { path: '^(src-main/ipc|src-main/tray|src-cli)/' },
      to: { path: '^src-main/store/' },
    },
    {
      name: 'providers-not-local',
      comment:
        'Providers are the inner layer: local/ (detection, the Ollama library) builds on the ' +
        'adapters and the catalog, so the Ollama / LM Studio typing rules live in providers/ ' +
        'and an arrow back from providers/ to local/ would tie the two into one part.',
      severity: 'error',
      from: { path: '^src-main/providers/' },
      to: { path: '^src-main/local/' },
    },
    {
      name: 'providers-not-gateway',
      comment:
        'How a provider is reached (providers/upstream/) serves the gateway and the verification ' +
        'check alike; the gateway builds on providers, so providers never import the gateway.',
      severity: 'error',
      from: { path: '^src-main/providers/' },
      to: { path: '^src-main/gateway/' },
    },
    {
      name: 'gateway-not-services',
      comment:
        'Services ask the gateway what a delete would take (credential-delete.ts); the gateway ' +
        'reads the slot rules from the contract, so the two folders do not import each other.',
      severity: 'error',
      from: { path: '^src-main/gateway/' },
      to: { path: '^src-main/services/' },
    },
    {
      name: 'local-not-services',
      comment:
        'Services use local/ (offline setup, connect through services/local-connect.ts); local/ gets ' +
        'what it needs passed in, so the arrow points one way and local/ stays testable alone.',
      severity: 'error',
      from: { path: '^src-main/local/' },
      to: { path: '^src-main/services/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^out/|\\.json$)' },
  },
}
