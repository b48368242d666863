/**
 * The private / offline flow of the first-run screen: the local servers detection finds (connect
 * one with one click), or Ollama's recommended models set up offline by main's offline-setup job
 * (pull → register → default → first test), then the verification check. No key at any step.
 */
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalStore } from '../../../stores/use-local-store'
import { useOfflineSetupStore } from '../../../stores/use-offline-setup-store'
import { OfflineSetup } from '../../local/components/OfflineSetup'
import { ServerCards } from '../../local/components/ServerCards'
import { credentialFor } from '../../local/format'
import { useLocalLive } from '../../local/hooks/use-local-live'
import { FLOW_STEPS, type FlowStep } from '../choices'
import { FlowProgress } from './FlowProgress'
import { VerifyStep } from './VerifyStep'
import { selectCredentialList, useCredentialsStore } from '../../../stores/use-credentials-store'

export function LocalFlow({ onFinished }: { onFinished: () => void }) {
  const { t } = useTranslation('firstRun')
  useLocalLive()
  const headingId = useId()
  const detect = useLocalStore((s) => s.detect)
  const status = useLocalStore((s) => s.detectStatus)
  const credentials = useCredentialsStore(selectCredentialList)
  const jobs = useOfflineSetupStore((s) => s.jobs)
  // undefined: not verifying yet; null: verify the chat default; else that model.
  const [verify, setVerify] = useState<string | null | undefined>(undefined)

  const servers = detect?.servers ?? []
  const ollama = servers.find((s) => s.kind === 'ollama') ?? null
  const setups = Object.values(jobs)
  const running = setups.some((j) => !j.finished)
  const succeeded = setups.find((j) => j.finished && j.steps.test === 'done' && j.modelId)
  // A setup that ended well moves the walk on to the check, on the model it set up.
  useEffect(() => {
    if (succeeded && verify === undefined) setVerify(succeeded.modelId)
  }, [succeeded, verify])
  const connected = servers.filter((s) => credentialFor(s, credentials) !== null)
  const step: FlowStep = verify !== undefined ? 'verify' : running ? 'setup' : 'server'

  return (
    <section className="first-run-flow stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`flowTitle.${step}`)}</h2>
      <FlowProgress steps={FLOW_STEPS.local} current={step} />
      {step === 'verify' ? (
        <VerifyStep modelId={verify ?? null} onDone={onFinished} />
      ) : (
        <>
          <p className="muted">{t('local.body')}</p>
          <ServerCards
            servers={servers}
            loading={status === 'loading'}
            swept={Boolean(detect)}
            empty={<p>{t('local.none')}</p>}
          />
          {connected.length && !running ? (
            <div className="row">
              <button type="button" className="btn primary" onClick={() => setVerify(null)}>
                {t('local.continue')}
              </button>
            </div>
          ) : null}
          {detect ? <OfflineSetup servers={servers} ollama={ollama} /> : null}
        </>
      )}
    </section>
  )
}
