/**
 * Quantities as words in the reader's locale: sizes, token counts, latencies. Used by the Models,
 * Defaults, Local and Verify features. Model types and their i18n keys are not here: they are the
 * contract's one table (MODEL_TYPE_NAMES, MODEL_TYPE_KEYS in src-preload/contract/model-types.ts).
 */

/** Bytes as a short size ("4.7 GB"), in the given locale. */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value)
}

/** A token count as a compact number ("128K"). */
export function formatTokens(tokens: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 0 }).format(
    tokens,
  )
}

/** A duration as words: milliseconds below one second, seconds with one decimal above. */
export function formatLatency(ms: number, locale?: string): string {
  if (ms < 1000) {
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'millisecond',
      unitDisplay: 'long',
      maximumFractionDigits: 0,
    }).format(Math.max(0, Math.round(ms)))
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'second',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(ms / 1000)
}
