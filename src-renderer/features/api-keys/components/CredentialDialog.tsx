import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  CredentialView,
  ProviderFieldView,
  ProviderFormView,
} from '../../../../src-preload/contract'
import { Dialog } from '../../../components/Dialog'
import { useCredentialForm } from '../hooks/use-credential-form'
import { ENDPOINT_FIELDS, insecureHostOf, isAdvanced, keyPageOf } from '../lib/form-model'
import { CatalogField } from './CatalogField'
import { FormField } from './FormField'
import { InsecureConfirm } from './InsecureConfirm'
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

/**
 * Add / edit a credential with exactly the provider's catalog fields. The typed key lives only in
 * the form's state (`use-credential-form.ts`) and is gone when the dialog closes; the store only
 * ever sees main's view.
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
  const form = useCredentialForm({ formId, provider, credential, reenter, onClose, onSaved })
  const { editing, values, errors, busy } = form
  const specs = provider.fields
  const endpointSpecs = specs.filter((s) => s.field in ENDPOINT_FIELDS)
  const mainSpecs = specs.filter((s) => !(s.field in ENDPOINT_FIELDS) && !isAdvanced(s))
  const advancedSpecs = specs.filter((s) => !(s.field in ENDPOINT_FIELDS) && isAdvanced(s))
  const keyPage = keyPageOf(provider, values)

  const title = reenter
    ? t('dialog.reenterTitle', { name: credential?.name })
    : credential
      ? t('dialog.editTitle', { name: credential.name })
      : t('dialog.addTitle', { provider: provider.displayName })

  const fieldFor = (spec: ProviderFieldView) => (
    <CatalogField
      key={spec.field}
      spec={spec}
      provider={provider}
      credential={credential}
      reenter={reenter}
      form={form}
    />
  )

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
      <form
        id={formId}
        noValidate
        onSubmit={(e) => void form.submit(e)}
        className="credential-form"
      >
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
          onChange={(v) => form.set('name', v)}
          onBlur={() => form.blur('name')}
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
        {form.insecure ? (
          <InsecureConfirm
            host={insecureHostOf(values)}
            checked={form.allowInsecure}
            invalid={form.insecureError}
            onChange={form.confirmInsecure}
          />
        ) : null}
        {form.formError ? (
          <div className="form-error" role="alert">
            <strong>{t('dialog.formError')}</strong> {form.formError}
          </div>
        ) : null}
      </form>
    </Dialog>
  )
}
