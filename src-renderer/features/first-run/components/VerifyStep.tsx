/**
 * The flow's last step: prove a model answers. VERIFY-PANEL: a stand-in until the verification
 * chat panel (issue 16, `verify`) lands — it runs the chat default's model test (a tiny chat
 * completion through main) and shows the reply; replace the body with that panel, keeping the
 * props, once it is on main.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErrorBody, ModelTestResult } from '../../../../src-preload/contract'
import { api, unwrap } from '../../../lib/api'
import { describeError, errorBodyOf } from '../../../lib/errors'

/** Runs the check on `modelId` (else the chat default) and shows the reply; `onDone` finishes. */
export function VerifyStep({ modelId, onDone }: { modelId: string | null; onDone: () => void }) {
  const { t } = useTranslation('firstRun')
  const [result, setResult] = useState<ModelTestResult | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const [running, setRunning] = useState(false)

  const run = async () => {
    setRunning(true)
    setError(null)
    setResult(null)
    try {
      const id =
        modelId ?? (await unwrap(api().defaults.get({}))).slots.chat.effectiveModelId ?? null
      if (!id) throw new Error('no model')
      setResult(await unwrap(api().models.test({ modelId: id })))
    } catch (err) {
      setError(errorBodyOf(err))
    } finally {
      setRunning(false)
    }
  }
  useEffect(() => {
    void run()
    // Once per model: the user re-runs it with the button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modelId])

  const failed =
    error ?? (result && !result.ok ? { code: result.code, message: result.message } : null)
  const err = failed ? describeError(t, failed as ErrorBody) : null
  return (
    <div className="first-run-verify stack" data-testid="first-run-verify">
      <p>{t('verify.body')}</p>
      {running ? <p role="status">{t('verify.running')}</p> : null}
      {result?.ok ? (
        <div className="first-run-reply" role="status">
          <span className="muted">
            {t('verify.answered', { model: result.name, ms: result.latencyMs })}
          </span>
          {result.result?.reply !== undefined ? (
            <blockquote>{result.result.reply}</blockquote>
          ) : (
            <p>{t('verify.dimensions', { dimensions: result.result?.dimensions ?? 0 })}</p>
          )}
        </div>
      ) : null}
      {err ? (
        <p className="error" role="alert">
          {err.message} {err.hint}
        </p>
      ) : null}
      <div className="row">
        <button type="button" className="btn" disabled={running} onClick={() => void run()}>
          {t('verify.again')}
        </button>
        <button type="button" className="btn primary" onClick={onDone}>
          {t('verify.done')}
        </button>
      </div>
    </div>
  )
}
