/**
 * The composition root shared by the app, the CLI and the test harness: everything a service or
 * an IPC handler needs, built once from a data directory and an environment. No module-level
 * singletons; tests build their own context over a temp dir.
 */
export type { Emit, PlatformBridge } from './platform'
import type { Emit, PlatformBridge } from './platform'
import { getAdapter } from './providers/adapters'
import { createGuardedFetch } from './net/guarded-fetch'
import { lazyGuardedFetch } from './net/lazy-fetch'
import { catalog, getProvider } from './providers/catalog'
import { createBackupService, type BackupService } from './services/backup'
import { createEnvExport, type EnvExportService } from './services/env-export'
import { createEnvMigration, type EnvMigrationService } from './services/env-migration'
import { createDefaultsService, type DefaultsService } from './services/defaults'
import { createModelsService, type ModelsService } from './services/models'
import { createSttClipLoader, sttClipCandidates } from './services/stt-clip'
import { createCredentialsService, type CredentialsService } from './services/credentials'
import { createConnectionTests, type ConnectionTests } from './services/connection-tests'
import { createConnectionTestStore } from './services/connection-test-store'
import { createFileStore } from './store/file-store'
import { resolveHome } from './store/home'
import { createGatewayService, type GatewayService } from './gateway/service'
import { createOfflineSetup, type OfflineSetupService } from './services/offline-setup'
import { createVerifyService, type VerifyService } from './services/verify-model'
import { createOverviewService, type OverviewService } from './services/overview'
import { createDiagnosticsService, type DiagnosticsService } from './services/diagnostics'
import { createLocalService, type LocalService } from './local/service'
import { connectDepsFrom } from './services/local-connect'
import type { Store } from './store/schema'
import type { Preferences } from '../src-preload/contract/preferences'
import { createDefaultVault, type Vault } from './vault/vault'
import {
  createUpdateMachine,
  followPreferences,
  type UpdateMachine,
} from './updates/update-machine'
import { createCliInstaller, type CliInstaller } from './system/cli-install'
import { elevateFor, regRunner } from './system/os-runners'
import os from 'node:os'
import path from 'node:path'
import { createLog, parseLogLevel, type Log } from './log/logger'
import { createRotatingFile } from './log/rotating-file'
import {
  createPreferences,
  memoryPreferencesBackend,
  type PreferencesService,
} from './prefs/preferences'

/** Where a context's data lives and what it may read. */
export interface AppContextOptions {
  /** The data directory (DESIGN §3); `dataFolder(env)` gives the default. */
  home: string
  env?: NodeJS.ProcessEnv
  emit?: Emit
  clock?: () => Date
  /** App version, shown in `app:info`. */
  version?: string
  /** Platform-specific extras only the Electron edge can give (safeStorage, OS locale). */
  platform?: PlatformBridge
  /** App-only preferences (electron-store in the app); in memory when not given. */
  preferences?: PreferencesService
  /** The update state machine (electron-updater in a packaged app); `unsupported` when not given. */
  updates?: (settings: Preferences['updates']) => UpdateMachine
  /** The PATH installer of the command-line tool; built for this OS when not given. */
  cliInstaller?: CliInstaller
  /** The log file's name in `<home>/logs` (`main.log` for the app, `cli.log` for the CLI). */
  logName?: string
}

