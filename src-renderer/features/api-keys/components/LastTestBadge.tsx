import { useTranslation } from 'react-i18next'
import type { LastTestView } from '../../../../src-preload/contract'
import { formatAge } from '../lib/age'

/** "✓ 3 min ago" / "✗ 401 key rejected · 1 h ago" / "Not tested yet". */
export function LastTestBadge(props: {
  last: LastTestView | undefined
  now: number
  /** The HTTP status when this session's result carried it. */
  status?: number | string
}) {
  const { last, now } = props
  const { t, i18n } = useTranslation('apiKeys')
  if (!last) return <span className="badge">{t('row.untested')}</span>
  const age = formatAge(last.at, now, i18n.language, t('age.justNow'))
  const ok = last.code.startsWith('ok')
  const m = /\((\d{3})\)|answered (\d{3})/.exec(last.message)
  const status = props.status ?? m?.[1] ?? m?.[2] ?? ''
  const what = ok ? '' : t(`result.short.${last.code}`, { status }).trim()
  const text = ok ? t('lastTest.ok', { age }) : t('lastTest.failAge', { what, age })
  return (
    // aria-label is not allowed on a plain span, so the spoken form is hidden text.
    <span className={`badge ${ok ? 'ok' : 'fail'}`} title={last.message}>
      <span className="visually-hidden">{t('lastTest.label', { result: text })}</span>
      <span aria-hidden="true">{text}</span>
    </span>
  )
}
