import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorText } from '../../components/ErrorText'
import { Skeleton } from '../../components/Skeleton'
import { describeError, errorText } from '../../lib/errors'
import { useGatewayStore } from '../../stores/use-gateway-store'
import { toast } from '../../stores/use-toast-store'
import { copyText } from './copy'
import { SNIPPET_KINDS, snippet, type SnippetKind } from './snippets'

const MIN_PORT = 1024
const MAX_PORT = 65535

/** On/off, port, the URL with a copy button, and copy-paste snippets. */
export function ServerPanel({ token }: { token: string | null }) {
  const { t } = useTranslation('gateway')
  const id = useId()
  const status = useGatewayStore((s) => s.status)
  const setEnabled = useGatewayStore((s) => s.setEnabled)
  const [port, setPort] = useState('')
  const [portError, setPortError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [kind, setKind] = useState<SnippetKind>('openai')

  useEffect(() => {
    if (status) setPort(String(status.port))
  }, [status?.port]) // eslint-disable-line react-hooks/exhaustive-deps

  if (!status) {
    return (
      <section className="card settings-section" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{t('server.title')}</h2>
        <Skeleton rows={2} />
      </section>
    )
  }

  const apply = async (enabled: boolean) => {
    setError(null)
    const n = Number(port)
    if (!Number.isInteger(n) || n < MIN_PORT || n > MAX_PORT) {
      setPortError(t('server.portInvalid', { min: MIN_PORT, max: MAX_PORT }))
      return
    }
    setPortError(null)
    setBusy(true)
    try {
      const next = await setEnabled(enabled, n)
      if (next.enabled && !next.running && next.error) {
        setError(
          next.error.params?.reason === 'port_in_use'
            ? t('server.portInUse', { port: n })
            : describeError(t, next.error).message,
        )
      }
    } catch (err) {
      setError(errorText(t, err))
    } finally {
      setBusy(false)
    }
  }

  const url = status.url ?? `http://127.0.0.1:${status.port}`
  const shownToken = token ?? 'sbg_YOUR_TOKEN'
  const text = snippet(kind, url, shownToken, 'default:chat')
  const copy = async (value: string) => {
    const ok = await copyText(value)
    toast({ kind: ok ? 'success' : 'error', title: ok ? t('copied') : t('copyFailed') })
  }

  return (
    <section className="card settings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('server.title')}</h2>
      <p className="muted">{t('server.explain')}</p>
      <div className="row gateway-switch">
        <label htmlFor={`${id}-on`} className="switch-label">
          <input
            id={`${id}-on`}
            type="checkbox"
            role="switch"
            checked={status.enabled}
            disabled={busy}
            onChange={(e) => void apply(e.target.checked)}
          />{' '}
          {t('server.enabled')}
        </label>
        <span className={`badge ${status.running ? 'ok' : status.enabled ? 'fail' : ''}`}>
          {status.running ? t('server.running') : t('server.stopped')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-port`}>{t('server.port')}</label>
        <div className="row">
          <input
            id={`${id}-port`}
            className="mono gateway-port"
            inputMode="numeric"
            value={port}
            onChange={(e) => setPort(e.target.value.trim())}
            aria-invalid={portError ? true : undefined}
            aria-describedby={portError ? `${id}-port-err` : `${id}-port-hint`}
          />
          <button
            type="button"
            className="btn"
            disabled={busy || port === String(status.port)}
            onClick={() => void apply(status.enabled)}
          >
            {t('server.applyPort')}
          </button>
        </div>
        {portError ? (
          <span id={`${id}-port-err`} className="error" role="alert">
            {portError}
          </span>
        ) : (
          <span id={`${id}-port-hint`} className="hint">
            {t('server.portHint')}
          </span>
        )}
      </div>
      <ErrorText message={error} />
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('server.url')}</label>
        <div className="row">
          <input id={`${id}-url`} className="mono" readOnly value={url} />
          <button type="button" className="btn" onClick={() => void copy(url)}>
            {t('copy')}
          </button>
        </div>
      </div>
      <h3 id={`${id}-snip`}>{t('snippets.title')}</h3>
      <p className="muted">{t('snippets.anyModel')}</p>
      <div className="row" role="radiogroup" aria-labelledby={`${id}-snip`}>
        {SNIPPET_KINDS.map((k) => (
          <label key={k} className="snippet-choice">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />{' '}
            {t(`snippets.${k}`)}
          </label>
        ))}
      </div>
      <pre
        className="snippet mono"
        aria-label={t('snippets.label', { kind: t(`snippets.${kind}`) })}
      >
        <code>{text}</code>
      </pre>
      <div className="row">
        <button type="button" className="btn" onClick={() => void copy(text)}>
          {t('snippets.copy')}
        </button>
        <span className="muted">{token ? t('snippets.withToken') : t('snippets.placeholder')}</span>
      </div>
    </section>
  )
}
