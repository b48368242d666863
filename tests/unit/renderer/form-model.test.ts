/**
 * The add / edit form's pure logic: validation, the create request, the minimal update patch, the
 * key page, the insecure host and which field main's refusal is about.
 */
import { describe, expect, it } from 'vitest'
import type { CredentialView, ProviderFormView } from '../../../src-preload/contract'
import {
  initialValues,
  insecureHostOf,
  isInsecureRemote,
  keyPageOf,
  needsInsecureConfirm,
  refusedField,
  toCreateRequest,
  toPatch,
  validateAll,
  validateField,
} from '../../../src-renderer/features/api-keys/lib/form-model'

const openai: ProviderFormView = {
  id: 'openai',
  displayName: 'OpenAI',
  modalities: ['language'],
  fields: [
    { field: 'apiKey', required: true },
    { field: 'baseUrl', required: false, placeholder: 'https://api.openai.com/v1' },
  ],
  defaultBaseUrl: 'https://api.openai.com/v1',
  docsUrl: 'https://platform.openai.com/api-keys',
  local: false,
  guide: {
    keyUrl: 'https://platform.openai.com/api-keys',
    steps: [],
    keyShapes: [],
    recommended: {},
    troubleshooting: {},
    memory: null,
  },
}
const azure: ProviderFormView = {
  ...openai,
  id: 'azure',
  fields: [
    { field: 'apiKey', required: true },
    { field: 'endpoint', required: true },
    { field: 'apiVersion', required: true },
    { field: 'endpointLanguage', required: false },
    { field: 'endpointEmbedding', required: false },
  ],
}
const ollama: ProviderFormView = {
  ...openai,
  id: 'ollama',
  local: true,
  fields: [
    { field: 'baseUrl', required: false },
    { field: 'apiKey', required: false },
    { field: 'numCtx', required: false },
  ],
}

const view = (over: Partial<CredentialView>): CredentialView => ({
  id: 'c1',
  provider: 'azure',
  name: 'Az',
  baseUrl: null,
  endpoint: 'https://a.openai.azure.com',
  apiVersion: '2024-10-21',
  project: null,
  location: null,
  credentialsPath: null,
  numCtx: null,
  isPrimary: true,
  hasKey: true,
  keyHint: 'abcd',
  modelCount: 0,
  status: 'ok',
  createdAt: '',
  updatedAt: '',
  endpoints: { language: 'https://lang.openai.azure.com' },
  allowInsecureHttp: false,
  ...over,
})

