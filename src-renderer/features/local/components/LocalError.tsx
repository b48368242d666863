import { useTranslation } from 'react-i18next'

/** An error in words on the Local page (message in bold, then its hint), with Retry when given. */
export function LocalError({
  error,
  onRetry,
}: {
  error: { message: string; hint: string } | null
  onRetry?: () => void
}) {
  const { t } = useTranslation('local')
  return (
    <div className="local-error" role="alert">
      <strong>{error?.message}</strong> {error?.hint}
      {onRetry ? (
        <>
          {' '}
          <button type="button" className="btn small" onClick={onRetry}>
            {t('common:retry')}
          </button>
        </>
      ) : null}
    </div>
  )
}