/** The services every handler and command can use. Domains add their service here. */
export interface AppContext {
  home: string
  /** Per-module logger: scrubbed lines in a rotating file in the data folder (issue 13). */
  log: Log
  env: NodeJS.ProcessEnv
  emit: Emit
  clock: () => Date
  version: string
  platform: PlatformBridge
  store: Store
  vault: Vault
  credentials: CredentialsService
  models: ModelsService
  defaults: DefaultsService
  local: LocalService
  /** Connection tests (DESIGN §5): one credential or all, results saved as `lastTests`. */
  tests: ConnectionTests
  /** Provider keys from environment variables (DESIGN §9 migrate-env, the amber banner). */
  envMigration: EnvMigrationService
  /** Provider env vars from stored credentials, for `env` and `run` (DESIGN §9). */
  envExport: EnvExportService
  /** Encrypted backup export / import (DESIGN §9, §10). */
  backup: BackupService
  /** The local gateway (DESIGN §14): server, tokens, usage, limits. Nothing listens until started. */
  gateway: GatewayService
  /** App-only preferences (DESIGN §3); changes reach every window as `settings:preferencesChanged`. */
  preferences: PreferencesService
  /** Self-updates (issue 15): status, check now, restart into a downloaded update. */
  updates: UpdateMachine
  /** Puts the installed app's `switchboard` on PATH (issue 15). */
  cliInstaller: CliInstaller
  /** The landing page's overview and what needs attention (issue 16). */
  overview: OverviewService
  /** Offline setup (DESIGN §8) as one job with progress events (issue 13). */
  offlineSetup: OfflineSetupService
  /** The verification check: one prompt to one model, the answer streamed as events (issue 16). */
  verify: VerifyService
  /** "Copy diagnostics" (issue 15): versions, states and counts, nothing secret. */
  diagnostics: DiagnosticsService
}

/**
 * The data directory (DESIGN §3) for this environment: `SWITCHBOARD_HOME`, else the app's own
 * folder. The CLI asks here rather than reaching into the store's module (edges-not-store).
 */
export const dataFolder = (env: NodeJS.ProcessEnv = process.env): string =>
  resolveHome(env, process.platform)

