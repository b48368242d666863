/**
 * The key flows of the first-run screen (cloud, lowest cost, enterprise): pick a provider → add
 * its key (the API Keys dialog) → the connection test runs by itself → discovery opens with the
 * recommended models pre-selected → defaults are auto-assigned → a verification check. Each step
 * calls the same stores and channels the pages use; main does the work.
 */
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  AutoAssignResult,
  ConnectionTestView,
  CredentialView,
  ErrorBody,
} from '../../../../src-preload/contract'
import { describeError, errorBodyOf } from '../../../lib/errors'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { useDefaultsStore } from '../../../stores/use-defaults-store'
import { useModelsStore } from '../../../stores/use-models-store'
import { CredentialDialog } from '../../api-keys/components/CredentialDialog'
import { TestResult } from '../../api-keys/components/TestResult'
import { FLOW_STEPS, type FlowStep } from '../choices'
import { FlowProgress } from './FlowProgress'
import { VerifyStep } from './VerifyStep'

export function KeyFlow({
  providers: offered,
  onFinished,
}: {
  providers: readonly string[]
  onFinished: () => void
}) {
  const { t } = useTranslation('firstRun')
  const headingId = useId()
  const providers = useCredentialsStore((s) => s.providers)
  const loadProviders = useCredentialsStore((s) => s.loadProviders)
  const discoveryOpen = useModelsStore((s) => s.discovery.open)
  const [step, setStep] = useState<FlowStep>('addKey')
  const [dialog, setDialog] = useState<{ provider: string; edit: boolean } | null>(null)
  const [cred, setCred] = useState<CredentialView | null>(null)
  const [test, setTest] = useState<ConnectionTestView | null>(null)
  const [assigned, setAssigned] = useState<AutoAssignResult | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const [noModels, setNoModels] = useState(false)
  const [wasOpen, setWasOpen] = useState(false)

  useEffect(() => {
    if (!providers) void loadProviders()
  }, [providers, loadProviders])

  const runTest = async (c: CredentialView) => {
    setStep('test')
    setTest(null)
    const result = await useCredentialsStore.getState().test(c.id)
    setTest(result)
    if (result?.ok) openDiscovery(c)
  }
  const openDiscovery = (c: CredentialView) => {
    setStep('discover')
    setNoModels(false)
    useModelsStore.getState().openDiscovery(c.id)
  }
  // Discovery closed: registered models → auto-assign defaults; none → say so, offer to reopen.
  useEffect(() => {
    if (step !== 'discover') return
    if (discoveryOpen) return setWasOpen(true)
    if (!wasOpen || !cred) return
    setWasOpen(false)
    void (async () => {
      const models = await useModelsStore
        .getState()
        .modelsOf(cred.id)
        .catch(() => [])
      if (models.length === 0) return setNoModels(true)
      setStep('defaults')
      try {
        setAssigned(await useDefaultsStore.getState().autoAssignFor())
        setStep('verify')
      } catch (err) {
        setError(errorBodyOf(err))
      }
    })()
  }, [step, discoveryOpen, wasOpen, cred])

  const formOf = (id: string) => providers?.find((p) => p.id === id) ?? null
  const dialogProvider = dialog ? formOf(dialog.provider) : null
  const err = error ? describeError(t, error) : null

  return (
    <section className="first-run-flow stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`flowTitle.${step}`)}</h2>
      <FlowProgress steps={FLOW_STEPS.key} current={step} />
      {step === 'addKey' ? (
        <>
          <p className="muted">{t('addKey.body')}</p>
          <ul className="first-run-provider-list">
            {offered.map((id, i) => (
              <li key={id}>
                <button
                  type="button"
                  className={`btn${i === 0 ? ' primary' : ''}`}
                  disabled={!formOf(id)}
                  onClick={() => setDialog({ provider: id, edit: false })}
                >
                  {t('addKey.add', { provider: formOf(id)?.displayName ?? id })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {step === 'test' ? (
        test ? (
          <div className="stack">
            <TestResult result={test} />
            {!test.ok && cred ? (
              <div className="row">
                <button
                  type="button"
                  className="btn primary"
                  onClick={() => setDialog({ provider: cred.provider, edit: true })}
                >
                  {t('test.changeKey')}
                </button>
                <button type="button" className="btn" onClick={() => void runTest(cred)}>
                  {t('test.again')}
                </button>
              </div>
            ) : null}
          </div>
        ) : (
          <p role="status">{t('test.running')}</p>
        )
      ) : null}
      {step === 'discover' ? (
        <div className="stack">
          <p className="muted">{noModels ? t('discover.none') : t('discover.body')}</p>
          <div className="row">
            <button type="button" className="btn" onClick={() => cred && openDiscovery(cred)}>
              {t('discover.reopen')}
            </button>
          </div>
        </div>
      ) : null}
      {step === 'defaults' ? (
        err ? (
          <p className="error" role="alert">
            {err.message} {err.hint}
          </p>
        ) : (
          <p role="status">{t('defaults.running')}</p>
        )
      ) : null}
      {step === 'verify' ? (
        <>
          {assigned ? (
            <p role="status">
              {assigned.assigned.length
                ? t('defaults.assigned', {
                    slots: assigned.assigned
                      .map((a) => t(`models:slots.${a.slot}.label`))
                      .join(', '),
                  })
                : t('defaults.nothing')}
            </p>
          ) : null}
          <VerifyStep modelId={null} onDone={onFinished} />
        </>
      ) : null}
      {dialog && dialogProvider ? (
        <CredentialDialog
          provider={dialogProvider}
          credential={dialog.edit ? cred : null}
          onClose={() => setDialog(null)}
          onSaved={(view) => {
            setCred(view)
            void runTest(view)
          }}
        />
      ) : null}
    </section>
  )
}
