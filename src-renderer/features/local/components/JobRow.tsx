import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { describeError } from '../../../lib/errors'
import { LocalError } from './LocalError'

interface JobRowProps {
  name: string
  /** Attributes that let a page or a test find the row (`data-model`, `data-import`). */
  data: Record<`data-${string}`, string>
  status: ReactNode
  failed: boolean
  /** Finished (any way): Dismiss replaces Cancel. */
  over: boolean
  onCancel: () => void
  onDismiss: () => void
  cancelLabel: string
  /** The percent bar (aria-valuenow); null hides it. */
  bar: { label: string; percent: number | null; valueText: string } | null
  /** Facts under the bar after the percent (bytes, speed, ETA); null hides the line. */
  facts: string[] | null
  error: ReturnType<typeof describeError> | null
}

/** One long job in main (an Ollama pull, a GGUF import): status, Cancel/Dismiss, bar, facts, error. */
export function JobRow(props: JobRowProps) {
  const { t } = useTranslation('local')
  const pct = props.bar?.percent ?? null
  return (
    <li className={`local-pull${props.failed ? ' failed' : ''}`} {...props.data}>
      <div className="row">
        <strong className="mono">{props.name}</strong>
        <span className="muted" aria-live="polite">
          {props.status}
        </span>
        <span className="spacer" />
        {props.over ? (
          <button type="button" className="btn small" onClick={props.onDismiss}>
            {t('pull.dismiss')}
          </button>
        ) : (
          <button
            type="button"
            className="btn small"
            aria-label={props.cancelLabel}
            onClick={props.onCancel}
          >
            {t('pull.cancel')}
          </button>
        )}
      </div>
      {props.bar ? (
        <div
          className="local-bar"
          role="progressbar"
          aria-label={props.bar.label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct ?? undefined}
          aria-valuetext={props.bar.valueText}
        >
          <div
            className={`local-bar-fill${props.failed ? ' failed' : ''}`}
            style={{ width: `${pct ?? 0}%` }}
          />
        </div>
      ) : null}
      {props.facts ? (
        <div className="row muted local-pull-facts">
          {pct !== null ? <span>{t('pull.percent', { percent: pct })}</span> : null}
          {props.facts.map((f) => (
            <span key={f}>{f}</span>
          ))}
        </div>
      ) : null}
      {props.error ? <LocalError error={props.error} /> : null}
    </li>
  )
}
