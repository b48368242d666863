import { useTranslation } from 'react-i18next'
import type { MachineInfo, RecommendedModel } from '../../../../src-preload/contract'
import { formatBytes } from '../format'

/** "This machine: 16 GB memory, 120 GB free disk (Linux x64)". */
export function MachineLine({ machine }: { machine: MachineInfo }) {
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
export function RecRow({
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

/** A recommended model that does not fit this machine, and why (memory, disk or both). */
export function UnsuitableRow({
  model: m,
  machine,
}: {
  model: RecommendedModel
  machine: MachineInfo
}) {
  const { t, i18n } = useTranslation('local')
  return (
    <li className="local-rec unsuitable">
      <div>
        <strong>{m.displayName}</strong> <span className="mono muted">{m.name}</span>
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
  )
}
