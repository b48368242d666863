/** "3 min ago" in the current language, from an ISO time (Intl does the translation). */
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
]

/** A short relative age ("5 min. ago"); `justNow` under 10 seconds. */
export function formatAge(iso: string, now: number, lng: string, justNow: string): string {
  let value = (now - Date.parse(iso)) / 1000
  if (!Number.isFinite(value)) return ''
  if (value < 10) return justNow
  const fmt = new Intl.RelativeTimeFormat(lng, { numeric: 'always', style: 'short' })
  for (const [unit, size] of STEPS) {
    if (value < size) return fmt.format(-Math.floor(value), unit)
    value /= size
  }
  return ''
}
