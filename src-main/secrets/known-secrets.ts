/**
 * The secrets this process has handled lately (sealed or opened by the vault, the env
 * passphrase), so text it writes — log lines, IPC error messages — can be scrubbed of them in
 * every encoding (issue 13). Bounded: the oldest go first. Keeping them costs no new exposure:
 * the same values sit in this process's memory while a request uses them.
 */

/** A bounded, most-recent-last set of secret values. */
export interface KnownSecrets {
  /** Adds a value (ignored when shorter than 4 characters, as the scrubber does). */
  remember(value: string): void
  /** The values, oldest first. */
  list(): readonly string[]
  /** Grows on every change, so a caller can cache what it built from `list()`. */
  version(): number
}

/** A fresh registry that keeps at most `limit` values. */
export function createKnownSecrets(limit = 256): KnownSecrets {
  const values = new Set<string>()
  let version = 0
  let snapshot: readonly string[] = []
  return {
    remember(value) {
      if (typeof value !== 'string' || value.trim().length < 4) return
      if (values.has(value)) {
        // Most recent last, so the bound drops what has not been used for longest.
        values.delete(value)
        values.add(value)
        return
      }
      values.add(value)
      if (values.size > limit) values.delete(values.values().next().value as string)
      version++
      snapshot = [...values]
    },
    list: () => snapshot,
    version: () => version,
  }
}
