/**
 * Channels of the vault domain (DESIGN §4): where the master key comes from, whether it opens
 * the stored secrets, and key rotation. Nothing here carries key material.
 */
import { z } from 'zod'
import { channel } from './define'

/** The master-key sources of DESIGN §4, in the order the vault tries them. */
export const keySourceIds = ['env', 'keychain', 'safeStorage'] as const
export type KeySourceId = (typeof keySourceIds)[number]
export const KeySourceIdSchema = z.enum(keySourceIds)

/** The vault's states: `locked` = no source; `wrong_key` = the key does not open the secrets. */
export const vaultStates = ['unlocked', 'locked', 'wrong_key'] as const
export type VaultState = (typeof vaultStates)[number]

/** One master-key source: available or not, and why not (a stable reason code + English detail). */
export const KeySourceReport = z.object({
  id: KeySourceIdSchema,
  available: z.boolean(),
  /**
   * Null when available; else `not_set`, `key_file_unreadable`, `key_file_empty` (env),
   * `keytar_missing`, `no_session_bus`, `keychain_unavailable`, `keychain_timeout`,
   * `keychain_entry_invalid` (keychain), `app_only`, `basic_text_backend`,
   * `encryption_unavailable` (safeStorage), `error`.
   */
  reason: z.string().nullable(),
  detail: z.string().optional(),
})

/** `vault:status`: `locked` = no source; `wrong_key` = the key does not open the stored secrets. */
export const VaultStatusView = z.object({
  state: z.enum(vaultStates),
  source: KeySourceIdSchema.nullable(),
  sources: z.array(KeySourceReport),
})
export type VaultStatusView = z.infer<typeof VaultStatusView>

/** `vault:rotate`: how many secret values were re-encrypted, and how many were already broken. */
export interface VaultRotateResult {
  source: KeySourceId
  reencrypted: number
  skipped: number
}

export const vaultChannels = {
  'vault:status': channel<VaultStatusView>()(z.object({}).strict()),
  'vault:rotate': channel<VaultRotateResult>()(z.object({}).strict()),
}

export const vaultEvents = {}
