/** Whether the `switchboard` command is on PATH, as main reports it, and its installer. */
import { create } from 'zustand'
import type { CliStatus } from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'

interface CliState {
  /** null until read, or when main could not tell. */
  status: CliStatus | null
  load: () => Promise<void>
  /** Puts the command on PATH (with the OS's admin prompt when `elevate`); throws ApiError. */
  install: (elevate?: boolean) => Promise<CliStatus>
}

export const useCliStore = create<CliState>((set) => ({
  status: null,
  load: async () => {
    try {
      set({ status: await unwrap(api().cli.status({})) })
    } catch {
      set({ status: null })
    }
  },
  install: async (elevate = false) => {
    const status = await unwrap(api().cli.install(elevate ? { elevate } : {}))
    set({ status })
    return status
  },
}))
