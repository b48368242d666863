/**
 * The credential as people and scripts see it (src-main/services/credential-view.ts): metadata,
 * `hasKey`, a 4-character hint only for keys long enough to keep a secret, absent values as null
 * — and never a secret, not even sealed.
 */
import { describe, expect, it } from 'vitest'
import { keyHintOf, toCredentialView } from '../../../src-main/services/credential-view'
import { CredentialView } from '../../../src-preload/contract/credentials'
import { blankCredential } from '../../../src-main/store/blank-credential'

describe('keyHintOf', () => {
  it('gives the last 4 characters of a key of 8 or more, and nothing for shorter ones', () => {
    expect(keyHintOf('sk-abcdefgh1234')).toBe('1234')
    expect(keyHintOf('12345678')).toBe('5678')
    // Half of a 7-character key would be shown: no hint.
    expect(keyHintOf('1234567')).toBeNull()
    expect(keyHintOf('')).toBeNull()
  })
})

describe('toCredentialView', () => {
  it('carries no sealed value, and says hasKey for either secret', () => {
    const sealed = 'v1.SEALEDSEALEDSEALED'
    const cred = blankCredential('vertex', {
      id: 'v',
      name: 'GCP',
      project: 'p',
      location: 'us-central1',
      secrets: { serviceAccountJson: sealed },
      createdAt: 'c',
      updatedAt: 'u',
    })
    const view = toCredentialView(cred, 2, 'ok')
    expect(CredentialView.parse(view)).toEqual(view)
    expect(view).toMatchObject({ hasKey: true, keyHint: null, modelCount: 2, project: 'p' })
    expect(JSON.stringify(view)).not.toContain('SEALED')
    expect(toCredentialView(blankCredential('ollama'), 0, 'ok').hasKey).toBe(false)
  })

  it('gives null for absent values and a copy of the endpoints', () => {
    const cred = blankCredential('azure', { endpoints: { language: 'https://l.example' } })
    const partial = { ...cred } as Record<string, unknown>
    delete partial.baseUrl
    delete partial.keyHint
    const view = toCredentialView(partial as never, 0, 'decryption_error')
    expect(view).toMatchObject({ baseUrl: null, keyHint: null, status: 'decryption_error' })
    view.endpoints!.language = 'changed'
    expect(cred.endpoints!.language).toBe('https://l.example')
  })
})
