import { useTranslation } from 'react-i18next'

/**
 * The key would travel over plain http to another machine (DESIGN §7): saving needs this box
 * ticked, and says so next to it when it is not.
 */
export function InsecureConfirm({
  host,
  checked,
  invalid,
  onChange,
}: {
  host: string
  checked: boolean
  /** Save was tried without the confirmation. */
  invalid: boolean
  onChange: (checked: boolean) => void
}) {
  const { t } = useTranslation('apiKeys')
  return (
    <div className={`insecure-confirm ${invalid ? 'invalid' : ''}`}>
      <strong>{t('dialog.insecureTitle')}</strong>
      <p>{t('dialog.insecureBody', { host })}</p>
      <label className="check">
        <input
          type="checkbox"
          name="allowInsecureHttp"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {t('dialog.insecureConfirm')}
      </label>
      {invalid ? (
        <div className="error" role="alert">
          {t('dialog.insecureRequired')}
        </div>
      ) : null}
    </div>
  )
}
