import { useTranslation } from 'react-i18next'
import type { DetectedServer } from '../../../../src-preload/contract'
import { useAppStore } from '../../../stores/use-app-store'
import { useLocalStore } from '../../../stores/use-local-store'
import { kindLabel } from '../format'

/** How to get a local server on this OS, with "Scan again". */
export function InstallHelp({ others }: { others: DetectedServer[] }) {
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
