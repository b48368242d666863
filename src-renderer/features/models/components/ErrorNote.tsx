import { useTranslation } from 'react-i18next'
import type { ErrorBody } from '../../../../src-preload/contract'
import { describeError } from '../../../lib/errors'

/**
 * A coded error in words, next to what caused it: the translated message, its hint, and the
 * provider's own (scrubbed) words when they add something.
 */
export function ErrorNote(props: {
  error: ErrorBody
  title?: string
  action?: React.ReactNode
  id?: string
}) {
  const { t } = useTranslation('models')
  const { message, hint } = describeError(t, props.error)
  const detail = props.error.message && props.error.message !== message ? props.error.message : null
  return (
    <div className="error-note" role="alert" id={props.id}>
      <div>
        <strong>{props.title ?? message}</strong>
        {props.title ? <div>{message}</div> : null}
        {hint ? <div className="error-note-hint">{hint}</div> : null}
        {detail ? (
          <div className="error-note-detail">
            {t('errorDetail')} <span className="mono">{detail}</span>
          </div>
        ) : null}
      </div>
      {props.action ? <div className="error-note-action">{props.action}</div> : null}
    </div>
  )
}
