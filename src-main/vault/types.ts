/**
 * What a master-key source provides (DESIGN §4). Sources are tried in order; the first available
 * one holds the key. Rotation stages a new key under a pending name before the store switches to
 * it, and promotes it afterwards, so a crash at any point leaves a key that opens the store.
 */
import type { KeySourceId } from '../../src-preload/contract/vault'

/** Whether a source can be used now, and if not, a stable reason code (plus safe English detail). */
export interface Availability {
  available: boolean
  reason: string | null
  detail?: string
}

export interface KeySource {
  readonly id: KeySourceId
  /** Checks the source without creating anything. */
  probe(): Promise<Availability>
  /**
   * The current master key for a store with this salt; with `create`, makes and stores one when
   * none exists yet. Null: no key exists yet.
   */
  current(salt: string, create: boolean): Promise<Buffer | null>
  /** Rotation step 1: a new key under a pending name (env: a new salt, nothing stored). */
  stage(): Promise<{ key: Buffer; salt: string | null }>
  /** The staged key left by an interrupted rotation, if any. */
  staged(salt: string): Promise<Buffer | null>
  /** Rotation step 3: the staged key becomes the current one. */
  promote(): Promise<void>
}
