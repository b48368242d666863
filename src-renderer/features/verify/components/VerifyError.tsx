import { useTranslation } from 'react-i18next'
import type { ErrorBody } from '../../../../src-preload/contract'
import { describeError } from '../../../lib/errors'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { useProviderName } from '../../../lib/use-provider-name'
import { LinkedText } from '../../api-keys/components/LinkedText'

/**
 * A failed check in words: the code's translated message and hint, the provider guide's
 * troubleshooting line for that code or failure reason (issue 16), and the provider's own
 * (scrubbed) words when they add something.
 */
export function VerifyError({ error, provider }: { error: ErrorBody; provider: string | null }) {
  const { t } = useTranslation('verify')
  useProviderName() // loads the catalog, which carries the guides
  const entry = useCredentialsStore((s) => s.providers?.find((p) => p.id === provider))
  const { message, hint } = describeError(t, error)
  const reason = typeof error.params?.reason === 'string' ? error.params.reason : null
  const trouble =
    (reason ? entry?.guide?.troubleshooting[reason] : undefined) ??
    entry?.guide?.troubleshooting[error.code]
  const detail = error.message && error.message !== message ? error.message : null
  return (
    <div className="error-note verify-error" role="alert" data-code={error.code}>
      <div>
        <strong>{t('failedTitle')}</strong>
        <div>{message}</div>
        {hint ? <div className="error-note-hint">{hint}</div> : null}
        {trouble && entry ? (
          <div className="error-note-hint" data-guide-code={reason ?? error.code}>
            <strong>{t('guides:troubleTitle', { provider: entry.displayName })}</strong>{' '}
            <LinkedText
              text={t(`guides:${trouble.key}`, { ...error.params, ...(trouble.params ?? {}) })}
            />
          </div>
        ) : null}
        {detail ? (
          <div className="error-note-detail">
            {t('models:errorDetail')} <span className="mono">{detail}</span>
          </div>
        ) : null}
      </div>
    </div>
  )
}
