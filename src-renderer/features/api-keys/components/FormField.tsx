import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface FormFieldProps {
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  onBlur: () => void
  required: boolean
  hint?: ReactNode
  error?: string | null
  placeholder?: string
  type?: 'text' | 'url' | 'number' | 'secret'
  /** A button beside the input (the Vertex file picker). */
  action?: ReactNode
  /** The only values the field takes: rendered as a select instead of a text input. */
  choices?: readonly { value: string; label: string }[]
}

/** One labelled input with its hint and inline error; `secret` adds a show/hide toggle. */
export function FormField(props: FormFieldProps) {
  const { t } = useTranslation('apiKeys')
  const id = useId()
  const [shown, setShown] = useState(false)
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null]
    .filter(Boolean)
    .join(' ')
  const secret = props.type === 'secret'
  // What the select (a field with choices) and the input share.
  const common = {
    id,
    name: props.name,
    value: props.value,
    onBlur: props.onBlur,
    'aria-invalid': props.error ? true : undefined,
    'aria-required': props.required || undefined,
    'aria-describedby': describedBy || undefined,
  }
  const input = props.choices ? (
    <select {...common} onChange={(e) => props.onChange(e.target.value)}>
      {props.choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  ) : (
    <input
      {...common}
      type={
        secret
          ? shown
            ? 'text'
            : 'password'
          : props.type === 'number'
            ? 'number'
            : props.type === 'url'
              ? 'url'
              : 'text'
      }
      placeholder={props.placeholder}
      onChange={(e) => props.onChange(e.target.value)}
      autoComplete="off"
      spellCheck={false}
      {...(secret ? { 'data-secret': 'true' } : {})}
      {...(props.type === 'number' ? { min: 1, step: 1, inputMode: 'numeric' as const } : {})}
    />
  )
  return (
    <div className="field" data-field={props.name}>
      <label htmlFor={id}>
        {props.label}{' '}
        <span className={props.required ? 'req' : 'opt'}>
          {props.required ? `(${t('dialog.required')})` : `(${t('dialog.optional')})`}
        </span>
      </label>
      {secret ? (
        <div className="input-with-button">
          {input}
          <button
            type="button"
            className="btn small"
            aria-pressed={shown}
            aria-controls={id}
            onClick={() => setShown((s) => !s)}
          >
            {shown ? t('dialog.hideKey') : t('dialog.showKey')}
          </button>
        </div>
      ) : props.action ? (
        <div className="input-with-button">
          {input}
          {props.action}
        </div>
      ) : (
        input
      )}
      {props.error ? (
        <div className="error" id={errorId} role="alert">
          {props.error}
        </div>
      ) : null}
      {props.hint ? (
        <div className="hint" id={hintId}>
          {props.hint}
        </div>
      ) : null}
    </div>
  )
}
