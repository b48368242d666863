import { useTranslation } from 'react-i18next'
import type {
  CredentialView,
  ProviderFieldView,
  ProviderFormView,
} from '../../../../src-preload/contract'
import { CREDENTIAL_FIELDS } from '../../../../src-preload/contract/credential-fields'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import type { CredentialForm } from '../hooks/use-credential-form'
import { inputTypeOf } from '../lib/form-model'
import { FormField } from './FormField'
import { KeyNotice } from './KeyNotice'

interface CatalogFieldProps {
  spec: ProviderFieldView
  provider: ProviderFormView
  /** The credential being edited; null adds a new one. */
  credential: CredentialView | null
  /** Re-entering the key of an undecryptable credential: the key is required. */
  reenter: boolean
  form: CredentialForm
}

/**
 * One of the provider's catalog fields in the add / edit form: its label, hint and error, the
 * Vertex file picker beside the service-account path, and the key's notice under the key.
 */
export function CatalogField({ spec, provider, credential, reenter, form }: CatalogFieldProps) {
  const { t } = useTranslation('apiKeys')
  const providers = useCredentialsStore((s) => s.providers) ?? [provider]
  const { hasStoredKey, values, picked } = form
  const f = spec.field

  function hint(): string {
    if (f === 'apiKey') {
      if (hasStoredKey) {
        return credential?.keyHint
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

  return (
    <>
      <FormField
        name={f}
        label={
          spec.choices && f === 'location'
            ? t('fields.location.regionLabel')
            : t(CREDENTIAL_FIELDS[f].label)
        }
        choices={spec.choices}
        value={values[f] ?? ''}
        onChange={(v) => form.set(f, v)}
        onBlur={() => form.blur(f)}
        required={spec.required || (reenter && f === 'apiKey')}
        placeholder={
          f === 'apiKey' && hasStoredKey && credential?.keyHint
            ? `…${credential.keyHint}`
            : spec.placeholder
        }
        type={inputTypeOf(f)}
        error={form.errors[f] ?? null}
        hint={(f === 'credentialsPath' && picked) || hint() || undefined}
        action={
          f === 'credentialsPath' ? (
            <button
              type="button"
              className="btn small"
              onClick={() => void form.pickServiceAccount()}
            >
              {t('form.chooseFile')}
            </button>
          ) : undefined
        }
      />
      {f === 'apiKey' ? (
        <KeyNotice
          value={values.apiKey ?? ''}
          provider={provider}
          providers={providers}
          settled={form.keySettled}
        />
      ) : null}
    </>
  )
}
