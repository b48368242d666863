import { Fragment, useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  CredentialView,
  ProviderFieldView,
  ProviderFormView,
} from '../../../../src-preload/contract'
import { Dialog } from '../../../components/Dialog'
import { useAppStore } from '../../../stores/use-app-store'
import { errorBodyOf, describeError, errorText } from '../../../lib/errors'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { toast } from '../../../stores/use-toast-store'
import {
  ENDPOINT_FIELDS,
  initialValues,
  inputTypeOf,
  isAdvanced,
  isInsecureRemote,
  needsInsecureConfirm,
  problemParams,
  toCreateRequest,
  toPatch,
  validateField,
  validateAll,
  type FieldName,
  type FieldProblem,
  type FormValues,
} from '../lib/form-model'
import { CREDENTIAL_FIELDS } from '../../../../src-preload/contract/credential-fields'
import { FormField } from './FormField'
import { KeyNotice } from './KeyNotice'
import { openExternal } from './LinkedText'
import { ProviderGuide } from './ProviderGuide'

interface CredentialDialogProps {
  provider: ProviderFormView
  /** The credential being edited; null adds a new one. */
  credential: CredentialView | null
  /** Re-entering the key of an undecryptable credential: the key is required. */
  reenter?: boolean
  onClose: () => void
  /** Told about the saved credential (main's view) before the dialog closes: the first-run flow goes on from it. */
  onSaved?: (view: CredentialView) => void
}

type Errors = Partial<Record<FieldName, string>>

/**
 * Add / edit a credential with exactly the provider's catalog fields. The typed key lives only in
 * this component's state and is gone when the dialog closes; the store only ever sees main's view.
 */
