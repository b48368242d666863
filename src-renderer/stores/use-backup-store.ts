/**
 * Encrypted backups, written and read by main. The passphrase goes straight to main with the
 * request and is never kept here; the store holds no state at all, only the two actions.
 */
import { create } from 'zustand'
import type { RequestOf, ResponseOf } from '../../src-preload/contract'
import { api, unwrap } from '../lib/api'

interface BackupState {
  /** Writes a backup file; throws ApiError. */
  exportBackup: (
    req: RequestOf<'settings:exportBackup'>,
  ) => Promise<ResponseOf<'settings:exportBackup'>>
  /** Merges a backup file into the store; throws ApiError. */
  importBackup: (
    req: RequestOf<'settings:importBackup'>,
  ) => Promise<ResponseOf<'settings:importBackup'>>
}

export const useBackupStore = create<BackupState>(() => ({
  exportBackup: (req) => unwrap(api().settings.exportBackup(req)),
  importBackup: (req) => unwrap(api().settings.importBackup(req)),
}))
