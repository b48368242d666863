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
}
