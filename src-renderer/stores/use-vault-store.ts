/** The vault's state as main reports it (locked / wrong key / unlocked, and why). No key material. */
import { create } from 'zustand'
import type {
  CredentialsChange,
  VaultRotateResult,
  VaultStatusView,
} from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'
import { createWatchers } from './watchers'

interface VaultState {
  status: VaultStatusView | null
  /** Reads `vault:status`; a failure leaves the last known status. */
  load: () => Promise<void>
  /** Re-encrypts every secret with a new master key; throws ApiError. */
  rotate: () => Promise<VaultRotateResult>
  /** A view shows the vault's state (API Keys); returns the unwatch. */
  watch: () => () => void
  /** Event bridge: `credentials:changed` — a rotation re-reads the state while watched. */
  onCredentialsChanged: (e: { reason: CredentialsChange }) => void
}

const watchers = createWatchers()

export const useVaultStore = create<VaultState>((set, get) => ({
  status: null,
  load: async () => {
    try {
      set({ status: await unwrap(api().vault.status({})) })
    } catch {
      // The page still works without the banner; the next change event retries.
    }
  },
  rotate: () => unwrap(api().vault.rotate({})),
  watch: watchers.add,
  onCredentialsChanged: ({ reason }) => {
    if (reason === 'rotated' && watchers.active()) void get().load()
  },
}))
