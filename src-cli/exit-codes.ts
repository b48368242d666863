import type { ErrorCode } from '../src-preload/contract'

/** DESIGN §9: 0 ok, 1 operation failed, 2 usage or validation, 3 vault locked or wrong key. */
export const EXIT = { ok: 0, failed: 1, usage: 2, vault: 3 } as const

/** The exit code for an error code. */
export function exitCodeFor(code: ErrorCode): number {
  if (code === 'validation') return EXIT.usage
  if (code === 'vault_locked' || code === 'vault_wrong_key') return EXIT.vault
  return EXIT.failed
}