/** Builds the context. Domain services are created here, each from the ones before it. */
export function createAppContext(options: AppContextOptions): AppContext {
  const base = {
    home: options.home,
    env: options.env ?? process.env,
    emit: options.emit ?? (() => undefined),
    clock: options.clock ?? (() => new Date()),
    version: options.version ?? '0.0.0',
    platform: options.platform ?? {},
  }
  const store = createFileStore(base.home, { clock: base.clock })
  const vault = createDefaultVault({
    home: base.home,
    env: base.env,
    store,
    platform: base.platform,
  })
  const log = createLog({
    sink: createRotatingFile({
      dir: path.join(base.home, 'logs'),
      name: options.logName ?? 'main.log',
    }),
    level: parseLogLevel(base.env.SWITCHBOARD_LOG_LEVEL),
    secrets: vault.known,
  })
  const credentials = createCredentialsService({
    store,
    vault,
    getProvider,
    clock: base.clock,
    onChanged: (reason, ids) => ctx.emit('credentials:changed', { reason, ids }),
  })
  // models + defaults (DESIGN §3, §5): discovery and model tests through the adapters.
  const modelFetch = createGuardedFetch({ env: base.env })
  const sttClip = createSttClipLoader(sttClipCandidates())
  // The verification check (issue 16) calls models as model tests do: one set of deps for both.
  const modelCalls = {
    store,
    getDecrypted: (id: string) => credentials.getDecrypted(id),
    getProvider,
    getAdapter,
    fetch: modelFetch,
    sttClip,
  }
  const models = createModelsService({
    ...modelCalls,
    clock: base.clock,
    onChanged: () => ctx.emit('app:changed', { domain: 'models' }),
  })
  const verify = createVerifyService({
    ...modelCalls,
    emitEvent: (payload) => ctx.emit('verify:event', payload),
    emitOpenRequested: (target) => ctx.emit('verify:openRequested', target),
    // Read at call time: the app sets platform.translate once its i18n is ready.
    translate: (key) => base.platform.translate?.(key),
    language: () => preferences.get().language ?? base.platform.locale,
  })
  const defaults = createDefaultsService({
    store,
    undecryptableCredentialIds: () => credentials.undecryptableIds(),
    onChanged: () => ctx.emit('app:changed', { domain: 'defaults' }),
  })
  // local servers (DESIGN §8): detection probes use a plain fetch (loopback/LAN, no key); the
  // Ollama library goes through its own guarded fetch, created on first use.
  const local = createLocalService({
    env: base.env,
    emit: (event, payload) => ctx.emit(event, payload),
    store,
    fetch: lazyGuardedFetch({ env: base.env }).fetch,
    connect: connectDepsFrom({ credentials, models, defaults }),
  })
  // connection tests (DESIGN §5, issue 5): last results kept per credential in the store; their
  // own guarded fetch, created on first use.
  const tests = createConnectionTests({
    ...createConnectionTestStore({ store, getProvider }),
    getDecrypted: (id) => credentials.getDecrypted(id),
    getProvider,
    getAdapter,
    fetch: lazyGuardedFetch({ env: base.env }).fetch,
    clock: base.clock,
    publish: (result) => ctx.emit('credentials:testResult', { result }),
  })
  // Services emit through `ctx.emit` (read at call time), so a host that re-points the context's
  // emit after construction (the e2e bridge does) reaches every service's events.
  // env migration, env export and backups (DESIGN §9, §10).
  const envMigration = createEnvMigration({ env: base.env, store, vault, credentials, catalog })
  const envExport = createEnvExport({ store, vault, credentials, catalog, getProvider })
  const backup = createBackupService({
    store,
    vault,
    credentials,
    clock: base.clock,
  })
  // the local gateway (DESIGN §14): its own guarded fetch (long generations, its own pool).
  const gateway = createGatewayService({
    store,
    storeFile: store.file,
    getDecrypted: (id) => credentials.getDecrypted(id),
    getProvider,
    fetch: lazyGuardedFetch({ env: base.env }).handle,
    clock: base.clock,
    onChanged: (status) => ctx.emit('gateway:changed', status),
  })
  const preferences = options.preferences ?? createPreferences(memoryPreferencesBackend())
  const initialUpdates = preferences.get().updates
  const updates = options.updates
    ? options.updates(initialUpdates)
    : createUpdateMachine({ updater: null, currentVersion: base.version, settings: initialUpdates })
  updates.subscribe((status) => ctx.emit('updates:changed', status))
  preferences.onChange((next) => ctx.emit('settings:preferencesChanged', next))
  followPreferences(updates, preferences)
  const cliInstaller =
    options.cliInstaller ??
    createCliInstaller({
      platform: process.platform,
      homedir: os.homedir(),
      env: base.env,
      resourcesPath: base.platform.resourcesPath,
      reg: regRunner,
      elevate: elevateFor(process.platform, base.env),
    })
  const overview = createOverviewService({
    store,
    listCredentials: () => credentials.list(),
    defaults: () => defaults.get(),
    lastDetection: () => local.lastDetection(),
    gateway: () => gateway.status(),
    firstRunDismissed: () => preferences.get().firstRunDismissed,
    clock: base.clock,
  })
  const offlineSetup = createOfflineSetup({
    emit: (event, payload) => ctx.emit(event, payload),
    listInstalled: (baseUrl) => local.ollama(baseUrl).list(),
    pull: (model, baseUrl) => local.pull(model, baseUrl),
    cancelPull: (jobId) => local.cancelPull(jobId),
    connect: (baseUrl, o) => local.connect(baseUrl, o),
    listModels: (credentialId) => models.list({ credentialId }),
    setDefault: (slot, modelId) => defaults.set(slot, modelId),
    testModel: (modelId, signal) => models.modelTest(modelId, signal),
  })
  const diagnostics = createDiagnosticsService(() => ({
    version: ctx.version,
    versions: ctx.platform.versions,
    store,
    vault,
    updates: () => ctx.updates.status(),
    cli: () => ctx.cliInstaller.status(),
  }))
  const ctx: AppContext = {
    ...base,
    log,
    diagnostics,
    overview,
    offlineSetup,
    verify,
    cliInstaller,
    preferences,
    updates,
    store,
    vault,
    credentials,
    models,
    defaults,
    local,
    tests,
    envMigration,
    envExport,
    backup,
    gateway,
  }
  return ctx
}
