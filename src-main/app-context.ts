/**
 * The composition root shared by the app, the CLI and the test harness: everything a service or
 * an IPC handler needs, built once from a data directory and an environment. No module-level
 * singletons; tests build their own context over a temp dir.
 */
import type { EventName, EventPayloadOf } from '../src-preload/contract'

/** Pushes an event to every renderer (a no-op in the CLI). */
export type Emit = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void

/** Where a context's data lives and what it may read. */
export interface AppContextOptions {
  /** The data directory (DESIGN §3); `resolveHome()` gives the default. */
  home: string
  env?: NodeJS.ProcessEnv
  emit?: Emit
  clock?: () => Date
  /** App version, shown in `app:info`. */
  version?: string
  /** Platform-specific extras only the Electron edge can give (safeStorage, OS locale). */
  platform?: PlatformBridge
}

/** What only the Electron edge can provide; absent in the CLI and in plain-Node tests. */
export interface PlatformBridge {
  safeStorage?: {
    isEncryptionAvailable(): boolean
    encryptString(plain: string): Buffer
    decryptString(cipher: Buffer): string
    getSelectedStorageBackend?(): string
  }
  locale?: string
  openExternal?: (url: string) => Promise<void>
}

/** The services every handler and command can use. Domains add their service here. */
export interface AppContext {
  home: string
  env: NodeJS.ProcessEnv
  emit: Emit
  clock: () => Date
  version: string
  platform: PlatformBridge
}

/** Builds the context. Domain services are created here, each from the ones before it. */
export function createAppContext(options: AppContextOptions): AppContext {
  const base: AppContext = {
    home: options.home,
    env: options.env ?? process.env,
    emit: options.emit ?? (() => undefined),
    clock: options.clock ?? (() => new Date()),
    version: options.version ?? '0.0.0',
    platform: options.platform ?? {},
  }
  return base
}
