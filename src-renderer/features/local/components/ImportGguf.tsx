import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { OllamaModelName } from '../../../../src-preload/contract'
import { describeError, errorBodyOf } from '../../../lib/errors'
import { toast } from '../../../stores/use-toast-store'
import { useLocalStore } from '../../../stores/use-local-store'

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

/** "Import a GGUF file": a path on this machine and the name Ollama should give it. */
export function ImportGguf({ baseUrl }: { baseUrl: string }) {
  const { t } = useTranslation('local')
  const id = useId()
  const importGguf = useLocalStore((s) => s.importGguf)
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
      const r = await importGguf(baseUrl, path.trim(), parsed.data)
      toast({ kind: 'success', title: t('gguf.done', { model: r.model }) })
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
  )
}