export function CredentialDialog({
  provider,
  credential,
  reenter = false,
  onClose,
  onSaved,
}: CredentialDialogProps) {
  const { t } = useTranslation('apiKeys')
  const formId = useId()
  const editing = credential !== null
  const hasStoredKey = editing && !reenter && Boolean(credential.hasKey)
  const start = useMemo(() => initialValues(provider, credential), [provider, credential])
  const [values, setValues] = useState<FormValues>(start)
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [allowInsecure, setAllowInsecure] = useState(credential?.allowInsecureHttp ?? false)
  const [insecureError, setInsecureError] = useState(false)
  const [busy, setBusy] = useState(false)
  const [picked, setPicked] = useState<string | null>(null)
  // The key's shape warning waits until the key was pasted whole or the field was left.
  const [keySettled, setKeySettled] = useState(false)
  const providers = useCredentialsStore((s) => s.providers) ?? [provider]
  const mode = { editing, hasStoredKey }
  const specs = provider.fields
  const endpointSpecs = specs.filter((s) => s.field in ENDPOINT_FIELDS)
  const mainSpecs = specs.filter((s) => !(s.field in ENDPOINT_FIELDS) && !isAdvanced(s))
  const advancedSpecs = specs.filter((s) => !(s.field in ENDPOINT_FIELDS) && isAdvanced(s))
  const insecure = needsInsecureConfirm(provider, values, hasStoredKey)
  // A regional provider's key is made on its region's page: the link follows the chosen region.
  const keyPage =
    specs
      .flatMap((s) => s.choices?.filter((c) => c.value === values[s.field]) ?? [])
      .find((c) => c.docsUrl)?.docsUrl ?? provider.docsUrl

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

  async function submit(e: FormEvent) {
    e.preventDefault()
    setFormError(null)
    const problems = validateAll(provider, values, mode)
    if (reenter && !values.apiKey?.trim() && specs.some((s) => s.field === 'apiKey')) {
      problems.apiKey = 'required'
    }
    const next: Errors = Object.fromEntries(
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
      const field = body.params?.field as string | undefined
      const reason = body.params?.reason as string | undefined
      const described = describeError(t, body)
      const fieldNames = new Set<string>(['name', ...specs.map((s) => s.field)])
      // A refusal of one field (validation, or a blocked address at the door) shows next to it.
      if (
        (body.code === 'validation' || body.code === 'url_blocked') &&
        field &&
        fieldNames.has(field)
      ) {
        const key = body.code === 'url_blocked' ? 'url_blocked' : reason
        const text = key
          ? t(`serverReason.${key}`, { ...body.params, defaultValue: body.message })
          : body.message
        setErrors((cur) => ({ ...cur, [field]: text }))
        focusFirstInvalid(formId)
      } else {
        setFormError(`${described.message} ${described.hint}`.trim())
      }
    } finally {
      setBusy(false)
    }
  }

  const title = reenter
    ? t('dialog.reenterTitle', { name: credential?.name })
    : editing
      ? t('dialog.editTitle', { name: credential.name })
      : t('dialog.addTitle', { provider: provider.displayName })

  const fieldFor = (spec: ProviderFieldView) => (
    <Fragment key={spec.field}>
      <FormField
        name={spec.field}
        label={
          spec.choices && spec.field === 'location'
            ? t('fields.location.regionLabel')
            : t(CREDENTIAL_FIELDS[spec.field].label)
        }
        choices={spec.choices}
        value={values[spec.field] ?? ''}
        onChange={(v) => set(spec.field, v)}
        onBlur={() => blur(spec.field)}
        required={spec.required || (reenter && spec.field === 'apiKey')}
        placeholder={
          spec.field === 'apiKey' && hasStoredKey && credential.keyHint
            ? `…${credential.keyHint}`
            : spec.placeholder
        }
        type={inputTypeOf(spec.field)}
        error={errors[spec.field] ?? null}
        hint={(spec.field === 'credentialsPath' && picked) || hintFor(spec) || undefined}
        action={
          spec.field === 'credentialsPath' ? (
            <button type="button" className="btn small" onClick={() => void pickServiceAccount()}>
              {t('form.chooseFile')}
            </button>
          ) : undefined
        }
      />
      {spec.field === 'apiKey' ? (
        <KeyNotice
          value={values.apiKey ?? ''}
          provider={provider}
          providers={providers}
          settled={keySettled}
        />
      ) : null}
    </Fragment>
  )

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

  function hintFor(spec: ProviderFieldView): string {
    const f = spec.field
    if (f === 'apiKey') {
      if (hasStoredKey) {
        return credential.keyHint
          ? t('fields.apiKey.hintEdit', { hint: credential.keyHint })
          : t('fields.apiKey.hintEditNoHint')
      }
      return spec.required ? t('fields.apiKey.hint') : t('fields.apiKey.hintOptional')
    }
    if (f === 'baseUrl') {
      if (spec.required) return t('fields.baseUrl.hintRequired')
      const url = provider.defaultBaseUrl ?? spec.placeholder ?? ''
      return provider.local
        ? t('fields.baseUrl.hintLocal', { url })
        : t('fields.baseUrl.hint', { url })
    }
    if (f === 'location' && spec.choices) return t('fields.location.regionHint')
    return t(`fields.${f}.hint`)
  }

  const insecureHost = (() => {
    for (const f of ['baseUrl', 'endpoint'] as const) {
      const v = values[f]
      if (v && isInsecureRemote(v)) {
        try {
          return new URL(v.trim()).host
        } catch {
          return v
        }
      }
    }
    return ''
  })()

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common:cancel')}
          </button>
          <button type="submit" form={formId} className="btn primary" disabled={busy}>
            {busy ? t('dialog.saving') : editing ? t('dialog.save') : t('dialog.add')}
          </button>
        </>
      }
    >
      <form id={formId} noValidate onSubmit={(e) => void submit(e)} className="credential-form">
        {specs.some((s) => s.field === 'apiKey') && !provider.local ? (
          <p className="muted form-docs">
            <a
              href={keyPage}
              onClick={(e) => {
                e.preventDefault()
                openExternal(keyPage)
              }}
            >
              {t('dialog.docsLink')}
            </a>
          </p>
        ) : null}
        {provider.guide ? <ProviderGuide provider={provider} initiallyOpen={!editing} /> : null}
        <FormField
          name="name"
          label={t('fields.name.label')}
          value={values.name}
          onChange={(v) => set('name', v)}
          onBlur={() => blur('name')}
          required
          placeholder={t('fields.name.placeholder')}
          error={errors.name ?? null}
          hint={t('fields.name.hint')}
        />
        {mainSpecs.map(fieldFor)}
        {advancedSpecs.length ? (
          <fieldset className="endpoints">
            <legend>{t('dialog.advanced')}</legend>
            {advancedSpecs.map(fieldFor)}
          </fieldset>
        ) : null}
        {endpointSpecs.length ? (
          <fieldset className="endpoints">
            <legend>{t('dialog.azureEndpoints')}</legend>
            <p className="hint muted">{t('dialog.azureEndpointsHint')}</p>
            {endpointSpecs.map(fieldFor)}
          </fieldset>
        ) : null}
        {insecure ? (
          <div className={`insecure-confirm ${insecureError ? 'invalid' : ''}`}>
            <strong>{t('dialog.insecureTitle')}</strong>
            <p>{t('dialog.insecureBody', { host: insecureHost })}</p>
            <label className="check">
              <input
                type="checkbox"
                name="allowInsecureHttp"
                checked={allowInsecure}
                onChange={(e) => {
                  setAllowInsecure(e.target.checked)
                  if (e.target.checked) setInsecureError(false)
                }}
              />{' '}
              {t('dialog.insecureConfirm')}
            </label>
            {insecureError ? (
              <div className="error" role="alert">
                {t('dialog.insecureRequired')}
              </div>
            ) : null}
          </div>
        ) : null}
        {formError ? (
          <div className="form-error" role="alert">
            <strong>{t('dialog.formError')}</strong> {formError}
          </div>
        ) : null}
      </form>
    </Dialog>
  )
}

/** Moves focus to the first invalid input after React has rendered the errors. */
function focusFirstInvalid(formId: string) {
  window.setTimeout(() => {
    const form = document.getElementById(formId)
    form
      ?.querySelector<HTMLElement>('[aria-invalid="true"], .insecure-confirm.invalid input')
      ?.focus()
  }, 0)
}
