import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useBackupStore } from '../../stores/use-backup-store'
import { BackupForm, InputField, PathField } from './BackupForm'
import { backupError, exportedWords, importedWords } from './backup-words'

const MIN_PASSPHRASE = 8

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
      const r = await useBackupStore
        .getState()
        .exportBackup({ path: path.trim(), passphrase: pass, overwrite })
      setDone(exportedWords(t, r))
      setPass('')
      setConfirm('')
    } catch (err) {
      setError(backupError(t, err))
    } finally {
      setBusy(false)
    }
  }

  /** The input's own props for a field that can be invalid: described by its hint and error. */
  const validated = (field: 'path' | 'pass' | 'confirm', hint?: string) => ({
    id: `${id}-${field}`,
    'aria-describedby':
      [hint, fieldError?.field === field ? `${id}-${field}-err` : null].filter(Boolean).join(' ') ||
      undefined,
    'aria-invalid': fieldError?.field === field || undefined,
  })
  const errorFor = (field: 'path' | 'pass' | 'confirm') =>
    fieldError?.field === field ? (
      <span id={`${id}-${field}-err`} className="error" role="alert">
        {fieldError.text}
      </span>
    ) : null

  return (
    <BackupForm
      id={id}
      title={t('backup.exportTitle')}
      submitLabel={busy ? t('backup.exporting') : t('backup.export')}
      busy={busy}
      done={done}
      error={error}
      onSubmit={submit}
    >
      <PathField
        {...validated('path', `${id}-path-hint`)}
        value={path}
        onChange={(e) => setPath(e.target.value)}
      >
        <span id={`${id}-path-hint`} className="hint">
          {t('backup.pathHint')}
        </span>
        {errorFor('path')}
      </PathField>
      <InputField
        {...validated('pass', `${id}-pass-hint`)}
        label={t('backup.passphrase')}
        type="password"
        value={pass}
        onChange={(e) => setPass(e.target.value)}
        autoComplete="new-password"
      >
        <span id={`${id}-pass-hint`} className="hint">
          {t('backup.passphraseHint', { count: MIN_PASSPHRASE })}
        </span>
        {errorFor('pass')}
      </InputField>
      <InputField
        {...validated('confirm')}
        label={t('backup.confirm')}
        type="password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        autoComplete="new-password"
      >
        {errorFor('confirm')}
      </InputField>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={overwrite}
          onChange={(e) => setOverwrite(e.target.checked)}
        />{' '}
        {t('backup.overwrite')}
      </label>
    </BackupForm>
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
      const r = await useBackupStore
        .getState()
        .importBackup({ path: path.trim(), passphrase: pass })
      setDone(importedWords(t, r, i18n.language))
    } catch (err) {
      setError(backupError(t, err))
    } finally {
      setPass('')
      setBusy(false)
    }
  }

  return (
    <BackupForm
      id={id}
      title={t('backup.importTitle')}
      submitLabel={busy ? t('backup.importing') : t('backup.import')}
      busy={busy}
      done={done}
      error={error}
      onSubmit={submit}
    >
      <PathField id={`${id}-path`} value={path} onChange={(e) => setPath(e.target.value)} />
      <InputField
        id={`${id}-pass`}
        label={t('backup.passphrase')}
        type="password"
        value={pass}
        onChange={(e) => setPass(e.target.value)}
        autoComplete="current-password"
      >
        <span className="hint">{t('backup.importHint')}</span>
      </InputField>
    </BackupForm>
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
