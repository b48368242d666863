import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  DetectedServer,
  MachineInfo,
  ModelType,
  RecommendedModel,
} from '../../../../src-preload/contract'
import { Skeleton } from '../../../components/Skeleton'
import { useAppStore } from '../../../stores/use-app-store'
import { describeError } from '../../../lib/errors'
import { useLocalStore } from '../../../stores/use-local-store'
import { formatBytes, kindLabel } from '../format'
import { SETUP_STEPS, useSetupFlow } from '../hooks/use-setup-flow'
import { LocalError } from './LocalError'
import { PullProgressRow } from './PullProgressRow'

/** The offline-setup panel: install help when nothing runs, else recommended models to set up. */
export function OfflineSetup({
  servers,
  ollama,
}: {
  servers: DetectedServer[]
  ollama: DetectedServer | null
}) {
  const { t } = useTranslation('local')
  const headingId = useId()
  return (
    <section className="card local-setup" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('setup.title')}</h2>
      <p className="muted">{t('setup.body')}</p>
      {ollama ? <Recommended baseUrl={ollama.baseUrl} /> : <InstallHelp others={servers} />}
    </section>
  )
}

/** How to get a local server on this OS, with "Scan again". */
function InstallHelp({ others }: { others: DetectedServer[] }) {
  const { t } = useTranslation('local')
  const machine = useLocalStore((s) => s.machine)
  const scan = useLocalStore((s) => s.scan)
  const scanning = useLocalStore((s) => s.scanning)
  const open = useAppStore((s) => s.openLink)
  const platform = machine
    ? t(`platforms.${machine.platform}`, { defaultValue: machine.platform })
    : null
  return (
    <div className="stack">
      {others.length ? (
        <p>
          {t('setup.othersFound', {
            names: [...new Set(others.map((s) => kindLabel(s.kind)))].join(', '),
          })}
        </p>
      ) : (
        <p>
          <strong>{t('setup.noServer')}</strong> {t('setup.noServerBody')}
        </p>
      )}
      <ol className="local-install">
        <li>
          <strong>{t('setup.installOllama', { platform: platform ?? '' })}</strong>
          <div className="row">
            <button
              type="button"
              className="btn"
              onClick={() => open(machine?.install.ollama ?? 'https://ollama.com/download')}
            >
              {t('setup.getOllama')}
            </button>
            <span className="muted">ollama.com</span>
          </div>
          {machine?.install.command ? (
            <div className="local-command">
              <span className="muted">{t('setup.orRun')}</span>
              <code className="mono">{machine.install.command}</code>
            </div>
          ) : null}
        </li>
        <li>
          <strong>{t('setup.orLmStudio')}</strong>
          <div className="row">
            <button
              type="button"
              className="btn"
              onClick={() => open(machine?.install.lmstudio ?? 'https://lmstudio.ai/download')}
            >
              {t('setup.getLmStudio')}
            </button>
            <span className="muted">lmstudio.ai</span>
          </div>
        </li>
        <li>
          <strong>{t('setup.thenScan')}</strong>
          <div className="row">
            <button
              type="button"
              className="btn primary"
              disabled={scanning}
              onClick={() => void scan()}
            >
              {scanning ? t('scanning') : t('scanAgain')}
            </button>
          </div>
        </li>
      </ol>
    </div>
  )
}

const TYPES: ModelType[] = ['language', 'embedding']
const TIER_ORDER = { small: 0, medium: 1, large: 2 } as const

/** The best fit first, then small → medium → large (the bundled order within a tier). */
function byTier(a: RecommendedModel, b: RecommendedModel): number {
  return Number(b.suggested) - Number(a.suggested) || TIER_ORDER[a.tier] - TIER_ORDER[b.tier]
}

