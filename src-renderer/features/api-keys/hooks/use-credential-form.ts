/**
 * The add / edit dialog's form: the values as typed (the key too, only here, dropped on save),
 * each field's error, the plain-http confirmation, and the save through the credentials store.
 * Errors main gives about one field show next to that field; any other is the form's error.
 */
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CredentialView, ProviderFormView } from '../../../../src-preload/contract'
import { describeError, errorBodyOf, errorText } from '../../../lib/errors'
import { useAppStore } from '../../../stores/use-app-store'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { toast } from '../../../stores/use-toast-store'
import {
  initialValues,
  needsInsecureConfirm,
  problemParams,
  refusedField,
  toCreateRequest,
  toPatch,
  validateAll,
  validateField,
  type FieldName,
  type FieldProblem,
  type FormValues,
} from '../lib/form-model'

/** A message per field that has a problem. */
export type FieldErrors = Partial<Record<FieldName, string>>

interface CredentialFormOptions {
  formId: string
  provider: ProviderFormView
  credential: CredentialView | null
  reenter: boolean
  onClose: () => void
  onSaved?: (view: CredentialView) => void
}

/** The form's state and handlers; the dialog renders them. */
export function useCredentialForm({
  formId,
  provider,
  credential,
  reenter,
  onClose,
  onSaved,
}: CredentialFormOptions) {
  const { t } = useTranslation('apiKeys')
  const editing = credential !== null
  const hasStoredKey = editing && !reenter && Boolean(credential.hasKey)
  const start = useMemo(() => initialValues(provider, credential), [provider, credential])
  const [values, setValues] = useState<FormValues>(start)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [allowInsecure, setAllowInsecure] = useState(credential?.allowInsecureHttp ?? false)
  const [insecureError, setInsecureError] = useState(false)
  const [busy, setBusy] = useState(false)
  const [picked, setPicked] = useState<string | null>(null)
  // The key's shape warning waits until the key was pasted whole or the field was left.
  const [keySettled, setKeySettled] = useState(false)
  const mode = { editing, hasStoredKey }
  const specs = provider.fields
  const insecure = needsInsecureConfirm(provider, values, hasStoredKey)

  // The same reason texts main's refusals use, with the field's limits from the table.
  const problemText = (field: FieldName, p: FieldProblem) =>
    t(`serverReason.${p}`, problemParams(field))
  const set = (field: FieldName, v: string) => {
    if (field === 'apiKey' && v.length - (values.apiKey ?? '').length > 8) setKeySettled(true)
    setValues((cur) => ({ ...cur, [field]: v }))
    // Once a field showed an error, re-check it while typing so the error clears promptly.
    if (errors[field]) {
      const spec = specs.find((s) => s.field === field)
      const p = validateField(field, v, spec, mode)
      setErrors((e) => ({ ...e, [field]: p ? problemText(field, p) : undefined }))
    }
  }
  const blur = (field: FieldName) => {
    if (field === 'apiKey') setKeySettled(true)
    const spec = specs.find((s) => s.field === field)
    const p = validateField(field, values[field] ?? '', spec, mode)
    setErrors((e) => ({ ...e, [field]: p ? problemText(field, p) : undefined }))
  }
  const confirmInsecure = (checked: boolean) => {
    setAllowInsecure(checked)
    if (checked) setInsecureError(false)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setFormError(null)
    const problems = validateAll(provider, values, mode)
    if (reenter && !values.apiKey?.trim() && specs.some((s) => s.field === 'apiKey')) {
      problems.apiKey = 'required'
    }
    const next: FieldErrors = Object.fromEntries(
      Object.entries(problems).map(([f, p]) => [f, problemText(f as FieldName, p)]),
    )
    setErrors(next)
    const needConfirm = insecure && !allowInsecure
    setInsecureError(needConfirm)
    if (Object.keys(next).length || needConfirm) {
      focusFirstInvalid(formId)
      return
    }
    setBusy(true)
    const store = useCredentialsStore.getState()
    try {
      const view = editing
        ? await store.update({
            id: credential.id,
            ...toPatch(
              provider,
              start,
              values,
              insecure && allowInsecure,
              credential.allowInsecureHttp,
            ),
          })
        : await store.create(toCreateRequest(provider, values, insecure && allowInsecure))
      // Drop the typed key before anything else happens.
      setValues((cur) => ({ ...cur, apiKey: '' }))
      toast({
        kind: 'success',
        title: t(editing ? 'dialog.saved' : 'dialog.added', { name: view.name }),
      })
      onSaved?.(view)
      onClose()
    } catch (err) {
      const body = errorBodyOf(err)
      const refused = refusedField(body, provider)
      if (refused) {
        const text = refused.reason
          ? t(`serverReason.${refused.reason}`, { ...body.params, defaultValue: body.message })
          : body.message
        setErrors((cur) => ({ ...cur, [refused.field]: text }))
        focusFirstInvalid(formId)
      } else {
        const described = describeError(t, body)
        setFormError(`${described.message} ${described.hint}`.trim())
      }
    } finally {
      setBusy(false)
    }
  }

  /** The OS file dialog runs in main, which reads and checks the file; we get its path only. */
  async function pickServiceAccount() {
    try {
      const r = await useAppStore.getState().openFile('serviceAccountJson')
      if (!r.path) return
      set('credentialsPath', r.path)
      setErrors((e) => ({ ...e, credentialsPath: undefined }))
      setPicked(
        t('form.pickedFile', {
          file: r.fileName ?? '',
          project: r.summary?.projectId ?? '–',
          email: r.summary?.clientEmail ?? '–',
        }),
      )
    } catch (err) {
      setErrors((e) => ({ ...e, credentialsPath: errorText(t, err) }))
    }
  }

  return {
    editing,
    hasStoredKey,
    values,
    errors,
    formError,
    busy,
    picked,
    keySettled,
    insecure,
    allowInsecure,
    insecureError,
    set,
    blur,
    confirmInsecure,
    submit,
    pickServiceAccount,
  }
}

/** What the dialog's parts read from the form. */
export type CredentialForm = ReturnType<typeof useCredentialForm>

/** Moves focus to the first invalid input after React has rendered the errors. */
function focusFirstInvalid(formId: string) {
  window.setTimeout(() => {
    const form = document.getElementById(formId)
    form
      ?.querySelector<HTMLElement>('[aria-invalid="true"], .insecure-confirm.invalid input')
      ?.focus()
  }, 0)
}
