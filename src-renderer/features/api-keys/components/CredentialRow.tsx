import { useTranslation } from 'react-i18next'
import type {
  ConnectionTestView,
  CredentialView,
  LastTestView,
} from '../../../../src-preload/contract'
import { toastError } from '../../../lib/errors'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { openDiscovery } from '../../../stores/use-models-store'
import { toast } from '../../../stores/use-toast-store'
import { LastTestBadge } from './LastTestBadge'
import { LimitsLine } from './LimitsLine'
import { TestResult } from './TestResult'

export type RowAction =
  { kind: 'edit'; reenter?: boolean } | { kind: 'delete' } | { kind: 'insecure'; host: string }

interface CredentialRowProps {
  credential: CredentialView
  providerName: string
  /** More than one credential of this provider: offer "make primary". */
  several: boolean
  last: LastTestView | undefined
  result: ConnectionTestView | undefined
  testing: boolean
  now: number
  /** The vault has no master key: unreadable keys are locked away, not broken. */
  vaultLocked: boolean
  onAction: (action: RowAction) => void
}

/** One credential: name, primary, key hint, base URL, status, last test, actions, result in words. */
export function CredentialRow(props: CredentialRowProps) {
  const { t } = useTranslation('apiKeys')
  const c = props.credential
  const broken = c.status === 'decryption_error'
  const locked = broken && props.vaultLocked
  const result = props.result
  const insecureHost =
    result?.code === 'url_blocked' && result.params.reason === 'insecure_http'
      ? String(result.params.host ?? '')
      : null

  async function run() {
    try {
      await useCredentialsStore.getState().test(c.id)
    } catch (err) {
      toastError(t, err)
    }
  }

  async function makePrimary() {
    try {
      await useCredentialsStore.getState().setPrimary(c.id)
      toast({
        kind: 'success',
        title: t('row.madePrimary', { name: c.name, provider: props.providerName }),
      })
    } catch (err) {
      toastError(t, err)
    }
  }

  const location = c.baseUrl ?? c.endpoint
  return (
    <li
      className={`credential-row ${broken && !locked ? 'broken' : ''}`}
      data-credential-id={c.id}
      aria-label={c.name}
    >
      <div className="credential-main">
        <div className="credential-title">
          <span className="credential-name">{c.name}</span>
          {props.several && c.isPrimary ? (
            <span className="badge primary">{t('row.primary')}</span>
          ) : null}
          {locked ? (
            <span className="badge" title={t('row.lockedTitle')}>
              {t('row.locked')}
            </span>
          ) : broken ? (
            <span className="badge warn">{t('row.undecryptable')}</span>
          ) : (
            <>
              <LastTestBadge
                last={props.last}
                now={props.now}
                status={result?.params.status as number | undefined}
              />
              {/* Limits and credit of the last test, beside its result (issue 12). */}
              <LimitsLine limits={result ? result.limits : props.last?.limits} />
            </>
          )}
        </div>
        <div className="credential-meta muted">
          {c.keyHint ? (
            <span className="mono key-hint">{t('row.keyHint', { hint: c.keyHint })}</span>
          ) : c.hasKey ? (
            <span>{t('row.keyStored')}</span>
          ) : null}
          {location ? (
            <span className="mono credential-url" title={location}>
              {location}
            </span>
          ) : null}
          {c.project ? (
            <span>{t('row.project', { project: c.project, location: c.location ?? '' })}</span>
          ) : null}
          {c.modelCount > 0 ? <span>{t('row.models', { count: c.modelCount })}</span> : null}
        </div>
      </div>
      <div className="credential-actions">
        {props.several && !c.isPrimary && !broken ? (
          <button type="button" className="btn small ghost" onClick={() => void makePrimary()}>
            {t('row.makePrimary')}
          </button>
        ) : null}
        {locked ? null : broken ? (
          <button
            type="button"
            className="btn small"
            onClick={() => props.onAction({ kind: 'edit', reenter: true })}
          >
            {t('row.reenterKey')}
          </button>
        ) : (
          <button
            type="button"
            className="btn small"
            onClick={() => void run()}
            disabled={props.testing}
            aria-label={t('row.testName', { name: c.name })}
          >
            {props.testing ? t('row.testing') : t('row.test')}
          </button>
        )}
        {!broken ? (
          <button
            type="button"
            className="btn small"
            onClick={() => openDiscovery(c.id)}
            aria-label={t('row.discoverName', { name: c.name })}
          >
            {t('row.discover')}
          </button>
        ) : null}
        {!broken ? (
          <button
            type="button"
            className="btn small"
            onClick={() => props.onAction({ kind: 'edit' })}
            aria-label={t('row.editName', { name: c.name })}
          >
            {t('common:edit')}
          </button>
        ) : null}
        <button
          type="button"
          className="btn small danger"
          onClick={() => props.onAction({ kind: 'delete' })}
          aria-label={t('row.deleteName', { name: c.name })}
        >
          {t('common:delete')}
        </button>
      </div>
      {broken && !locked ? (
        <p className="credential-note warn-text">{t('row.undecryptableBody')}</p>
      ) : null}
      {!result && !broken && props.last && !props.last.code.startsWith('ok') ? (
        <div className="credential-result">
          <div className="test-result fail compact">{props.last.message}</div>
        </div>
      ) : null}
      {result && !broken ? (
        <div className="credential-result">
          <TestResult result={result} />
          {insecureHost !== null ? (
            <button
              type="button"
              className="btn small"
              onClick={() => props.onAction({ kind: 'insecure', host: insecureHost })}
            >
              {t('row.allowInsecure')}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}
