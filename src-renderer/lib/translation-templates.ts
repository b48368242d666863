/**
 * Translations with their values left open, filled by joining strings: for text that changes
 * on every keystroke (the discovery list's rows and counts), where i18next's t() — key lookup
 * through the fallback chain, plural rules, interpolation — was a measurable part of the
 * keystroke (issue 17). Each template is built with t() itself, so it says what t() says.
 */
import type { TFunction } from 'i18next'

// Stand-ins for the values: control characters no translation contains.
const SLOTS = ['\u0001', '\u0002', '\u0003'] as const

type Vars<N extends string> = Record<N, string>
// t() seen as what these calls use: a key and options in, the string out.
type Translate = (key: string, options?: object) => string

/** Splits `text` at the slots standing for `names` into a function of those values. */
function fill<N extends string>(text: string, names: readonly N[]): (values: Vars<N>) => string {
  // Even pieces are text; odd ones are the names of the values between them.
  const pieces: string[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const slot = SLOTS.indexOf(text[i] as (typeof SLOTS)[number])
    if (slot < 0 || slot >= names.length) continue
    pieces.push(text.slice(start, i), names[slot]!)
    start = i + 1
  }
  pieces.push(text.slice(start))
  return (values) => {
    let out = ''
    for (let i = 0; i < pieces.length; i++) out += i % 2 ? values[pieces[i] as N] : pieces[i]
    return out
  }
}

/** `t(key, values)` as a function of up to three string values, translated once. */
export function template<N extends string>(
  t: TFunction,
  key: string,
  names: readonly N[],
): (values: Vars<N>) => string {
  const open = Object.fromEntries(names.map((n, i) => [n, SLOTS[i]!]))
  return fill((t as unknown as Translate)(key, open), names)
}

/**
 * `t(key, { count })` as a function of the count. i18next picks the plural form with
 * Intl.PluralRules for the language; so does this, building each form's template the first
 * time a count of that form is seen (and 0 on its own, since i18next tries `_zero` for it).
 */
export function pluralTemplate(
  t: TFunction,
  key: string,
  language: string,
): (count: number) => string {
  const rules = new Intl.PluralRules(language)
  const forms = new Map<string, (values: Vars<'count'>) => string>()
  return (count) => {
    const form = count === 0 ? '=0' : rules.select(count)
    let fn = forms.get(form)
    if (!fn) {
      const text = (t as unknown as Translate)(key, { count, replace: { count: SLOTS[0] } })
      fn = fill(text, ['count'])
      forms.set(form, fn)
    }
    return fn({ count: String(count) })
  }
}
