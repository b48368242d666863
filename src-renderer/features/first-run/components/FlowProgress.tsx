import { useTranslation } from 'react-i18next'
import { stepState, type FlowStep } from '../choices'

const MARK = { done: '✓', current: '●', todo: '○' } as const

/** Where the walk stands: each step of the flow, done / current / to do, for sight and for ears. */
export function FlowProgress({
  steps,
  current,
}: {
  steps: readonly FlowStep[]
  current: FlowStep
}) {
  const { t } = useTranslation('firstRun')
  return (
    <ol className="first-run-progress" aria-label={t('progressLabel')}>
      {steps.map((step) => {
        const state = stepState(steps, current, step)
        return (
          <li
            key={step}
            className={`first-run-step ${state}`}
            data-step={step}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span aria-hidden="true" className="first-run-step-mark">
              {MARK[state]}
            </span>
            <span>{t(`step.${step}`)}</span>
            <span className="visually-hidden">{t(`stepState.${state}`)}</span>
          </li>
        )
      })}
    </ol>
  )
}
