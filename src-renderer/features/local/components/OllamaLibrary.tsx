import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { OllamaModelName, type OllamaInstalledModel } from '../../../../src-preload/contract'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ListHead } from '../../../components/ListHead'
import { Skeleton } from '../../../components/Skeleton'
import { describeError, errorBodyOf, toastError } from '../../../lib/errors'
import { toast } from '../../../stores/use-toast-store'
import { useLocalStore } from '../../../stores/use-local-store'
import { formatBytes } from '../format'
import { ImportGguf } from './ImportGguf'
import { LocalError } from './LocalError'
import { PullProgressRow } from './PullProgressRow'

type Described = { message: string; hint: string }

/** The Ollama library of one server: pull with progress, installed models, running models. */
export function OllamaLibrary({ baseUrl }: { baseUrl: string }) {
  const { t, i18n } = useTranslation('local')
  const headingId = useId()
  const library = useLocalStore((s) => s.library[baseUrl])
  const lastScanAt = useLocalStore((s) => s.lastScanAt)
  const loadLibrary = useLocalStore((s) => s.loadLibrary)
  const pulls = useLocalStore((s) => s.pulls)
  const serverPulls = Object.values(pulls).filter(
    (p) => p.baseUrl === baseUrl || p.baseUrl === null,
  )

  useEffect(() => {
    void loadLibrary(baseUrl)
  }, [baseUrl, loadLibrary])
  // Each background scan also refreshes what is installed and running (quietly, no skeleton).
  useEffect(() => {
    if (lastScanAt) void loadLibrary(baseUrl, true)
  }, [lastScanAt, baseUrl, loadLibrary])

  const lng = i18n.language
  const err = library?.error ? describeError(t, library.error) : null
  return (
    <section className="card local-library" aria-labelledby={headingId}>
      <div className="row">
        <h2 id={headingId}>{t('library.title')}</h2>
        <span className="mono muted">{baseUrl}</span>
      </div>
      <PullForm baseUrl={baseUrl} />
      {serverPulls.length ? (
        <ul className="local-pulls" aria-label={t('pull.listLabel')}>
          {serverPulls.map((p) => (
            <PullProgressRow key={p.jobId} pull={p} />
          ))}
        </ul>
      ) : null}

      {err ? <LocalError error={err} onRetry={() => void loadLibrary(baseUrl)} /> : null}

      <h3>{t('library.installed')}</h3>
      {!library || (library.status === 'loading' && !library.installed.length) ? (
        <Skeleton rows={2} />
      ) : library.installed.length ? (
        <InstalledTable baseUrl={baseUrl} models={library.installed} />
      ) : (
        <p className="muted">{t('library.none')}</p>
      )}

      <h3>{t('library.running')}</h3>
      {library?.running.length ? (
        <table className="list" aria-label={t('library.running')}>
          <ListHead
            columns={[t('library.col.model'), t('library.col.memory'), t('library.col.until')]}
            actions={t('library.col.actions')}
          />
          <tbody>
            {library.running.map((m) => (
              <tr key={m.name}>
                <td className="mono">{m.name}</td>
                <td>
                  {formatBytes(m.sizeBytes, lng)}
                  <span className="muted">
                    {' '}
                    {m.sizeVramBytes >= m.sizeBytes
                      ? t('library.allGpu')
                      : m.sizeVramBytes > 0
                        ? t('library.someGpu', { vram: formatBytes(m.sizeVramBytes, lng) })
                        : t('library.cpu')}
                  </span>
                </td>
                <td>{m.expiresAt ? new Date(m.expiresAt).toLocaleTimeString(lng) : '—'}</td>
                <td className="local-actions">
                  <UnloadButton baseUrl={baseUrl} model={m.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('library.noneRunning')}</p>
      )}

      <ImportGguf baseUrl={baseUrl} />
    </section>
  )
}

/** "Pull a model": a name from the Ollama library, validated like main validates it. */
function PullForm({ baseUrl }: { baseUrl: string }) {
  const { t } = useTranslation('local')
  const id = useId()
  const startPull = useLocalStore((s) => s.startPull)
  const [name, setName] = useState('')
  const [error, setError] = useState<Described | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = OllamaModelName.safeParse(name)
    if (!parsed.success) return setError({ message: t('pull.invalidName'), hint: '' })
    setError(null)
    try {
      await startPull(baseUrl, parsed.data)
      setName('')
    } catch (err) {
      setError(describeError(t, errorBodyOf(err)))
    }
  }

  return (
    <form className="field local-pull-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>{t('pull.label')}</label>
      <div className="input-with-button">
        <input
          id={id}
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="llama3.2:3b"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
        />
        <button type="submit" className="btn primary">
          {t('pull.submit')}
        </button>
      </div>
      <span id={`${id}-hint`} className="hint">
        {t('pull.hint')}
      </span>
      {error ? (
        <span id={`${id}-err`} className="error" role="alert">
          {error.message} {error.hint}
        </span>
      ) : null}
    </form>
  )
}

/** Installed models with their facts, each deletable after a confirmation. */
function InstalledTable({ baseUrl, models }: { baseUrl: string; models: OllamaInstalledModel[] }) {
  const { t, i18n } = useTranslation('local')
  const removeModel = useLocalStore((s) => s.removeModel)
  const [confirm, setConfirm] = useState<OllamaInstalledModel | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Described | null>(null)

  const doRemove = async () => {
    if (!confirm) return
    setBusy(true)
    setError(null)
    try {
      await removeModel(baseUrl, confirm.name)
      toast({ kind: 'success', title: t('library.deleted', { model: confirm.name }) })
      setConfirm(null)
    } catch (err) {
      setError(describeError(t, errorBodyOf(err)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <table className="list local-installed" aria-label={t('library.installed')}>
        <ListHead
          columns={[
            t('library.col.model'),
            t('library.col.family'),
            t('library.col.quant'),
            t('library.col.capabilities'),
            t('library.col.size'),
          ]}
          actions={t('library.col.actions')}
        />
        <tbody>
          {models.map((m) => (
            <tr key={m.name}>
              <td>
                <span className="mono">{m.name}</span>
                <div className="muted local-sub">{t(`types.${m.type}`)}</div>
              </td>
              <td>
                {m.family ?? '—'}
                {m.parameterSize ? <span className="muted"> · {m.parameterSize}</span> : null}
              </td>
              <td>{m.quantization ?? '—'}</td>
              <td>
                <span className="local-caps">
                  {m.capabilities.length
                    ? m.capabilities.map((c) => (
                        <span key={c} className="badge">
                          {t(`capabilities.${c}`, { defaultValue: c })}
                        </span>
                      ))
                    : '—'}
                </span>
              </td>
              <td>{formatBytes(m.sizeBytes, i18n.language)}</td>
              <td className="local-actions">
                <button
                  type="button"
                  className="btn small danger"
                  aria-label={t('library.deleteLabel', { model: m.name })}
                  onClick={() => {
                    setError(null)
                    setConfirm(m)
                  }}
                >
                  {t('common:delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={confirm !== null}
        title={t('library.confirmTitle', { model: confirm?.name ?? '' })}
        onClose={() => setConfirm(null)}
        onConfirm={() => void doRemove()}
        confirmLabel={t('library.confirmDelete')}
        tone="danger"
        busy={busy}
      >
        <p>
          {t('library.confirmBody', {
            size: confirm ? formatBytes(confirm.sizeBytes, i18n.language) : '',
            server: baseUrl,
          })}
        </p>
        {error ? (
          <p className="error" role="alert">
            {error.message} {error.hint}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  )
}

/** Frees a running model's memory now instead of after Ollama's keep-alive. */
function UnloadButton({ baseUrl, model }: { baseUrl: string; model: string }) {
  const { t } = useTranslation('local')
  const unloadModel = useLocalStore((s) => s.unloadModel)
  const [busy, setBusy] = useState(false)
  return (
    <button
      type="button"
      className="btn small"
      disabled={busy}
      aria-label={t('library.unloadLabel', { model })}
      onClick={async () => {
        setBusy(true)
        try {
          await unloadModel(baseUrl, model)
        } catch (err) {
          toastError(t, err)
        } finally {
          setBusy(false)
        }
      }}
    >
      {t('library.unload')}
    </button>
  )
}
