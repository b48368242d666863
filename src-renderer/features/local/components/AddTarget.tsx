import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError, errorBodyOf } from '../../../lib/errors'
import { useLocalStore } from '../../../stores/use-local-store'

/** "Add a server on your network": a base URL detection also probes, and the list of them. */
export function AddTarget() {
  const { t } = useTranslation('local')
  const inputId = useId()
  const errorId = useId()
  const targets = useLocalStore((s) => s.targets)
  const addTarget = useLocalStore((s) => s.addTarget)
  const removeTarget = useLocalStore((s) => s.removeTarget)
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message: string; hint: string } | null>(null)
  const fail = (err: unknown) => setError(describeError(t, errorBodyOf(err)))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const value = url.trim()
    if (!value) return setError({ message: t('targets.empty'), hint: '' })
    setBusy(true)
    setError(null)
    try {
      // A bare host:port is fine; main adds the scheme and strips /v1 or /api.
      await addTarget(/^[a-z]+:\/\//i.test(value) ? value : `http://${value}`)
      setUrl('')
    } catch (err) {
      fail(err)
    } finally {
      setBusy(false)
    }
  }

  const described = error
  return (
    <section className="card local-targets" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>{t('targets.title')}</h2>
      <p className="muted">{t('targets.body')}</p>
      <form className="field" onSubmit={submit} noValidate>
        <label htmlFor={inputId}>{t('targets.label')}</label>
        <div className="input-with-button">
          <input
            id={inputId}
            type="url"
            inputMode="url"
            placeholder="http://192.168.1.20:11434"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <button type="submit" className="btn" disabled={busy}>
            {t('targets.add')}
          </button>
        </div>
        {described ? (
          <span id={errorId} className="error" role="alert">
            {described.message} {described.hint}
          </span>
        ) : null}
      </form>
      {targets.length ? (
        <ul className="local-target-list" aria-label={t('targets.listLabel')}>
          {targets.map((target) => (
            <li key={target} className="row">
              <span className="mono">{target}</span>
              <span className="spacer" />
              <button
                type="button"
                className="btn small"
                aria-label={t('targets.removeLabel', { url: target })}
                onClick={() => void removeTarget(target).catch(fail)}
              >
                {t('targets.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
