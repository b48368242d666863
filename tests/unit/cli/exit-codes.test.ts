/** src-cli/exit-codes.ts: DESIGN §9's exit codes for every error code of the contract. */
import { describe, expect, it } from 'vitest'
import { errorCodes } from '../../../src-preload/contract/errors'
import { EXIT, exitCodeFor } from '../../../src-cli/exit-codes'

describe('exit codes', () => {
  it('2 for validation, 3 for a locked vault or a wrong key, 1 for every other code', () => {
    for (const code of errorCodes) {
      const want =
        code === 'validation'
          ? EXIT.usage
          : code === 'vault_locked' || code === 'vault_wrong_key'
            ? EXIT.vault
            : EXIT.failed
      expect([code, exitCodeFor(code)]).toEqual([code, want])
    }
    expect(EXIT).toEqual({ ok: 0, failed: 1, usage: 2, vault: 3 })
  })
})
