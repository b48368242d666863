/**
 * What a pasted API key looks like (issue 16): the one trimming rule for keys, the soft shape
 * check and the "recommended model" name match. Plain data and pure functions, no imports, so
 * main's validation (checkField → src-main/services/credential-input.ts), the CLI and the add
 * dialog (instant feedback only) all run the very same code.
 */

/** Quote characters a copy from code, a .env file, Markdown or a chat leaves around a key. */
export const KEY_QUOTES: readonly string[] = ['"', "'", '`']

/** A key with the junk around it removed, and what was removed (shown as a notice). */
export interface TrimmedKey {
  value: string
  removedWhitespace: boolean
  removedQuotes: boolean
}

// `\s` is the set String.prototype.trim removes (spaces, tabs, line breaks, NBSP, BOM, …).
const isSpace = (c: string) => /\s/.test(c)
const isQuote = (c: string) => KEY_QUOTES.includes(c)

/**
 * Removes whitespace and quote characters from both ends of a pasted key, in any mix
 * (` "sk-…" `, `'sk-…'\n`, `` `sk-…` ``). Only the ends: a quote inside a key is kept, and a key
 * without surrounding junk comes back unchanged. Idempotent: the result never starts or ends
 * with either kind of junk.
 */
export function trimKey(raw: string): TrimmedKey {
  let start = 0
  let end = raw.length
  let removedWhitespace = false
  let removedQuotes = false
  const eat = (c: string) => {
    if (isSpace(c)) removedWhitespace = true
    else if (isQuote(c)) removedQuotes = true
    else return false
    return true
  }
  while (start < end && eat(raw[start]!)) start++
  while (end > start && eat(raw[end - 1]!)) end--
  return { value: raw.slice(start, end), removedWhitespace, removedQuotes }
}

/** One usual shape of a provider's keys. */
export interface KeyShape {
  /** Anchored regular-expression source (no flags) the whole key matches. */
  pattern: string
  /** The shape as people read it: `sk-ant-…`. */
  label: string
}

/** A provider's usual key shapes (the renderer gets these with the provider list). */
export interface ProviderKeyShapes {
  provider: string
  displayName: string
  shapes: readonly KeyShape[]
}

/** What the shape check says about a key (never a refusal: keys change shape over time). */
export type KeyShapeVerdict =
  /** The provider has no usual shape (self-hosted servers take any string): nothing to say. */
  | { kind: 'no_shape' }
  | { kind: 'match' }
  /** Unusual for this provider; `looksLike` names providers whose shape it has, if any. */
  | { kind: 'mismatch'; expected: string[]; looksLike: string[] }

const compiled = new Map<string, RegExp>()
const regex = (source: string) => {
  let re = compiled.get(source)
  if (!re) {
    re = new RegExp(source)
    compiled.set(source, re)
  }
  return re
}

/** True when `key` has one of `shapes`. */
export function hasShape(key: string, shapes: readonly KeyShape[]): boolean {
  return shapes.some((s) => regex(s.pattern).test(key))
}

/**
 * Checks a (trimmed) key against its provider's usual shapes. A key that matches none of them is
 * a `mismatch`, and the providers whose shapes it does match are named (an `sk-ant-…` key pasted
 * into OpenAI "looks like an Anthropic key").
 */
export function checkKeyShape(
  key: string,
  provider: string,
  all: readonly ProviderKeyShapes[],
): KeyShapeVerdict {
  const own = all.find((p) => p.provider === provider)?.shapes ?? []
  if (!own.length || !key) return { kind: 'no_shape' }
  if (hasShape(key, own)) return { kind: 'match' }
  const looksLike = all
    .filter((p) => p.provider !== provider && p.shapes.length && hasShape(key, p.shapes))
    .map((p) => p.displayName)
  return { kind: 'mismatch', expected: own.map((s) => s.label), looksLike }
}

/** The notices for a pasted key: what trimming removed and what its shape says. */
export interface KeyNotice {
  trimmed: TrimmedKey
  shape: KeyShapeVerdict
}

/** Trims `raw` and checks the result's shape: what the form and the CLI show beside a key. */
export function keyNotice(
  raw: string,
  provider: string,
  all: readonly ProviderKeyShapes[],
): KeyNotice {
  const trimmed = trimKey(raw)
  return { trimmed, shape: checkKeyShape(trimmed.value, provider, all) }
}

// A recommended name also matches its dated or versioned snapshots and tags:
// `claude-haiku-4-5-20251001`, `gpt-4o-mini-2024-07-18`, `gemini-2.0-flash-001`,
// `…-latest`, Vertex `name@001`, Ollama `name:tag`.
const VARIANT = /^(?:-\d{8}|-\d{4}-\d{2}-\d{2}|-\d{3}|-latest|@[\w.-]+|:[\w.-]+)$/

/**
 * Where a model name ranks in a recommended list: the index of the first entry it is (or is a
 * snapshot / tag of), and whether it is that entry exactly; null when it is none of them.
 * Case-insensitive (MiniMax spells `MiniMax-M2`, listings differ).
 */
export function recommendedRank(
  name: string,
  recommended: readonly string[] | undefined,
): { index: number; exact: boolean } | null {
  if (!recommended?.length) return null
  const n = name.toLowerCase()
  for (let i = 0; i < recommended.length; i++) {
    const r = recommended[i]!.toLowerCase()
    if (n === r) return { index: i, exact: true }
    if (n.startsWith(r) && VARIANT.test(n.slice(r.length))) return { index: i, exact: false }
  }
  return null
}
