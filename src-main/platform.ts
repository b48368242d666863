/**
 * Types at the seam between the plain-Node services and their host (the Electron app, the CLI,
 * the tests): how events leave, and what only the Electron edge can provide. Kept apart from
 * app-context.ts so services can name them without importing the composition root.
 */
import type { EventName, EventPayloadOf } from '../src-preload/contract'

/** Pushes an event to every renderer (a no-op in the CLI). */
export type Emit = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void

/** What only the Electron edge can provide; absent in the CLI and in plain-Node tests. */
export interface PlatformBridge {
  safeStorage?: {
    isEncryptionAvailable(): boolean
    encryptString(plain: string): Buffer
    decryptString(cipher: Buffer): string
    getSelectedStorageBackend?(): string
  }
  locale?: string
  openLink?: (url: string) => Promise<void>
  /** Opens a folder in the file manager; true when it opened. */
  openPath?: (dir: string) => Promise<boolean>
  writeClipboard?: (text: string) => void
  /** Electron, Chromium and Node versions of the running app. */
  versions?: { electron: string; chrome: string; node: string }
  /** The packaged app's resources folder (the CLI launcher lives in `cli/` inside it). */
  resourcesPath?: string
  /** The native open-file dialog; resolves with the chosen path or null (cancelled). */
  pickFile?: (options: {
    title: string
    filters: { name: string; extensions: string[] }[]
  }) => Promise<string | null>
  /** Main's translator in the chosen language (native dialog titles). */
  translate?: (key: string, params?: Record<string, unknown>) => string
}
