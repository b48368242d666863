/**
 * THE validation of credential input (src-main/services/credential-input.ts): the field table's
 * checks plus what needs main — the provider's fields and choices, the static URL guard, the
 * service-account file — and the merge of validated changes into a stored credential. Every
 * refusal is a coded AppError naming the field; none carries the secret it refused.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getProvider } from '../../../src-main/providers/catalog'
import { FIELD_NAMES } from '../../../src-preload/contract/credential-fields'
import {
  applyChanges,
  checkRequired,
  readServiceAccountFile,
  validateInput,
} from '../../../src-main/services/credential-input'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { tmpHome } from '../../support/home'

const openai = getProvider('openai')
const azure = getProvider('azure')
const vertex = getProvider('vertex')
const KEY = 'sk-unit-credential-input-0123456789'
const ACCOUNT = JSON.stringify({ type: 'service_account', project_id: 'p', private_key: 'PK' })

/** The AppError `fn` throws, as { code, params }; fails when it does not throw. */
function refusal(fn: () => unknown): {
  code: string
  message: string
  params: Record<string, unknown>
} {
  try {
    fn()
  } catch (err) {
    const e = err as { code: string; message: string; params: Record<string, unknown> }
    return { code: e.code, message: e.message, params: e.params }
  }
  throw new Error('expected a refusal')
}

function accountFile(content = ACCOUNT): string {
  const file = path.join(tmpHome('sb-input-'), 'sa.json')
  fs.writeFileSync(file, content)
  return file
}