/** Recommended models for this machine, grouped by type; unsuitable ones say why. */
function Recommended({ baseUrl }: { baseUrl: string }) {
  const { t, i18n } = useTranslation('local')
  const rec = useLocalStore((s) => (s.recommended?.baseUrl === baseUrl ? s.recommended : null))
  const loadRecommended = useLocalStore((s) => s.loadRecommended)
  const { flow, run, reset } = useSetupFlow(baseUrl)
  const [makeDefault, setMakeDefault] = useState(true)

  useEffect(() => {
    void loadRecommended(baseUrl)
  }, [baseUrl, loadRecommended])

  if (!rec || (rec.status === 'loading' && !rec.result)) return <Skeleton rows={3} />
  if (!rec.result) {
    const err = rec.error ? describeError(t, rec.error) : null
    return <LocalError error={err} onRetry={() => void loadRecommended(baseUrl)} />
  }
  const { machine, models } = rec.result
  const busy = flow !== null && !flow.finished
  return (
    <div className="stack">
      <MachineLine machine={machine} />
      <label className="local-check">
        <input
          type="checkbox"
          checked={makeDefault}
          onChange={(e) => setMakeDefault(e.target.checked)}
        />
        {t('setup.makeDefault')}
      </label>
      {flow ? <FlowPanel flow={flow} onClose={reset} /> : null}
      {TYPES.map((type) => {
        const fitting = models.filter((m) => m.type === type && m.fits).sort(byTier)
        const unsuitable = models.filter((m) => m.type === type && !m.fits).sort(byTier)
        if (!fitting.length && !unsuitable.length) return null
        return (
          <div key={type} className="local-rec-group">
            <h3>{t(`setup.group.${type}`)}</h3>
            {fitting.length ? (
              <ul className="local-rec-list">
                {fitting.map((m) => (
                  <RecRow
                    key={m.name}
                    model={m}
                    disabled={busy}
                    onSetUp={() => void run(m, makeDefault)}
                  />
                ))}
              </ul>
            ) : (
              <p className="muted">{t('setup.noneFit')}</p>
            )}
            {unsuitable.length ? (
              <details className="local-unsuitable">
                <summary>{t('setup.unsuitable', { count: unsuitable.length })}</summary>
                <ul className="local-rec-list">
                  {unsuitable.map((m) => (
                    <li key={m.name} className="local-rec unsuitable">
                      <div>
                        <strong>{m.displayName}</strong>{' '}
                        <span className="mono muted">{m.name}</span>
                        <div className="muted">
                          {m.tooBigFor
                            .map((r) =>
                              r === 'ram'
                                ? t('setup.tooBigRam', {
                                    need: formatBytes(m.memoryBytes, i18n.language),
                                    have: formatBytes(machine.totalRamBytes, i18n.language),
                                  })
                                : t('setup.tooBigDisk', {
                                    need: formatBytes(m.downloadBytes, i18n.language),
                                    free: formatBytes(machine.freeDiskBytes ?? 0, i18n.language),
                                  }),
                            )
                            .join(' ')}
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        )
      })}
    </div>
  )
}

/** "This machine: 16 GB memory, 120 GB free disk (Linux x64)". */
function MachineLine({ machine }: { machine: MachineInfo }) {
  const { t, i18n } = useTranslation('local')
  return (
    <p className="local-machine">
      {t('setup.machine', {
        ram: formatBytes(machine.totalRamBytes, i18n.language),
        disk:
          machine.freeDiskBytes === null
            ? t('setup.diskUnknown')
            : formatBytes(machine.freeDiskBytes, i18n.language),
        platform: t(`platforms.${machine.platform}`, { defaultValue: machine.platform }),
        arch: machine.arch,
      })}
    </p>
  )
}

/** One recommended model that fits: what it is, what it needs, and "Set up". */
function RecRow({
  model: m,
  disabled,
  onSetUp,
}: {
  model: RecommendedModel
  disabled: boolean
  onSetUp: () => void
}) {
  const { t, i18n } = useTranslation('local')
  const lng = i18n.language
  return (
    <li className="local-rec" data-model={m.name}>
      <div className="local-rec-main">
        <div className="row">
          <strong>{m.displayName}</strong>
          <span className="mono muted">{m.name}</span>
          <span className="badge">{t(`setup.tier.${m.tier}`)}</span>
          {m.suggested ? <span className="badge ok">{t('setup.suggested')}</span> : null}
          {m.installed ? <span className="badge">{t('setup.installed')}</span> : null}
        </div>
        <div className="muted">{m.description}</div>
        <div className="muted local-sub">
          {t('setup.needs', {
            download: formatBytes(m.downloadBytes, lng),
            memory: formatBytes(m.memoryBytes, lng),
          })}
        </div>
      </div>
      <button
        type="button"
        className={`btn${m.suggested ? ' primary' : ''}`}
        disabled={disabled}
        aria-label={t(m.installed ? 'setup.useLabel' : 'setup.setUpLabel', {
          model: m.displayName,
        })}
        onClick={onSetUp}
      >
        {m.installed ? t('setup.use') : t('setup.setUp')}
      </button>
    </li>
  )
}

const STEP_ICON = { pending: '○', running: '…', done: '✓', skipped: '–', failed: '✗' } as const

/** The running setup: each step with its state, the pull's progress, the first reply. */
function FlowPanel({
  flow,
  onClose,
}: {
  flow: NonNullable<ReturnType<typeof useSetupFlow>['flow']>
  onClose: () => void
}) {
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
