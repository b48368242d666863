/** The vault's state as main reports it (locked / wrong key / unlocked, and why). No key material. */
import { create } from 'zustand'
import type { VaultStatusView } from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'

interface VaultState {
  status: VaultStatusView | null
  /** Reads `vault:status`; a failure leaves the last known status. */
  load: () => Promise<void>
}

export const useVaultStore = create<VaultState>((set) => ({
  status: null,
  load: async () => {
    try {
      set({ status: await unwrap(api().vault.status({})) })
    } catch {
      // The page still works without the banner; the next change event retries.
    }
  },
}))
