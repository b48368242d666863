import { useTranslation } from 'react-i18next'
import { describeError } from '../../../lib/errors'
import { useLocalStore, type PullEntry } from '../../../stores/use-local-store'
import { formatBytes, formatEta, formatSpeed, percentOf } from '../format'
import { JobRow } from './JobRow'

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
    <JobRow
      name={pull.model}
      data={{ 'data-model': pull.model }}
      status={statusText}
      failed={Boolean(failed)}
      over={done}
      onCancel={() => void cancelPull(pull.jobId).catch(() => undefined)}
      onDismiss={() => dismissPull(pull.jobId)}
      cancelLabel={t('pull.cancelLabel', { model: pull.model })}
      bar={{
        label: t('pull.progressLabel', { model: pull.model }),
        percent: pct,
        valueText: pct === null ? t('pull.waiting') : t('pull.percent', { percent: pct }),
      }}
      facts={facts}
      error={err}
    />
  )
}