describe('validateInput', () => {
  it('requires a name on create, trims it, and leaves it alone on an update without one', () => {
    expect(refusal(() => validateInput(openai, { apiKey: KEY }, { create: true }))).toMatchObject({
      code: 'validation',
      params: { field: 'name', reason: 'required' },
    })
    expect(
      refusal(() => validateInput(openai, { name: '   ' }, { create: true })).params,
    ).toMatchObject({ field: 'name', reason: 'required' })
    expect(validateInput(openai, { name: '  Work ' }, { create: true }).name).toBe('Work')
    expect(validateInput(openai, { baseUrl: null }, { create: false }).name).toBeUndefined()
  })

  it('refuses a field the provider does not have, but lets any provider clear it', () => {
    expect(
      refusal(() => validateInput(openai, { name: 'n', project: 'p' }, { create: true })),
    ).toMatchObject({ code: 'validation', params: { field: 'project', reason: 'not_supported' } })
    expect(validateInput(openai, { project: null }, { create: false }).plain).toEqual({
      project: null,
    })
  })

  it("refuses a value outside the provider's choices and names them", () => {
    const dashscope = getProvider('dashscope')
    const r = refusal(() =>
      validateInput(dashscope, { name: 'n', location: 'mars-1' }, { create: true }),
    )
    expect(r).toMatchObject({ params: { field: 'location', reason: 'not_a_choice' } })
    expect(r.message).toContain('cn-beijing')
    const choice = dashscope.fields.find((f) => f.field === 'location')!.choices![0]!.value
    expect(validateInput(dashscope, { location: choice }, { create: false }).plain).toEqual({
      location: choice,
    })
  })

  it('refuses a blocked address at the door as url_blocked, naming the field', () => {
    for (const url of ['http://169.254.169.254/latest', 'http://[::ffff:169.254.169.254]/']) {
      expect(
        refusal(() => validateInput(openai, { name: 'n', baseUrl: url }, { create: true })),
      ).toMatchObject({ code: 'url_blocked', params: { field: 'baseUrl' } })
    }
    expect(
      refusal(() => validateInput(openai, { baseUrl: 'ftp://x.example' }, { create: false })),
    ).toMatchObject({ code: 'validation', params: { field: 'baseUrl', reason: 'invalid_scheme' } })
  })

  it('keeps the stored key for an empty one, clears it for null, trims quotes off a new one', () => {
    expect(validateInput(openai, { apiKey: '' }, { create: false }).secrets).toEqual({})
    expect(validateInput(openai, { apiKey: null }, { create: false }).secrets).toEqual({
      apiKey: null,
    })
    expect(validateInput(openai, { apiKey: ` "${KEY}"\n` }, { create: false }).secrets).toEqual({
      apiKey: KEY,
    })
    expect(
      refusal(() => validateInput(vertex, { apiKey: KEY }, { create: false })).params,
    ).toMatchObject({ field: 'apiKey', reason: 'not_supported' })
  })

  it('checks each per-modality endpoint and refuses unknown modalities and non-objects', () => {
    const ok = validateInput(
      azure,
      { endpoints: { embedding: 'https://e.example.com/', language: null } },
      { create: false },
    )
    expect(ok.endpoints).toEqual({ embedding: 'https://e.example.com', language: null })
    expect(validateInput(azure, { endpoints: null }, { create: false }).endpoints).toBeNull()
    const long = 'x'.repeat(500)
    expect(
      refusal(() =>
        validateInput(azure, { endpoints: { [long]: 'https://a.b' } }, { create: false }),
      ).params.field,
    ).toBe(`endpoints.${'x'.repeat(40)}`)
    expect(
      refusal(() => validateInput(azure, { endpoints: ['https://a.b'] }, { create: false })).params,
    ).toMatchObject({ field: 'endpoints' })
    expect(
      refusal(() =>
        validateInput(openai, { endpoints: { embedding: 'https://e.example' } }, { create: false }),
      ).params,
    ).toMatchObject({ field: 'endpointEmbedding', reason: 'not_supported' })
  })

  it("reads a Vertex service-account file into the secret, unless it is the stored one's path", () => {
    const file = accountFile()
    const created = validateInput(
      vertex,
      { name: 'v', project: 'p', location: 'us-central1', credentialsPath: file },
      { create: true },
    )
    expect(created.secrets.serviceAccountJson).toBe(ACCOUNT)
    fs.rmSync(file)
    // The edit form sends the path back unchanged: the file is gone, nothing is re-read.
    const same = validateInput(
      vertex,
      { credentialsPath: file },
      { create: false, storedPath: file, hasStoredAccount: true },
    )
    expect(same.secrets).toEqual({})
    // An import carries the account itself: no local file is read.
    expect(
      validateInput(vertex, { credentialsPath: file }, { create: false, readFiles: false }).secrets,
    ).toEqual({})
    expect(
      refusal(() => validateInput(vertex, { credentialsPath: file }, { create: false })).params,
    ).toMatchObject({ field: 'credentialsPath', reason: 'unreadable' })
    // Clearing the path clears the account.
    expect(validateInput(vertex, { credentialsPath: null }, { create: false }).secrets).toEqual({
      serviceAccountJson: null,
    })
  })

  it('only takes a boolean for allowInsecureHttp', () => {
    expect(validateInput(openai, { allowInsecureHttp: true }, { create: false })).toMatchObject({
      allowInsecureHttp: true,
    })
    expect(
      refusal(() => validateInput(openai, { allowInsecureHttp: 'yes' }, { create: false })).params,
    ).toMatchObject({ field: 'allowInsecureHttp' })
  })

  it('throws nothing but validation / url_blocked on any input, and never echoes a key', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(null, undefined, true, 0, -1, 1e12, [], {}, 'http://0.0.0.0', KEY),
      fc.integer(),
    )
    // Every field of the one table, the request's own `endpoints` map and a name it does not know.
    const field = fc.constantFrom(...FIELD_NAMES, 'endpoints', 'notAField')
    fc.assert(
      fc.property(
        fc.constantFrom('openai', 'azure', 'ollama', 'dashscope', 'openai_compatible'),
        fc.dictionary(field, value),
        fc.boolean(),
        (provider, input, create) => {
          try {
            validateInput(getProvider(provider), input, { create, readFiles: false })
          } catch (err) {
            const e = err as { code?: string; message: string; params?: unknown }
            expect(['validation', 'url_blocked']).toContain(e.code)
            expect(`${e.message} ${JSON.stringify(e.params)}`).not.toContain(KEY)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('readServiceAccountFile', () => {
  it('refuses what is not a JSON object, too large, or not a file', () => {
    expect(readServiceAccountFile(accountFile())).toBe(ACCOUNT)
    expect(refusal(() => readServiceAccountFile(accountFile('[1,2]'))).params).toMatchObject({
      field: 'credentialsPath',
      reason: 'invalid_json',
    })
    const big = accountFile(JSON.stringify({ pad: 'x'.repeat(64 * 1024) }))
    expect(refusal(() => readServiceAccountFile(big)).params).toMatchObject({
      reason: 'unreadable',
    })
    expect(refusal(() => readServiceAccountFile(tmpHome('sb-input-dir-'))).params).toMatchObject({
      reason: 'unreadable',
    })
  })
})

describe('applyChanges and checkRequired', () => {
  it('merges endpoints per modality and drops the record once the last one is cleared', () => {
    const cred = blankCredential('azure', { endpoints: { language: 'https://l.example' } })
    applyChanges(cred, {
      plain: { apiVersion: '2024-10-21' },
      secrets: {},
      endpoints: { embedding: 'https://e.example' },
    })
    expect(cred).toMatchObject({
      apiVersion: '2024-10-21',
      endpoints: { language: 'https://l.example', embedding: 'https://e.example' },
    })
    applyChanges(cred, { plain: {}, secrets: {}, endpoints: { language: null, embedding: null } })
    expect(cred.endpoints).toBeNull()
    applyChanges(cred, { name: 'Renamed', plain: {}, secrets: {}, allowInsecureHttp: true })
    expect(cred).toMatchObject({ name: 'Renamed', allowInsecureHttp: true })
  })

  it("names the provider's first missing required field", () => {
    const cred = blankCredential('azure', {
      secrets: { apiKey: 'sealed' },
      endpoint: 'https://a.b',
    })
    expect(refusal(() => checkRequired(azure, cred))).toMatchObject({
      code: 'validation',
      params: { field: 'apiVersion', reason: 'required' },
    })
    cred.apiVersion = '2024-10-21'
    expect(() => checkRequired(azure, cred)).not.toThrow()
    expect(refusal(() => checkRequired(openai, blankCredential('openai'))).params).toMatchObject({
      field: 'apiKey',
    })
  })
})
