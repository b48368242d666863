import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AttentionItem } from '../../../../src-preload/contract'
import { useProviderName } from '../../../lib/use-provider-name'
import { useNavStore } from '../../../stores/use-nav-store'
import { useOverviewStore } from '../../../stores/use-overview-store'

/** What needs attention (computed in main), each with its one-click fix. */
export function AttentionList({ items }: { items: AttentionItem[] }) {
  const { t } = useTranslation('home')
  const headingId = useId()
  return (
    <section className="card overview-attention" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('attention.title')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('attention.none')}</p>
      ) : (
        <ul className="overview-list">
          {items.map((item) => (
            <Item key={keyOf(item)} item={item} />
          ))}
        </ul>
      )}
    </section>
  )
}

const keyOf = (i: AttentionItem) =>
  i.kind === 'stale_default' ? `${i.kind}:${i.slot}` : `${i.kind}:${i.credentialId}`

function Item({ item }: { item: AttentionItem }) {
  const { t } = useTranslation('home')
  const nameOf = useProviderName()
  const go = useNavStore((s) => s.go)
  const retest = useOverviewStore((s) => s.retest)
  const busy = useOverviewStore((s) =>
    item.kind === 'stale_default' ? false : Boolean(s.retesting[item.credentialId]),
  )
  let text: string
  if (item.kind === 'stale_default') {
    text = t('attention.staleDefault', { slot: t(`models:slots.${item.slot}.label`) })
  } else {
    const who = { name: item.name, provider: nameOf(item.provider) }
    if (item.kind === 'failing_key')
      text = t('attention.failingKey', {
        ...who,
        code: t(`apiKeys:result.short.${item.code}`, { status: '' }).trim(),
      })
    else if (item.kind === 'undecryptable_key') text = t('attention.undecryptable', who)
    else if (item.days === null) text = t('attention.neverTested', who)
    else text = t('attention.oldTest', { ...who, count: item.days })
  }
  const fix =
    item.kind === 'failing_key' || item.kind === 'untested_key' ? (
      <button
        type="button"
        className="btn small"
        disabled={busy}
        onClick={() => void retest(item.credentialId)}
      >
        {busy ? t('fix.retesting') : t('fix.retest')}
      </button>
    ) : item.fix === 'open_defaults' ? (
      <button type="button" className="btn small" onClick={() => go('models')}>
        {t('fix.openDefaults')}
      </button>
    ) : (
      <button type="button" className="btn small" onClick={() => go('apiKeys')}>
        {t('fix.openApiKeys')}
      </button>
    )
  return (
    <li className={`overview-item attention-${item.kind}`} data-kind={item.kind}>
      <span className={`badge ${item.kind === 'untested_key' ? 'warn' : 'fail'}`}>
        {t(`attention.kind.${item.kind}`)}
      </span>
      <span className="overview-item-text">{text}</span>
      {fix}
    </li>
  )
}
