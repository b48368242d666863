import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProviderFormView } from '../../../../src-preload/contract'
import { defaultSlots } from '../../../../src-preload/contract/slot-names'
import { LinkedText } from './LinkedText'

/**
 * A provider's guide inside the add / edit dialog (issue 16): how to get a key, its usual shape,
 * the recommended models per slot and, for local servers, the memory a model needs. A disclosure
 * (WAI-ARIA APG): a native button with aria-expanded and aria-controls, so Enter and Space work;
 * open when adding, closed when editing. Links in the steps open through `app:openLink`.
 */
export function ProviderGuide({
  provider,
  initiallyOpen,
}: {
  provider: ProviderFormView
  initiallyOpen: boolean
}) {
  const { t } = useTranslation('guides')
  const { t: tm } = useTranslation('models')
  const [open, setOpen] = useState(initiallyOpen)
  const bodyId = useId()
  const guide = provider.guide
  const recommended = defaultSlots.filter((s) => guide.recommended[s]?.length)
  return (
    <section className="provider-guide">
      <button
        type="button"
        className="guide-toggle"
        data-no-autofocus=""
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="guide-caret" aria-hidden="true" />
        {t('guide.toggle', { provider: provider.displayName })}
      </button>
      <div id={bodyId} className="guide-body" hidden={!open}>
        <p className="guide-heading">
          <strong>{t(guide.keyUrl ? 'guide.stepsTitle' : 'guide.stepsTitleLocal')}</strong>
        </p>
        <ol className="guide-steps">
          {guide.steps.map((s) => (
            <li key={s.key}>
              <LinkedText text={t(s.key, s.params ?? {})} />
            </li>
          ))}
        </ol>
        {guide.keyShapes.length ? (
          <p className="guide-shape">
            {t('guide.keyShape', { shapes: guide.keyShapes.map((s) => s.label).join(' / ') })}
          </p>
        ) : null}
        {recommended.length ? (
          <>
            <p className="guide-heading">
              <strong>{t('guide.recommendedTitle')}</strong>
            </p>
            <ul className="guide-recommended">
              {recommended.map((slot) => (
                <li key={slot}>
                  {t('guide.recommendedRow', {
                    slot: tm(`slots.${slot}.label`),
                    models: guide.recommended[slot]!.join(', '),
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {guide.memory ? (
          <>
            <p className="guide-heading">
              <strong>{t('guide.memoryTitle')}</strong>
            </p>
            <ul className="guide-memory">
              {guide.memory.map((m) => (
                <li key={m.size}>
                  {t('guide.memoryRow', {
                    size: m.size,
                    min: m.memoryGb[0],
                    max: m.memoryGb[1],
                    ram: m.ramGb,
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  )
}
