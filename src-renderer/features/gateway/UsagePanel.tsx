import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatewayLimitsView, GatewayUsageView } from '../../../src-preload/contract'
import { EmptyState } from '../../components/EmptyState'
import { Skeleton } from '../../components/Skeleton'
import { useGatewayStore } from '../../stores/use-gateway-store'

const BAR_W = 240
const ROW_H = 22

/**
 * A small horizontal bar chart of requests per token × model (plain SVG: errors drawn as the
 * red part of each bar). The table beside it carries the same numbers for screen readers.
 */
function UsageChart({ rows, label }: { rows: GatewayUsageView[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.requests))
  return (
    <svg
      className="usage-chart"
      role="img"
      aria-label={label}
      width={BAR_W + 8}
      height={rows.length * ROW_H}
      viewBox={`0 0 ${BAR_W + 8} ${rows.length * ROW_H}`}
    >
      {rows.map((r, i) => {
        const w = Math.max(2, (r.requests / max) * BAR_W)
        const e = r.requests ? (r.errors / r.requests) * w : 0
        return (
          <g key={`${r.tokenId}|${r.model}`} transform={`translate(0 ${i * ROW_H + 4})`}>
            <rect className="bar" width={w} height={ROW_H - 8} rx={3} />
            {e > 0 ? (
              <rect className="bar-error" x={w - e} width={e} height={ROW_H - 8} rx={3} />
            ) : null}
          </g>
        )
      })}
    </svg>
  )
}

/** Usage per token × model, with its chart. */
export function UsagePanel({ onRefresh }: { onRefresh: () => void }) {
  const { t, i18n } = useTranslation('gateway')
  const id = useId()
  const usage = useGatewayStore((s) => s.usage)
  const n = (v: number) => v.toLocaleString(i18n.language)
  return (
    <section className="card settings-section" aria-labelledby={`${id}-h`}>
      <div className="row spread">
        <h2 id={`${id}-h`}>{t('usage.title')}</h2>
        <button type="button" className="btn small" onClick={onRefresh}>
          {t('usage.refresh')}
        </button>
      </div>
      {!usage ? (
        <Skeleton rows={2} />
      ) : usage.length === 0 ? (
        <EmptyState title={t('usage.emptyTitle')} body={t('usage.emptyBody')} />
      ) : (
        <div className="usage">
          <UsageChart rows={usage} label={t('usage.chartLabel')} />
          <table className="list" aria-labelledby={`${id}-h`}>
            <thead>
              <tr>
                <th scope="col">{t('usage.token')}</th>
                <th scope="col">{t('usage.model')}</th>
                <th scope="col">{t('usage.requests')}</th>
                <th scope="col">{t('usage.errors')}</th>
                <th scope="col">{t('usage.input')}</th>
                <th scope="col">{t('usage.output')}</th>
              </tr>
            </thead>
            <tbody>
              {usage.map((u) => (
                <tr key={`${u.tokenId}|${u.model}`}>
                  <td>{u.name}</td>
                  <td className="mono">{u.model}</td>
                  <td>{n(u.requests)}</td>
                  <td>{n(u.errors)}</td>
                  <td>{n(u.inputTokens)}</td>
                  <td>{n(u.outputTokens)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** Each credential's latest rate-limit state as the gateway last saw it. */
export function LimitsPanel() {
  const { t, i18n } = useTranslation('gateway')
  const id = useId()
  const limits = useGatewayStore((s) => s.limits)
  const pair = (rem: number | null, lim: number | null) =>
    rem === null && lim === null ? '—' : `${rem ?? '?'} / ${lim ?? '?'}`
  const at = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString(i18n.language) : '—')
  return (
    <section className="card settings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('limits.title')}</h2>
      <p className="muted">{t('limits.explain')}</p>
      {!limits ? (
        <Skeleton rows={1} />
      ) : limits.length === 0 ? (
        <EmptyState title={t('limits.emptyTitle')} body={t('limits.emptyBody')} />
      ) : (
        <table className="list" aria-labelledby={`${id}-h`}>
          <thead>
            <tr>
              <th scope="col">{t('limits.credential')}</th>
              <th scope="col">{t('limits.requests')}</th>
              <th scope="col">{t('limits.tokens')}</th>
              <th scope="col">{t('limits.resets')}</th>
              <th scope="col">{t('limits.state')}</th>
            </tr>
          </thead>
          <tbody>
            {limits.map((l: GatewayLimitsView) => (
              <tr key={l.credentialId}>
                <td>
                  {l.credentialName} <span className="muted">({l.provider})</span>
                </td>
                <td>{pair(l.requestsRemaining, l.requestsLimit)}</td>
                <td>{pair(l.tokensRemaining, l.tokensLimit)}</td>
                <td>{at(l.requestsReset ?? l.tokensReset)}</td>
                <td>
                  <span className={`badge ${l.disabled ? 'fail' : 'ok'}`}>
                    {l.disabled ? t('limits.disabled') : t('limits.active')}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
