/**
 * Versions for reads the renderer repeats (issue 17): an IPC reply is serialized in main and read
 * back in the renderer, so a caller that already holds the current value is told so by its
 * version instead of being sent it again. Plain data only (what a reply carries).
 */
import { randomUUID } from 'node:crypto'

/** Structural equality of reply-shaped data: plain objects, arrays and primitives. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = Object.keys(x)
  return keys.length === Object.keys(y).length && keys.every((k) => sameData(x[k], y[k]))
}

/**
 * Names the successive values of one read: a value equal to the last one keeps its version (and
 * the last value is handed back, so callers can keep sharing it); another gets a new version. The
 * epoch, random per instance, keeps another run's versions from matching.
 */
export function createVersions<T>(): (value: T) => { value: T; version: string } {
  const epoch = randomUUID()
  let count = 0
  let last: { value: T; version: string } | null = null
  return (value) => {
    if (!last || !sameData(last.value, value)) last = { value, version: `${epoch}.${++count}` }
    return last
  }
}
