import { useTranslation } from 'react-i18next'
import { describeError } from '../../../lib/errors'
import { useLocalStore } from '../../../stores/use-local-store'
import { SETUP_STEPS, type SetupFlow } from '../hooks/use-setup-flow'
import { LocalError } from './LocalError'
import { PullProgressRow } from './PullProgressRow'

const STEP_ICON = { pending: '○', running: '…', done: '✓', skipped: '–', failed: '✗' } as const

/** The running setup: each step with its state, the pull's progress, the first reply. */
export function SetupFlowPanel({ flow, onClose }: { flow: SetupFlow; onClose: () => void }) {
  const { t } = useTranslation('local')
  const pull = useLocalStore((s) => (flow.pullJobId ? s.pulls[flow.pullJobId] : undefined))
  const err = flow.error ? describeError(t, flow.error.body) : null
  return (
    <div
      className="local-flow"
      role="group"
      aria-label={t('setup.flowLabel', { model: flow.model })}
    >
      <div className="row">
        <strong>{t('setup.flowTitle', { model: flow.model })}</strong>
        <span className="spacer" />
        {flow.finished ? (
          <button type="button" className="btn small" onClick={onClose}>
            {t('common:close')}
          </button>
        ) : null}
      </div>
      <ol className="local-steps">
        {SETUP_STEPS.map((step) => (
          <li
            key={step}
            className={`local-step ${flow.steps[step]}`}
            data-step={step}
            data-state={flow.steps[step]}
          >
            <span aria-hidden="true" className="local-step-icon">
              {STEP_ICON[flow.steps[step]]}
            </span>
            <span>{t(`setup.step.${step}`, { slot: t(`slots.${flow.slot}`) })}</span>
            <span className="visually-hidden">{t(`setup.stepState.${flow.steps[step]}`)}</span>
            {step === 'pull' && pull && flow.steps.pull === 'running' ? (
              <ul className="local-pulls">
                <PullProgressRow pull={pull} />
              </ul>
            ) : null}
            {flow.error?.step === step && err ? <LocalError error={err} /> : null}
          </li>
        ))}
      </ol>
      {flow.steps.test === 'done' ? (
        <div className="local-reply" role="status">
          {flow.reply !== null ? (
            <>
              <span className="muted">{t('setup.reply', { ms: flow.latencyMs ?? 0 })}</span>
              <blockquote>{flow.reply}</blockquote>
            </>
          ) : (
            <span>
              {t('setup.embedded', { dimensions: flow.dimensions ?? 0, ms: flow.latencyMs ?? 0 })}
            </span>
          )}
          <p>{t('setup.allSet')}</p>
        </div>
      ) : null}
    </div>
  )
}
