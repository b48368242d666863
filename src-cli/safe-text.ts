/**
 * Text that people and servers supplied (credential names, provider error text, model names,
 * versions) printed to a terminal by the CLI's human output. A terminal obeys what it prints:
 * ESC sequences set the window title or rewrite the screen, CR returns to the start of the line
 * and overwrites it, a newline forges an extra table row, bidi controls reorder what is shown.
 * Every such character is shown as a visible escape instead (`\x1b`, `\r`, `\n`, `\u202e`), so
 * what is printed is what is there. JSON output needs none of this: JSON.stringify escapes
 * U+0000–U+001F itself, and `jsonForTerminal` escapes the rest of the set.
 */

/** C0 and C1 controls, DEL, bidi embeddings / overrides / isolates / marks, line separators, BOM. */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g
/** The same set without newline and tab: for whole messages we lay out ourselves. */
const CONTROL_KEEP_LINES =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\x1b' }

function visible(c: string): string {
  const short = SHORT[c]
  if (short) return short
  const n = c.charCodeAt(0)
  return n <= 0xff
    ? `\\x${n.toString(16).padStart(2, '0')}`
    : `\\u${n.toString(16).padStart(4, '0')}`
}

/** One value (a name, a message) on one line: every control character made visible. */
export function safeText(text: string): string {
  return text.replace(CONTROL, visible)
}

/** A message we laid out (our own newlines and tabs kept): every other control made visible. */
export function safeLines(text: string): string {
  return text.replace(CONTROL_KEEP_LINES, visible)
}

/** A result with every string in it passed through `safeText` (for the human renderers). */
export function safeDeep<T>(value: T): T {
  // The one assertion of the CLI: the walk keeps every array, object and key as it was and
  // changes only the characters inside strings, so the value still has T's shape.
  return safeWalk(value) as T
}

function safeWalk(value: unknown): unknown {
  if (typeof value === 'string') return safeText(value)
  if (Array.isArray(value)) return value.map(safeWalk)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safeWalk(v)]))
  }
  return value
}

/** Characters JSON.stringify leaves raw that a terminal still acts on. */
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

/**
 * JSON for stdout: exactly `JSON.stringify(value)` as data (JSON.parse gives the same value back),
 * with the characters above written as `\uXXXX` escapes so a terminal showing it does not act.
 */
export function jsonForTerminal(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    JSON_RAW,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
