/**
 * The app itself and the OS around it, as main reports and reaches them: the About facts,
 * diagnostics for a bug report, the data folder, links in the system browser and the OS's open
 * dialog (main reads and checks the file; only its path and summary come back). No secrets.
 */
import { create } from 'zustand'
import type { AppInfo, RequestOf, ResponseOf } from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'

interface AppState {
  /** The About facts; null until read or when main could not answer. */
  info: AppInfo | null
  loadInfo: () => Promise<void>
  /** Builds the diagnostics text (and copies it when asked); throws ApiError. */
  diagnostics: (copy: boolean) => Promise<ResponseOf<'app:diagnostics'>>
  openDataFolder: () => void
  /** Opens a docs link in the system browser (main allows only known https sites). */
  openLink: (url: string) => void
  /** Shows the OS's open dialog in main; throws ApiError. */
  openFile: (
    purpose: RequestOf<'dialog:openFile'>['purpose'],
  ) => Promise<ResponseOf<'dialog:openFile'>>
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  loadInfo: async () => {
    try {
      set({ info: await unwrap(api().app.info({})) })
    } catch {
      set({ info: null })
    }
  },
  diagnostics: (copy) => unwrap(api().app.diagnostics({ copy })),
  openDataFolder: () => void api().app.openDataFolder({}),
  openLink: (url) => void api().app.openLink({ url }),
  openFile: (purpose) => unwrap(api().dialog.openFile({ purpose })),
}))
