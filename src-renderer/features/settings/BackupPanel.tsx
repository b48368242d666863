import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type {
  BackupExportResult,
  BackupImportResult,
  RejectedCredential,
} from '../../../src-preload/contract'
import {
  CREDENTIAL_FIELDS,
  type FieldDef,
  type FieldName,
} from '../../../src-preload/contract/credential-fields'
import { ErrorText } from '../../components/ErrorText'
import { useBackupStore } from '../../stores/use-backup-store'
import { errorBodyOf, errorText } from '../../lib/errors'
import { joinNames } from './EnvKeysBanner'

const MIN_PASSPHRASE = 8

/** An error in words: the backup's own reasons first (file exists, wrong passphrase …), else the code's. */
function backupError(t: TFunction, err: unknown): string {
  const params = errorBodyOf(err).params
  const reason = params?.reason
  if (typeof reason === 'string' && t(`backup.reasons.${reason}`, { defaultValue: '' })) {
    return t(`backup.reasons.${reason}`, params)
  }
  return errorText(t, err)
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
  if (r.credentialsRejected.length) {
    lines.push(t('backup.rejected', { count: r.credentialsRejected.length }))
    for (const x of r.credentialsRejected) lines.push(rejectedWords(t, x))
  }
  if (r.defaultsRestored.length) {
    const slots = r.defaultsRestored.map((s) => t(`models:slots.${s}.label`, { defaultValue: s }))
    lines.push(t('backup.defaultsRestored', { slots: joinNames(slots, language) }))
  }
  return lines
}

/**
 * One credential the import refused, in words: which one (position, name, provider), which field
 * and why — the same reason texts the add / edit form shows. Names arrive neutralised from main.
 */
function rejectedWords(t: TFunction, x: RejectedCredential): string {
  const def: FieldDef | undefined =
    x.field && x.field in CREDENTIAL_FIELDS ? CREDENTIAL_FIELDS[x.field as FieldName] : undefined
  const limits = def?.range
    ? { min: def.range[0], max: def.range[1] }
    : def?.max
      ? { max: def.max }
      : {}
  const key = x.code === 'url_blocked' ? 'url_blocked' : x.reason
  const reason =
    key && t(`apiKeys:serverReason.${key}`, { defaultValue: '' })
      ? t(`apiKeys:serverReason.${key}`, limits)
      : t(`errors:${x.code}`, { defaultValue: x.message })
  return t('backup.rejectedRow', {
    index: x.index + 1,
    name: x.name ?? t('backup.rejectedNoName'),
    provider: x.provider ?? '?',
    field: def ? t(`apiKeys:${def.label}`) : (x.field ?? t('backup.rejectedEntry')),
    reason,
  })
}

type InputFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string
  label: string
  /** What follows the input inside the field: its hint, its error. */
  children?: ReactNode
}

/** A labelled input in a `.field`. */
function InputField({ id, label, children, ...input }: InputFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
      {children}
    </div>
  )
}

/** The backup file's path: monospaced, no spell check, no autofill. */
function PathField(props: Omit<InputFieldProps, 'label'>) {
  const { t } = useTranslation('settings')
  return (
    <InputField
      label={t('backup.path')}
      className="mono"
      placeholder={t('backup.pathPlaceholder')}
      spellCheck={false}
      autoComplete="off"
      {...props}
    />
  )
}

/** The frame both backup forms share: heading, fields, submit, the outcome in words, an error. */
function BackupForm(props: {
  id: string
  title: string
  submitLabel: string
  busy: boolean
  done: string[] | null
  error: string | null
  onSubmit: (e: FormEvent) => Promise<void>
  children: ReactNode
}) {
  return (
    <form
      className="backup-form"
      onSubmit={(e) => void props.onSubmit(e)}
      aria-labelledby={`${props.id}-h`}
      noValidate
    >
      <h3 id={`${props.id}-h`}>{props.title}</h3>
      {props.children}
      <div className="row">
        <button type="submit" className="btn primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
      <div aria-live="polite">
        {props.done ? props.done.map((line) => <p key={line}>{line}</p>) : null}
      </div>
      <ErrorText message={props.error} />
    </form>
  )
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
