/**
 * Channels of the settings domain (DESIGN §9, §10): migration of provider keys from environment
 * variables, and encrypted backups. Nothing here carries a secret main → renderer: the env status
 * names variables, never their values; the backup passphrase travels renderer → main only.
 */
import { z } from 'zod'
import { channel, event } from './define'
import type { ErrorCode } from './errors'
import { PreferencesPatch, type Preferences } from './preferences'
import type { VaultState } from './vault'

/** One provider whose variables are set in the app's environment. */
export interface EnvProviderFound {
  provider: string
  displayName: string
  /** The variable names found set (never their values). */
  variables: string[]
  /** `pending`: not imported yet; `imported`: a credential with the same key exists. */
  state: 'pending' | 'imported'
}

/** `settings:envStatus`: what the environment offers; `pending` drives the amber banner. */
export interface EnvStatusView {
  /** The vault state: with no usable key the comparison cannot run and `pending` is empty. */
  vault: VaultState
  found: EnvProviderFound[]
  /** Providers that `settings:migrateEnv` would import now. */
  pending: string[]
}

/** DESIGN §9 `migrate-env` JSON (exactly these four lists). */
export interface MigrateEnvResult {
  migrated: string[]
  skipped: string[]
  notConfigured: string[]
  errors: { provider: string; code: ErrorCode; message: string }[]
}

/** A passphrase for a backup (renderer → main only; never stored or echoed). */
export const BackupPassphrase = z.string().min(8).max(1024)

/** An absolute file path the user typed (main reads or writes it). */
export const BackupPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'The path contains a NUL character.')

/** `settings:exportBackup` / `export <file>`: what went into the file. */
export interface BackupExportResult {
  path: string
  credentials: number
  models: number
  /** Default slots that hold a model. */
  defaults: number
  /** Credentials left out because their secret could not be decrypted. */
  skippedUndecryptable: number
}

/**
 * A backup credential that was not imported, with why: the same coded reason `add` gives
 * (`code` validation / url_blocked, `field`, `reason`), and its provider and name with control
 * and direction codes replaced by U+FFFD. Never a secret.
 */
export interface RejectedCredential {
  /** Its position in the backup (0-based). */
  index: number
  provider: string | null
  name: string | null
  code: ErrorCode
  field: string | null
  reason: string | null
  /** English; the app translates `reason` (or `code`). */
  message: string
}

/** `settings:importBackup` / `import <file>`: what the merge did. */
export interface BackupImportResult {
  credentialsImported: number
  /** Already present (same provider, name and key). */
  credentialsSkipped: number
  /** Refused by the credential validation; the valid ones were imported all the same. */
  credentialsRejected: RejectedCredential[]
  modelsImported: number
  modelsSkipped: number
  /** Slots that were empty here and were filled from the backup. */
  defaultsRestored: string[]
}

export const settingsChannels = {
  'settings:getPreferences': channel<Preferences>()(z.object({}).strict()),
  'settings:setPreferences': channel<Preferences>()(PreferencesPatch),
  'settings:envStatus': channel<EnvStatusView>()(z.object({}).strict()),
  'settings:migrateEnv': channel<MigrateEnvResult>()(
    z.object({ dryRun: z.boolean().optional() }).strict(),
  ),
  'settings:exportBackup': channel<BackupExportResult>()(
    z
      .object({ path: BackupPath, passphrase: BackupPassphrase, overwrite: z.boolean().optional() })
      .strict(),
  ),
  'settings:importBackup': channel<BackupImportResult>()(
    z.object({ path: BackupPath, passphrase: z.string().min(1).max(1024) }).strict(),
  ),
}

export const settingsEvents = {
  /** The preferences changed (this window, another one, or main itself). */
  'settings:preferencesChanged': event<Preferences>(),
}
