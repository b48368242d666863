/**
 * Every IPC channel and event name, and nothing else. The sandboxed preload builds
 * `window.switchboard` from these names alone (VS Code's habit: the preload needs names, not
 * schemas; main validates every payload with the zod contract). Keeping zod out of the preload
 * keeps it small and leaves it nothing to parse. contract.ts checks, at compile time, that these
 * lists are exactly the contract's channels and events: a new channel fails the typecheck until
 * it is named here too.
 */

/** Every channel of the contract, sorted. */
export const CHANNEL_NAMES = [
  'app:diagnostics',
  'app:info',
  'app:openDataFolder',
  'app:openLink',
  'cli:install',
  'cli:status',
  'credentials:cancelTests',
  'credentials:create',
  'credentials:delete',
  'credentials:deleteImpact',
  'credentials:get',
  'credentials:lastTests',
  'credentials:lastTestsIfChanged',
  'credentials:list',
  'credentials:listIfChanged',
  'credentials:providers',
  'credentials:setPrimary',
  'credentials:test',
  'credentials:testAll',
  'credentials:update',
  'defaults:autoAssign',
  'defaults:get',
  'defaults:set',
  'dialog:openFile',
  'gateway:createToken',
  'gateway:limits',
  'gateway:models',
  'gateway:removeToken',
  'gateway:setEnabled',
  'gateway:status',
  'gateway:tokens',
  'gateway:usage',
  'home:overview',
  'local:activeImports',
  'local:activePulls',
  'local:addTarget',
  'local:cancelImport',
  'local:connect',
  'local:detect',
  'local:importGguf',
  'local:lastDetection',
  'local:machine',
  'local:ollamaCancelPull',
  'local:ollamaList',
  'local:ollamaPs',
  'local:ollamaPull',
  'local:ollamaRemove',
  'local:ollamaUnload',
  'local:recommended',
  'local:removeTarget',
  'local:targets',
  'models:cancel',
  'models:discover',
  'models:list',
  'models:register',
  'models:test',
  'models:unregister',
  'settings:envStatus',
  'settings:exportBackup',
  'settings:getPreferences',
  'settings:importBackup',
  'settings:migrateEnv',
  'settings:setPreferences',
  'setup:offlineActive',
  'setup:offlineCancel',
  'setup:offlineStart',
  'updates:check',
  'updates:restart',
  'updates:status',
  'vault:rotate',
  'vault:status',
  'verify:cancel',
  'verify:start',
  'verify:takeOpenRequest',
] as const

/** Every main → renderer event of the contract, sorted. */
export const EVENT_NAMES = [
  'app:changed',
  'credentials:changed',
  'credentials:testResult',
  'gateway:changed',
  'local:importProgress',
  'local:pullProgress',
  'settings:preferencesChanged',
  'setup:offlineProgress',
  'updates:changed',
  'verify:event',
  'verify:openRequested',
] as const

/** Splits `domain:verb` into its parts. */
export function splitName(name: string): [string, string] {
  const i = name.indexOf(':')
  return [name.slice(0, i), name.slice(i + 1)]
}
