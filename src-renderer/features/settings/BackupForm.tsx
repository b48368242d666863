import type { FormEvent, InputHTMLAttributes, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorText } from '../../components/ErrorText'

export type InputFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string
  label: string
  /** What follows the input inside the field: its hint, its error. */
  children?: ReactNode
}

/** A labelled input in a `.field`. */
export function InputField({ id, label, children, ...input }: InputFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
      {children}
    </div>
  )
}

/** The backup file's path: monospaced, no spell check, no autofill. */
export function PathField(props: Omit<InputFieldProps, 'label'>) {
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
export function BackupForm(props: {
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
