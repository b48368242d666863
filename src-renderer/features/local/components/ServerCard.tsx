import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DetectedServer, ErrorBody, ServerState } from '../../../../src-preload/contract'
import { ListHead } from '../../../components/ListHead'
import { describeError, errorBodyOf } from '../../../lib/errors'
import { useLocalStore, type ConnectOutcome } from '../../../stores/use-local-store'
import { formatBytes, kindLabel } from '../format'
import { LocalError } from './LocalError'

const STATE_TONE: Record<ServerState, 'ok' | 'warn' | 'fail' | ''> = {
  ready: 'ok',
  nothing_loaded: 'warn',
  no_models: '',
  auth_required: 'warn',
  starting: 'warn',
  listing_failed: 'fail',
}

/** One detected server: kind, version, address, its models, and Connect (or Connected). */
export function ServerCard({ server, connected }: { server: DetectedServer; connected: boolean }) {
  const { t, i18n } = useTranslation('local')
  const titleId = useId()
  const connect = useLocalStore((s) => s.connect)
  const [fill, setFill] = useState(true)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<ConnectOutcome | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  // A server that wants a key (LM Studio with API tokens, Jan) is connected only with one; the
  // key lives in this input until submit, then goes to main and is dropped here.
  const needsKey = server.state === 'auth_required' && !connected
  const [asking, setAsking] = useState(false)
  const [key, setKey] = useState('')
  const keyId = useId()

  const run = async () => {
    if (needsKey && !asking) {
      setAsking(true)
      return
    }
    if (needsKey && !key.trim()) return
    setBusy(true)
    setError(null)
    try {
      setOutcome(await connect(server.baseUrl, fill, needsKey ? key.trim() : undefined))
      setAsking(false)
    } catch (err) {
      setError(errorBodyOf(err))
    } finally {
      setKey('')
      setBusy(false)
    }
  }

  const tone = STATE_TONE[server.state]
  const described = error ? describeError(t, error) : null
  return (
    <article className="card local-server" aria-labelledby={titleId} data-kind={server.kind}>
      <header className="local-server-head">
        <div>
          <h3 id={titleId}>
            {kindLabel(server.kind)}
            {server.version ? (
              <span className="muted local-version">
                {' '}
                {t('servers.version', { version: server.version })}
              </span>
            ) : null}
          </h3>
          <div className="row">
            <span className="mono muted">{server.baseUrl}</span>
            {server.source !== 'default' ? (
              <span className="badge">{t(`servers.source.${server.source}`)}</span>
            ) : null}
          </div>
        </div>
        <div className="local-server-actions">
          {connected ? (
            <>
              <span className="badge ok">{t('servers.connected')}</span>
              <button type="button" className="btn small" disabled={busy} onClick={run}>
                {busy ? t('servers.syncing') : t('servers.sync')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn primary"
              disabled={busy}
              aria-describedby={titleId}
              onClick={run}
            >
              {busy ? t('servers.connecting') : t('servers.connect')}
            </button>
          )}
        </div>
      </header>

      <p className="local-state">
        <span className={`badge ${tone}`}>{t(`servers.state.${server.state}`)}</span>{' '}
        <span className="muted">
          {t(`servers.stateHint.${server.state}`, { name: kindLabel(server.kind) })}
        </span>
      </p>

      {needsKey && asking ? (
        <form
          className="local-key"
          onSubmit={(e) => {
            e.preventDefault()
            void run()
          }}
        >
          <label htmlFor={keyId}>{t('servers.keyLabel', { name: kindLabel(server.kind) })}</label>
          <div className="input-with-button">
            <input
              id={keyId}
              type="password"
              value={key}
              autoComplete="off"
              spellCheck={false}
              data-secret="true"
              onChange={(e) => setKey(e.target.value)}
            />
            <button type="submit" className="btn primary small" disabled={busy || !key.trim()}>
              {busy ? t('servers.connecting') : t('servers.connectWithKey')}
            </button>
          </div>
        </form>
      ) : null}

      {!connected ? (
        <label className="local-check">
          <input type="checkbox" checked={fill} onChange={(e) => setFill(e.target.checked)} />
          {t('servers.fillDefaults')}
        </label>
      ) : null}

      {described ? <LocalError error={described} /> : null}
      {outcome ? <ConnectSummary outcome={outcome} /> : null}

      {server.models.length ? (
        <details className="local-models" open={server.models.length <= 8}>
          <summary>{t('servers.models', { count: server.models.length })}</summary>
          <table className="list">
            <ListHead
              columns={[
                t('servers.col.model'),
                t('servers.col.type'),
                t('servers.col.size'),
                t('servers.col.state'),
              ]}
            />
            <tbody>
              {server.models.map((m) => (
                <tr key={m.id}>
                  <td className="mono">{m.id}</td>
                  <td>
                    {t(`types.${m.type}`)}
                    {m.typeSource === 'name' ? (
                      <span className="muted"> {t('servers.typeGuessed')}</span>
                    ) : null}
                  </td>
                  <td>{m.sizeBytes ? formatBytes(m.sizeBytes, i18n.language) : '—'}</td>
                  <td>
                    {m.loaded === true ? (
                      <span className="badge ok">{t('servers.loaded')}</span>
                    ) : null}
                    {m.loaded === false ? (
                      <span className="badge">{t('servers.notLoaded')}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </article>
  )
}

/** What a connect did, in words: the credential, the models, the default slots. */
function ConnectSummary({ outcome }: { outcome: ConnectOutcome }) {
  const { t } = useTranslation('local')
  const { result, created } = outcome
  return (
    <div className="local-outcome" role="status">
      <strong>{created ? t('connect.created') : t('connect.reused')}</strong>
      <ul>
        <li>{t('connect.registered', { count: result.registered })}</li>
        {result.existing ? <li>{t('connect.existing', { count: result.existing })}</li> : null}
        <li>
          {result.defaultsAssigned.length
            ? t('connect.slots', {
                slots: result.defaultsAssigned
                  .map((s) => t(`slots.${s}`, { defaultValue: s }))
                  .join(', '),
              })
            : t('connect.noSlots')}
        </li>
      </ul>
    </div>
  )
}
