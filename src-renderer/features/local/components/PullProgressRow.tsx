import { useTranslation } from 'react-i18next'
import { describeError } from '../../../lib/errors'
import { useLocalStore, type PullEntry } from '../../../stores/use-local-store'
import { formatBytes, formatEta, formatSpeed, percentOf } from '../format'
import { LocalError } from './LocalError'

/** One pull: a percent bar (aria-valuenow), bytes, speed, ETA, Cancel; its error when it failed. */
export function PullProgressRow({ pull }: { pull: PullEntry }) {
  const { t, i18n } = useTranslation('local')
  const cancelPull = useLocalStore((s) => s.cancelPull)
  const dismissPull = useLocalStore((s) => s.dismissPull)
  const p = pull.progress
  const pct = percentOf(p?.percent ?? null)
  const lng = i18n.language
  const done = p?.done ?? false
  const failed = done && p?.error && p.error.code !== 'cancelled'
  const cancelled = done && p?.error?.code === 'cancelled'
  const speed = formatSpeed(p?.bytesPerSecond ?? null, lng)
  const eta = formatEta(p?.etaSeconds ?? null)

  const facts: string[] = []
  if (p && p.totalBytes > 0) {
    facts.push(
      t('pull.bytes', {
        done: formatBytes(p.completedBytes, lng),
        total: formatBytes(p.totalBytes, lng),
      }),
    )
  }
  if (!done && speed) facts.push(speed)
  if (!done && eta) facts.push(t('pull.eta', { eta }))
  if (p?.resumedBytes) facts.push(t('pull.resumed', { bytes: formatBytes(p.resumedBytes, lng) }))

  const statusText = !p
    ? t('pull.starting')
    : cancelled
      ? t('pull.cancelled')
      : failed
        ? t('pull.failed')
        : done
          ? t('pull.success')
          : p.status
  const err =
    failed && p?.error ? describeError(t, { code: p.error.code, message: p.error.message }) : null

  return (
    <li className={`local-pull${failed ? ' failed' : ''}`} data-model={pull.model}>
      <div className="row">
        <strong className="mono">{pull.model}</strong>
        <span className="muted" aria-live="polite">
          {statusText}
        </span>
        <span className="spacer" />
        {done ? (
          <button type="button" className="btn small" onClick={() => dismissPull(pull.jobId)}>
            {t('pull.dismiss')}
          </button>
        ) : (
          <button
            type="button"
            className="btn small"
            aria-label={t('pull.cancelLabel', { model: pull.model })}
            onClick={() => void cancelPull(pull.jobId).catch(() => undefined)}
          >
            {t('pull.cancel')}
          </button>
        )}
      </div>
      <div
        className="local-bar"
        role="progressbar"
        aria-label={t('pull.progressLabel', { model: pull.model })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? t('pull.waiting') : t('pull.percent', { percent: pct })}
      >
        <div
          className={`local-bar-fill${failed ? ' failed' : ''}`}
          style={{ width: `${pct ?? 0}%` }}
        />
      </div>
      <div className="row muted local-pull-facts">
        {pct !== null ? <span>{t('pull.percent', { percent: pct })}</span> : null}
        {facts.map((f) => (
          <span key={f}>{f}</span>
        ))}
      </div>
      {err ? <LocalError error={err} /> : null}
    </li>
  )
}
