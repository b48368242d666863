import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useProviderName } from '../../../lib/use-provider-name'
import { CHOICE_TABLE, FIRST_RUN_CHOICES, type FirstRunChoice } from '../choices'

/** "What do you want?": the four answers as large buttons, each naming what it offers. */
export function ChoiceGrid({ onChoose }: { onChoose: (choice: FirstRunChoice) => void }) {
  const { t } = useTranslation('firstRun')
  const nameOf = useProviderName()
  const headingId = useId()
  return (
    <section className="first-run-choices" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('question')}</h2>
      <ul className="first-run-grid">
        {FIRST_RUN_CHOICES.map((choice) => (
          <li key={choice}>
            <button
              type="button"
              className="first-run-choice"
              data-choice={choice}
              aria-describedby={`${headingId}-${choice}`}
              onClick={() => onChoose(choice)}
            >
              <span className="first-run-choice-title">{t(`choice.${choice}.title`)}</span>
              <span className="muted" id={`${headingId}-${choice}`}>
                {t(`choice.${choice}.body`)}
              </span>
              <span className="first-run-providers">
                {CHOICE_TABLE[choice].providers.map((p) => nameOf(p)).join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
