import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { OllamaModelName } from '../../../../src-preload/contract'
import { describeError, errorBodyOf } from '../../../lib/errors'
import { useLocalStore, type ImportEntry } from '../../../stores/use-local-store'
import { formatBytes, percentOf } from '../format'
import { JobRow } from './JobRow'

/** Suggests a model name from a file path: `/models/Llama-3.2-3B.Q4_K_M.gguf` → `llama-3.2-3b.q4_k_m`. */
export function nameFromPath(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? ''
  return file
    .replace(/\.gguf$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 120)
}

/**
 * "Import a GGUF file": a path on this machine and the name Ollama should give it. The import
 * runs in main; its rows (from the store, so they survive leaving the page) show its progress.
 */
export function ImportGguf({ baseUrl }: { baseUrl: string }) {
  const { t } = useTranslation('local')
  const id = useId()
  const startImport = useLocalStore((s) => s.startImport)
  const allImports = useLocalStore((s) => s.imports)
  const imports = Object.values(allImports).filter(
    (i) => i.baseUrl === baseUrl || i.baseUrl === null,
  )
  const [path, setPath] = useState('')
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{
    field: 'path' | 'name' | null
    message: string
    hint: string
  } | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!path.trim()) return setError({ field: 'path', message: t('gguf.pathMissing'), hint: '' })
    const parsed = OllamaModelName.safeParse(name || nameFromPath(path))
    if (!parsed.success)
      return setError({ field: 'name', message: t('pull.invalidName'), hint: '' })
    setBusy(true)
    setError(null)
    try {
      await startImport(baseUrl, path.trim(), parsed.data)
      setPath('')
      setName('')
    } catch (err) {
      const body = errorBodyOf(err)
      const field = body.params?.field === 'name' ? 'name' : 'path'
      setError({ field, ...describeError(t, body) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <details className="local-gguf">
        <summary>{t('gguf.title')}</summary>
        <form onSubmit={submit} noValidate>
          <p className="muted">{t('gguf.body')}</p>
          <div className="field">
            <label htmlFor={`${id}-path`}>{t('gguf.path')}</label>
            <input
              id={`${id}-path`}
              type="text"
              className="mono"
              spellCheck={false}
              placeholder="/home/me/models/model.Q4_K_M.gguf"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              aria-invalid={error?.field === 'path' ? true : undefined}
              aria-describedby={error?.field === 'path' ? `${id}-err` : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('gguf.name')}</label>
            <input
              id={`${id}-name`}
              type="text"
              spellCheck={false}
              placeholder={nameFromPath(path) || 'my-model'}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={error?.field === 'name' ? true : undefined}
              aria-describedby={`${id}-name-hint${error?.field === 'name' ? ` ${id}-err` : ''}`}
            />
            <span id={`${id}-name-hint`} className="hint">
              {t('gguf.nameHint')}
            </span>
          </div>
          {error ? (
            <p id={`${id}-err`} className="error" role="alert">
              {error.message} {error.hint}
            </p>
          ) : null}
          <button type="submit" className="btn" disabled={busy}>
            {busy ? t('gguf.importing') : t('gguf.submit')}
          </button>
        </form>
      </details>
      {imports.length ? (
        <ul className="local-pulls" aria-label={t('gguf.listLabel')}>
          {imports.map((i) => (
            <ImportRow key={i.jobId} entry={i} />
          ))}
        </ul>
      ) : null}
    </>
  )
}

/** One import: the stage in words, a percent bar (aria-valuenow), Cancel; the result when over. */
function ImportRow({ entry }: { entry: ImportEntry }) {
  const { t, i18n } = useTranslation('local')
  const cancelImport = useLocalStore((s) => s.cancelImport)
  const dismissImport = useLocalStore((s) => s.dismissImport)
  const p = entry.progress
  const lng = i18n.language
  const stage = p?.stage ?? 'hashing'
  const over = stage === 'done' || stage === 'failed'
  const cancelled = stage === 'failed' && p?.error?.code === 'cancelled'
  const failed = stage === 'failed' && !cancelled
  const pct = stage === 'done' ? 100 : percentOf(p?.percent ?? null)
  const size = formatBytes(p?.totalBytes ?? 0, lng)

  const text =
    stage === 'done'
      ? p?.uploaded === false
        ? t('gguf.doneExisting', { model: entry.name })
        : t('gguf.doneUploaded', { model: entry.name, size })
      : cancelled
        ? t('gguf.cancelled')
        : failed
          ? t('gguf.failed', { model: entry.name })
          : t(`gguf.stage.${stage}`)
  const err =
    failed && p?.error ? describeError(t, { code: p.error.code, message: p.error.message }) : null
  const showBytes = !over && p && p.totalBytes > 0 && stage !== 'creating'

  return (
    <JobRow
      name={entry.name}
      data={{ 'data-import': entry.name }}
      status={text}
      failed={Boolean(failed)}
      over={over}
      onCancel={() => void cancelImport(entry.jobId).catch(() => undefined)}
      onDismiss={() => dismissImport(entry.jobId)}
      cancelLabel={t('gguf.cancelLabel', { model: entry.name })}
      bar={
        cancelled
          ? null
          : {
              label: t('gguf.progressLabel', { model: entry.name }),
              percent: pct,
              valueText:
                pct === null
                  ? t(`gguf.stage.${stage}`)
                  : `${t(`gguf.stage.${stage}`)} ${t('pull.percent', { percent: pct })}`,
            }
      }
      facts={
        showBytes ? [t('pull.bytes', { done: formatBytes(p.bytesDone, lng), total: size })] : null
      }
      error={err}
    />
  )
}