describe('form model', () => {
  it('validates required fields, URLs and numbers; an empty key on edit keeps the stored one', () => {
    const add = { editing: false, hasStoredKey: false }
    expect(validateAll(openai, initialValues(openai), add)).toEqual({
      name: 'required',
      apiKey: 'required',
    })
    expect(validateField('baseUrl', 'not a url', openai.fields[1], add)).toBe('invalid_url')
    expect(validateField('baseUrl', 'ftp://x.example', openai.fields[1], add)).toBe(
      'invalid_scheme',
    )
    expect(validateField('baseUrl', 'https://u:p@x.example', openai.fields[1], add)).toBe(
      'credentials_in_url',
    )
    expect(validateField('numCtx', '0', undefined, add)).toBe('out_of_range')
    expect(validateField('numCtx', '1.5', undefined, add)).toBe('invalid_number')
    // The table's checks run in the form too: the same refusals main gives.
    expect(validateField('name', 'a\u001b[2Jb', undefined, add)).toBe('invalid_characters')
    expect(validateField('name', 'n'.repeat(101), undefined, add)).toBe('too_long')
    expect(validateField('apiKey', 'sk-a\u0000b', openai.fields[0], add)).toBe('invalid_characters')
    expect(validateField('numCtx', '8192', undefined, add)).toBeNull()
    expect(
      validateField('apiKey', '', openai.fields[0], { editing: true, hasStoredKey: true }),
    ).toBeNull()
    expect(
      validateField('apiKey', '', openai.fields[0], { editing: true, hasStoredKey: false }),
    ).toBe('required')
  })

  it('builds a create request with exactly the filled fields, Azure endpoints nested', () => {
    const values = {
      ...initialValues(azure),
      name: ' Az ',
      apiKey: ' k ',
      endpoint: 'https://a.example',
      apiVersion: 'v',
      endpointEmbedding: 'https://e.example',
    }
    expect(toCreateRequest(azure, values, false)).toEqual({
      provider: 'azure',
      name: 'Az',
      apiKey: 'k',
      endpoint: 'https://a.example',
      apiVersion: 'v',
      endpoints: { embedding: 'https://e.example' },
    })
    const o = { ...initialValues(ollama), name: 'L', numCtx: '4096' }
    expect(toCreateRequest(ollama, o, false)).toEqual({
      provider: 'ollama',
      name: 'L',
      numCtx: 4096,
    })
  })

  it('patches only what changed: cleared fields become null, an empty key is left out', () => {
    const before = initialValues(azure, view({}))
    expect(before.apiKey).toBe('')
    expect(before.endpointLanguage).toBe('https://lang.openai.azure.com')
    expect(toPatch(azure, before, before, false, false)).toEqual({})
    const changed = { ...before, endpointLanguage: '', apiVersion: '2025-01-01', apiKey: 'new-key' }
    expect(toPatch(azure, before, changed, false, false)).toEqual({
      apiKey: 'new-key',
      apiVersion: '2025-01-01',
      endpoints: { language: null },
    })
  })

  it('asks for the insecure-http confirmation only when a key would go over http to another host', () => {
    expect(isInsecureRemote('http://192.168.1.5:11434')).toBe(true)
    expect(isInsecureRemote('http://localhost:11434')).toBe(false)
    expect(isInsecureRemote('http://127.0.0.1:1234/v1')).toBe(false)
    expect(isInsecureRemote('https://gateway.example/v1')).toBe(false)
    const lan = { ...initialValues(ollama), name: 'L', baseUrl: 'http://192.168.1.5:11434' }
    expect(needsInsecureConfirm(ollama, lan, false)).toBe(false) // no key: nothing to protect
    expect(needsInsecureConfirm(ollama, { ...lan, apiKey: 'tok' }, false)).toBe(true)
    expect(needsInsecureConfirm(ollama, lan, true)).toBe(true) // a stored key would travel
  })

  it('names the host a key would reach over plain http, from the base URL or the endpoint', () => {
    const values = initialValues(azure)
    expect(insecureHostOf(values)).toBe('')
    expect(insecureHostOf({ ...values, endpoint: ' http://10.0.0.2:8080/openai ' })).toBe(
      '10.0.0.2:8080',
    )
    expect(insecureHostOf({ ...values, baseUrl: 'http://lan-box:11434' })).toBe('lan-box:11434')
    expect(insecureHostOf({ ...values, endpoint: 'https://a.openai.azure.com' })).toBe('')
  })

  it('links the key page of the chosen region, else the provider’s own', () => {
    const regional: ProviderFormView = {
      ...openai,
      docsUrl: 'https://keys.example/intl',
      fields: [
        { field: 'apiKey', required: true },
        {
          field: 'location',
          required: true,
          choices: [
            { value: 'intl', label: 'International' },
            { value: 'cn', label: 'China', docsUrl: 'https://keys.example/cn' },
          ],
        },
      ],
    }
    const values = initialValues(regional)
    expect(values.location).toBe('intl')
    expect(keyPageOf(regional, values)).toBe('https://keys.example/intl')
    expect(keyPageOf(regional, { ...values, location: 'cn' })).toBe('https://keys.example/cn')
    expect(keyPageOf(openai, initialValues(openai))).toBe(openai.docsUrl)
  })

  it('puts main’s refusal of one of the form’s fields next to that field', () => {
    expect(
      refusedField(
        { code: 'validation', message: 'm', params: { field: 'baseUrl', reason: 'not_a_url' } },
        openai,
      ),
    ).toEqual({ field: 'baseUrl', reason: 'not_a_url' })
    expect(
      refusedField({ code: 'url_blocked', message: 'm', params: { field: 'baseUrl' } }, openai),
    ).toEqual({ field: 'baseUrl', reason: 'url_blocked' })
    expect(
      refusedField({ code: 'validation', message: 'm', params: { field: 'name' } }, openai),
    ).toEqual({ field: 'name', reason: undefined })
  })

  it('leaves a refusal of the whole form, or of a field this provider lacks, to the form', () => {
    expect(
      refusedField({ code: 'validation', message: 'm', params: { field: 'endpoint' } }, openai),
    ).toBeNull()
    expect(refusedField({ code: 'validation', message: 'm' }, openai)).toBeNull()
    expect(
      refusedField({ code: 'vault_locked', message: 'm', params: { field: 'baseUrl' } }, openai),
    ).toBeNull()
  })
})
