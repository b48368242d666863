/**
 * Fields read from a local server's JSON, each checked for its type: a server on the user's
 * network may send anything, and a value that cannot become text would make String(), a join or
 * a comparison throw. Shared by detection (probes.ts) and the Ollama library (ollama-entries.ts).
 */

/** `v` when it is a plain object, else null. */
export const obj = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null

/** `v` when it is a non-empty string, else nothing. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)

/** A size or context length: a finite, non-negative number, else nothing (a hostile port's -1). */
export const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined
