import { useTranslation } from 'react-i18next'
import type { ModelTestResult } from '../../../../src-preload/contract'
import { describeError } from '../../../lib/errors'
import type { ModelTestState } from '../../../stores/use-models-store'
import { formatBytes, formatLatency } from '../../../lib/format-units'

/** A model test's outcome in words: what the model produced, and how long it took. */
export function TestOutcome({ state }: { state: ModelTestState | undefined }) {
  const { t, i18n } = useTranslation('models')
  if (!state) return <span className="muted">{t('test.never')}</span>
  if (state.running)
    return (
      <span className="muted" role="status">
        {t('test.running')}
      </span>
    )
  if (state.error) {
    const { message, hint } = describeError(t, state.error)
    return (
      <span className="test-outcome fail" role="alert">
        <span className="badge fail">{t('test.failedBadge')}</span> {message}{' '}
        {hint ? <span className="muted">{hint}</span> : null}
      </span>
    )
  }
  const r = state.result
  if (!r) return null
  const latency = formatLatency(r.latencyMs, i18n.language)
  if (!r.ok) {
    const { message, hint } = describeError(t, { code: r.code as never, message: r.message })
    return (
      <span className="test-outcome fail" role="alert">
        <span className="badge fail">{t('test.failedBadge')}</span> {message}
        {r.message && r.message !== message ? (
          <span className="muted test-detail"> {r.message}</span>
        ) : null}
        {hint ? <span className="muted"> {hint}</span> : null}
      </span>
    )
  }
  return (
    <span className="test-outcome ok" role="status">
      <span className="badge ok">{t('test.okBadge')}</span> {describeOk(t, r, i18n.language)}{' '}
      <span className="muted">{t('test.latency', { latency })}</span>
    </span>
  )
}

function describeOk(
  t: (k: string, o?: Record<string, unknown>) => string,
  r: ModelTestResult,
  lng: string,
): string {
  const out = r.result ?? {}
  if (typeof out.reply === 'string') return t('test.reply', { reply: clip(out.reply) })
  if (typeof out.dimensions === 'number') return t('test.dimensions', { count: out.dimensions })
  if (typeof out.bytes === 'number') return t('test.bytes', { size: formatBytes(out.bytes, lng) })
  if (typeof out.transcript === 'string')
    return t('test.transcript', { transcript: clip(out.transcript) })
  if (r.code === 'ok_rate_limited') return t('test.rateLimited')
  return r.message || t('test.ok')
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim()
  return one.length > 120 ? `${one.slice(0, 119)}…` : one
}
