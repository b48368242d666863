import { useTranslation } from 'react-i18next'
import type { ProviderFormView } from '../../../../src-preload/contract'

/** The providers without a credential yet, as a compact list of "add" tiles, cloud then local. */
export function AddProviderList(props: {
  providers: ProviderFormView[]
  onAdd: (p: ProviderFormView) => void
}) {
  const { t } = useTranslation('apiKeys')
  if (!props.providers.length) return null
  const groups = [
    {
      key: 'cloud',
      list: props.providers.filter((p) => !p.local && !p.id.endsWith('_compatible')),
    },
    { key: 'local', list: props.providers.filter((p) => p.local || p.id.endsWith('_compatible')) },
  ].filter((g) => g.list.length)
  return (
    <section className="add-providers" aria-labelledby="add-providers-title">
      <h2 id="add-providers-title">{t('addProvider')}</h2>
      <p className="muted">{t('addProviderHint')}</p>
      {groups.map((g) => (
        <div key={g.key} className="add-group">
          <h3 className="muted">{t(`groups.${g.key}`)}</h3>
          <ul className="provider-tiles">
            {g.list.map((p) => (
              <li key={p.id} className="provider-tile-item">
                {/* The modalities sit outside the button, drawn over its lower half: a button's
                    visible text must be part of its name (WCAG 2.5.3). Its title says them. */}
                <button
                  type="button"
                  className="provider-tile"
                  onClick={() => props.onAdd(p)}
                  aria-label={t('addCredentialFor', { provider: p.displayName })}
                  data-provider={p.id}
                  title={p.modalities.map((m) => t(`modalities.${m}`)).join(' · ')}
                >
                  <span className="tile-name">{p.displayName}</span>
                  <span className="tile-plus" aria-hidden="true">
                    +
                  </span>
                </button>
                <span className="tile-sub muted" aria-hidden="true">
                  {p.modalities.map((m) => t(`modalities.${m}`)).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
