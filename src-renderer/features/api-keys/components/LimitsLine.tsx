import { useTranslation } from 'react-i18next'
import type { TestLimits } from '../../../../src-preload/contract'

/**
 * The rate-limit and quota signals of a test (issue 12), in words: requests left of the limit,
 * when the window resets, credit left. Renders nothing when the provider gave none.
 */
export function LimitsLine({ limits }: { limits: TestLimits | null | undefined }) {
  const { t, i18n } = useTranslation('apiKeys')
  const parts = limitsParts(limits, t, i18n.language)
  if (!parts.length) return null
  return (
    <span className="muted test-limits" data-testid="test-limits">
      {parts.join(' · ')}
    </span>
  )
}

/** The translated pieces of a Limits, in display order. */
export function limitsParts(
  l: TestLimits | null | undefined,
  t: (key: string, opts?: Record<string, unknown>) => string,
  language: string,
): string[] {
  if (!l) return []
  const out: string[] = []
  if (l.remaining !== null) {
    out.push(
      l.limit !== null
        ? t('limits.requests', { remaining: l.remaining, limit: l.limit })
        : t('limits.requestsLeft', { remaining: l.remaining }),
    )
  }
  if (l.resetAt) {
    const time = new Date(l.resetAt)
    if (!Number.isNaN(time.getTime())) {
      const fmt = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' })
      out.push(t('limits.resets', { time: fmt.format(time) }))
    }
  }
  if (l.credit !== null) {
    const credit = new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(l.credit)
    out.push(t('limits.credit', { credit }))
  }
  return out
}
