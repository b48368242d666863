import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelType, VerifyTarget } from '../../../../src-preload/contract'
import { VERIFY_PROMPT_MAX } from '../../../../src-preload/contract/verify'
import { Skeleton } from '../../../components/Skeleton'
import { hasEnded, useVerifyStore, type VerifyStatus } from '../../../stores/use-verify-store'
import { MODEL_TYPE_KEYS } from '../../../../src-preload/contract/model-types'
import { useVerifyModel } from '../hooks/use-verify-model'
import { VerifyError } from './VerifyError'
import { VerifyMetrics } from './VerifyMetrics'

/** The status line's words per run state (none while idle or after a failure). */
const STATUS_KEY: Partial<Record<VerifyStatus, string>> = {
  starting: 'status.starting',
  waiting: 'status.waiting',
  streaming: 'status.streaming',
  done: 'status.done',
  cancelled: 'status.cancelled',
}

/** The prompt a check starts with, translated; STT sends none (it transcribes the bundled clip). */
const defaultPromptKey = (type: ModelType) =>
  type === 'speech_to_text' ? null : `defaultPrompt.${MODEL_TYPE_KEYS[type]}`

/**
 * The verification check of one registered model (issue 16): a prompt (prefilled), Send /
 * Cancel, the reply streaming in a polite live region, then the measurements. A check, not a
 * chat: each Send replaces the last answer. `autoStart` sends the default prompt on mount.
 */
export function VerifyPanel({
  target,
  autoStart = false,
}: {
  target: VerifyTarget
  autoStart?: boolean
}) {
  const { t } = useTranslation('verify')
  const model = useVerifyModel(target.modelId)
  const storeRun = useVerifyStore((s) => s.run)
  const start = useVerifyStore((s) => s.start)
  const cancel = useVerifyStore((s) => s.cancel)
  const promptId = useId()
  const replyId = useId()
  const type: ModelType | null = model?.type ?? null
  const promptKey = type ? defaultPromptKey(type) : null
  const [prompt, setPrompt] = useState<string | null>(null)
  const text = prompt ?? (promptKey ? t(promptKey) : '')
  const textRef = useRef(text)
  textRef.current = text

  // Only the run of this panel's model is shown (the store keeps the one last run).
  const run =
    storeRun &&
    storeRun.target.modelId === target.modelId &&
    storeRun.target.credentialId === target.credentialId
      ? storeRun
      : null
  const running = Boolean(run && !hasEnded(run))

  // Sends once the model is known; leaving (or a new model) cancels a check still running.
  const ready = Boolean(model)
  useEffect(() => {
    if (!autoStart || !ready) return
    void start(target, textRef.current)
    return () => void useVerifyStore.getState().cancel()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoStart, ready, target.credentialId, target.modelId])

  if (model === undefined) return <Skeleton rows={3} />
  if (model === null)
    return (
      <p className="error" role="alert">
        {t('gone')}
      </p>
    )

  const send = (e: React.FormEvent) => {
    e.preventDefault()
    if (running) return
    void start(target, text)
  }
  const statusKey = run ? STATUS_KEY[run.status] : undefined
  const sendLabel = type === 'speech_to_text' ? t('transcribe') : run ? t('sendAgain') : t('send')

  return (
    <div
      className="verify-panel stack"
      data-testid="verify-panel"
      data-status={run?.status ?? 'idle'}
    >
      <p className="muted">{t(`intro.${MODEL_TYPE_KEYS[model.type]}`)}</p>
      <form className="verify-form stack" onSubmit={send}>
        {promptKey ? (
          <div className="field">
            <label htmlFor={promptId}>
              {model.type === 'language' ? t('promptLabel') : t('textLabel')}
            </label>
            <textarea
              id={promptId}
              rows={2}
              maxLength={VERIFY_PROMPT_MAX}
              value={text}
              readOnly={running}
              onChange={(e) => setPrompt(e.target.value)}
            />
          </div>
        ) : null}
        <div className="row">
          {running ? (
            <button type="button" className="btn" onClick={() => void cancel()}>
              {t('cancel')}
            </button>
          ) : (
            <button
              type="submit"
              className="btn primary"
              disabled={Boolean(promptKey) && !text.trim()}
            >
              {sendLabel}
            </button>
          )}
          {statusKey ? (
            <span className="muted verify-status" role="status">
              {t(statusKey)}
            </span>
          ) : null}
        </div>
      </form>
      {model.type === 'language' ? (
        <section className="verify-reply-box" aria-labelledby={replyId}>
          <h3 id={replyId} className="verify-reply-title">
            {t('replyLabel')}
          </h3>
          <div className="verify-reply" aria-live="polite" data-testid="verify-reply">
            {run?.text ? run.text : run?.status === 'done' ? t('replyEmpty') : null}
            {run?.status === 'streaming' ? <span className="verify-caret" aria-hidden /> : null}
          </div>
        </section>
      ) : null}
      {run?.error ? <VerifyError error={run.error} provider={model.provider} /> : null}
      {run && (run.started || run.result) ? <VerifyMetrics run={run} model={model} /> : null}
    </div>
  )
}
