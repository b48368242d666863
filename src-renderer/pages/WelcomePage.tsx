import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/PageHeader'
import { CHOICE_TABLE, type FirstRunChoice } from '../features/first-run/choices'
import { ChoiceGrid } from '../features/first-run/components/ChoiceGrid'
import { DetectedStrip } from '../features/first-run/components/DetectedStrip'
import { KeyFlow } from '../features/first-run/components/KeyFlow'
import { LocalFlow } from '../features/first-run/components/LocalFlow'
import { savePreferences } from '../lib/preferences'
import { useNavStore } from '../stores/use-nav-store'

/**
 * The first-run screen (issue 16): "What do you want?", then the chosen flow. The landing page
 * while the store is empty; "Skip for now" remembers the dismissal (a preference in main) and
 * goes to the overview; Settings → "Run setup again" comes back here.
 */
export function WelcomePage() {
  const { t } = useTranslation('firstRun')
  const go = useNavStore((s) => s.go)
  const [choice, setChoice] = useState<FirstRunChoice | null>(null)

  const leave = async () => {
    await savePreferences({ firstRunDismissed: true })
    go('home')
  }

  return (
    <>
      <PageHeader
        title={t('common:pages.welcome.title')}
        subtitle={t('common:pages.welcome.subtitle')}
        actions={
          <>
            {choice ? (
              <button type="button" className="btn" onClick={() => setChoice(null)}>
                {t('back')}
              </button>
            ) : null}
            <button type="button" className="btn" onClick={() => void leave()}>
              {t('skip')}
            </button>
          </>
        }
      />
      <div className="first-run stack">
        {choice === null ? (
          <>
            <DetectedStrip onUse={() => setChoice('private')} />
            <ChoiceGrid onChoose={setChoice} />
          </>
        ) : CHOICE_TABLE[choice].flow === 'local' ? (
          <LocalFlow onFinished={() => go('home')} />
        ) : (
          <KeyFlow
            key={choice}
            providers={CHOICE_TABLE[choice].providers}
            onFinished={() => go('home')}
          />
        )}
      </div>
    </>
  )
}
