import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type {
  BackupExportResult,
  BackupImportResult,
  ErrorBody,
} from '../../../src-preload/contract'
import { api, unwrap } from '../../lib/api'
import { describeError, errorBodyOf } from '../../lib/errors'
import { joinNames } from './EnvKeysBanner'

const MIN_PASSPHRASE = 8

/** An error in words: the backup's own reasons first (file exists, wrong passphrase …), else the code's. */
function backupError(t: TFunction, body: ErrorBody): string {
  const reason = body.params?.reason
  if (typeof reason === 'string' && t(`backup.reasons.${reason}`, { defaultValue: '' })) {
    return t(`backup.reasons.${reason}`)
  }
  const d = describeError(t, body)
  return `${d.message} ${d.hint}`.trim()
}

function exportedWords(t: TFunction, r: BackupExportResult): string[] {
  const lines = [
    t('backup.exported', {
      credentials: t('backup.credentialCount', { count: r.credentials }),
      models: t('backup.modelCount', { count: r.models }),
      defaults: t('backup.defaultCount', { count: r.defaults }),
      path: r.path,
    }),
  ]
  if (r.skippedUndecryptable)
    lines.push(t('backup.skippedUndecryptable', { count: r.skippedUndecryptable }))
  return lines
}

function importedWords(t: TFunction, r: BackupImportResult, language: string): string[] {
  const lines = [
    t('backup.imported', {
      credentials: t('backup.credentialCount', { count: r.credentialsImported }),
      models: t('backup.modelCount', { count: r.modelsImported }),
    }),
  ]
  if (r.credentialsSkipped) lines.push(t('backup.alreadyHere', { count: r.credentialsSkipped }))
  if (r.defaultsRestored.length) {
    const slots = r.defaultsRestored.map((s) => t(`models:slots.${s}.label`, { defaultValue: s }))
    lines.push(t('backup.defaultsRestored', { slots: joinNames(slots, language) }))
  }
  return lines
}

/** Export to a path with a passphrase typed twice. Passphrases live only in this form's state. */
function ExportForm() {
  const { t } = useTranslation('settings')
  const id = useId()
  const [path, setPath] = useState('')
  const [pass, setPass] = useState('')
  const [confirm, setConfirm] = useState('')
  const [overwrite, setOverwrite] = useState(false)
  const [busy, setBusy] = useState(false)
  const [fieldError, setFieldError] = useState<{
    field: 'path' | 'pass' | 'confirm'
    text: string
  } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string[] | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    setDone(null)
    if (!path.trim()) return setFieldError({ field: 'path', text: t('backup.pathRequired') })
    if (pass.length < MIN_PASSPHRASE)
      return setFieldError({ field: 'pass', text: t('backup.tooShort', { count: MIN_PASSPHRASE }) })
    if (pass !== confirm) return setFieldError({ field: 'confirm', text: t('backup.mismatch') })
    setFieldError(null)
    setBusy(true)
    try {
      const r = await unwrap(
        api().settings.exportBackup({ path: path.trim(), passphrase: pass, overwrite }),
      )
      setDone(exportedWords(t, r))
      setPass('')
      setConfirm('')
    } catch (err) {
      setError(backupError(t, errorBodyOf(err)))
    } finally {
      setBusy(false)
    }
  }

  const described = (field: 'path' | 'pass' | 'confirm', hint?: string) =>
    [hint, fieldError?.field === field ? `${id}-${field}-err` : null].filter(Boolean).join(' ') ||
    undefined
  const errorFor = (field: 'path' | 'pass' | 'confirm') =>
    fieldError?.field === field ? (
      <span id={`${id}-${field}-err`} className="error" role="alert">
        {fieldError.text}
      </span>
    ) : null

  return (
    <form
      className="backup-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-h`}
      noValidate
    >
      <h3 id={`${id}-h`}>{t('backup.exportTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-path`}>{t('backup.path')}</label>
        <input
          id={`${id}-path`}
          className="mono"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder={t('backup.pathPlaceholder')}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={described('path', `${id}-path-hint`)}
          aria-invalid={fieldError?.field === 'path' || undefined}
        />
        <span id={`${id}-path-hint`} className="hint">
          {t('backup.pathHint')}
        </span>
        {errorFor('path')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-pass`}>{t('backup.passphrase')}</label>
        <input
          id={`${id}-pass`}
          type="password"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
          autoComplete="new-password"
          aria-describedby={described('pass', `${id}-pass-hint`)}
          aria-invalid={fieldError?.field === 'pass' || undefined}
        />
        <span id={`${id}-pass-hint`} className="hint">
          {t('backup.passphraseHint', { count: MIN_PASSPHRASE })}
        </span>
        {errorFor('pass')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>{t('backup.confirm')}</label>
        <input
          id={`${id}-confirm`}
          type="password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="new-password"
          aria-describedby={described('confirm')}
          aria-invalid={fieldError?.field === 'confirm' || undefined}
        />
        {errorFor('confirm')}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={overwrite}
          onChange={(e) => setOverwrite(e.target.checked)}
        />{' '}
        {t('backup.overwrite')}
      </label>
      <div className="row">
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? t('backup.exporting') : t('backup.export')}
        </button>
      </div>
      <div aria-live="polite">{done ? done.map((line) => <p key={line}>{line}</p>) : null}</div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}

/** Import from a path with its passphrase; the result (what merged, what was already here) in words. */
function ImportForm() {
  const { t, i18n } = useTranslation('settings')
  const id = useId()
  const [path, setPath] = useState('')
  const [pass, setPass] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string[] | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    setDone(null)
    if (!path.trim() || !pass) return setError(t('backup.importMissing'))
    setBusy(true)
    try {
      const r = await unwrap(api().settings.importBackup({ path: path.trim(), passphrase: pass }))
      setDone(importedWords(t, r, i18n.language))
    } catch (err) {
      setError(backupError(t, errorBodyOf(err)))
    } finally {
      setPass('')
      setBusy(false)
    }
  }

  return (
    <form
      className="backup-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-h`}
      noValidate
    >
      <h3 id={`${id}-h`}>{t('backup.importTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-path`}>{t('backup.path')}</label>
        <input
          id={`${id}-path`}
          className="mono"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder={t('backup.pathPlaceholder')}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-pass`}>{t('backup.passphrase')}</label>
        <input
          id={`${id}-pass`}
          type="password"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
          autoComplete="current-password"
        />
        <span className="hint">{t('backup.importHint')}</span>
      </div>
      <div className="row">
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? t('backup.importing') : t('backup.import')}
        </button>
      </div>
      <div aria-live="polite">{done ? done.map((line) => <p key={line}>{line}</p>) : null}</div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}

/** "Backup": encrypted export and import of credentials, models and default models. */
export function BackupPanel() {
  const { t } = useTranslation('settings')
  const id = useId()
  return (
    <section className="card settings-section" aria-labelledby={id}>
      <h2 id={id}>{t('backup.title')}</h2>
      <p className="muted">{t('backup.intro')}</p>
      <div className="backup-forms">
        <ExportForm />
        <ImportForm />
      </div>
    </section>
  )
}
