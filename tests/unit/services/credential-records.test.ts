/**
 * Rules over stored credential records (src-main/services/credential-records.ts): finding one,
 * its sealed fields and status, the one-primary-per-provider rule, drafts and secret marks.
 */
import { describe, expect, it } from 'vitest'
import { getProvider } from '../../../src-main/providers/catalog'
import {
  claimPrimary,
  countModels,
  draftOf,
  find,
  repairPrimaries,
  sealedFields,
  statusOf,
  withSecretMarks,
} from '../../../src-main/services/credential-records'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { emptyStoreData } from '../../../src-main/store/migrations'
import type { StoredCredential } from '../../../src-main/store/schema'
import type { Opener } from '../../../src-main/vault/vault'

const cred = (id: string, over: Partial<StoredCredential> = {}) =>
  blankCredential('openai', { id, name: id, createdAt: '2026-01-01T00:00:00.000Z', ...over })

/** An opener that opens every value but `bad`. */
const opener = (bad = 'BAD'): Opener =>
  ({
    state: 'unlocked',
    open: (_id: string, _f: string, v: string) =>
      v === bad ? { ok: false, reason: 'corrupt' } : { ok: true, value: 'plain' },
  }) as unknown as Opener

describe('credential records', () => {
  it('finds a credential or throws not_found with a bounded id', () => {
    const data = emptyStoreData()
    data.credentials.push(cred('a'))
    expect(find(data, 'a').id).toBe('a')
    try {
      find(data, 'x'.repeat(1000))
      throw new Error('found')
    } catch (err) {
      expect(err).toMatchObject({ code: 'not_found' })
      expect((err as { params: { id: string } }).params.id).toHaveLength(128)
    }
  })

  it('lists the sealed fields that hold a value, and the status they give', () => {
    expect(sealedFields(cred('a'))).toEqual([])
    const c = cred('a', { secrets: { apiKey: 'v1.x', serviceAccountJson: '' } })
    expect(sealedFields(c)).toEqual([['apiKey', 'v1.x']])
    expect(statusOf(cred('plain'), null)).toBe('ok')
    expect(statusOf(c, null)).toBe('decryption_error')
    expect(statusOf(c, opener())).toBe('ok')
    const half = cred('b', { secrets: { apiKey: 'v1.x', serviceAccountJson: 'BAD' } })
    expect(statusOf(half, opener())).toBe('decryption_error')
  })

  it('counts models per credential', () => {
    const data = emptyStoreData()
    const m = (id: string, credentialId: string) => ({
      id,
      name: id,
      provider: 'openai' as const,
      type: 'language' as const,
      credentialId,
      createdAt: '',
    })
    data.models.push(m('1', 'a'), m('2', 'a'), m('3', 'b'))
    expect(Object.fromEntries(countModels(data))).toEqual({ a: 2, b: 1 })
  })

  it('grants primary only where the provider has none, and repairs to the oldest', () => {
    const data = emptyStoreData()
    const first = cred('first')
    claimPrimary(data, first, true)
    data.credentials.push(first)
    const second = cred('second')
    claimPrimary(data, second, true)
    data.credentials.push(second)
    expect([first.isPrimary, second.isPrimary]).toEqual([true, false])
    // Another provider's primary does not count.
    const other = blankCredential('anthropic', { id: 'other' })
    claimPrimary(data, other, true)
    expect(other.isPrimary).toBe(true)

    // The primary is deleted: the oldest left (then the smaller id) is promoted.
    data.credentials = [
      cred('z-old', { createdAt: '2025-01-01T00:00:00.000Z' }),
      cred('b-new', { createdAt: '2026-06-01T00:00:00.000Z' }),
      cred('a-old', { createdAt: '2025-01-01T00:00:00.000Z' }),
    ]
    repairPrimaries(data)
    expect(data.credentials.filter((c) => c.isPrimary).map((c) => c.id)).toEqual(['a-old'])
    repairPrimaries(data)
    expect(data.credentials.filter((c) => c.isPrimary)).toHaveLength(1)
  })

  it('drafts a credential from validated changes, and marks the secrets they will leave set', () => {
    const draft = draftOf(getProvider('azure'), {
      name: 'Az',
      plain: { endpoint: 'https://a.example', apiVersion: '2024-10-21' },
      secrets: { apiKey: 'k' },
    })
    expect(draft).toMatchObject({
      id: '',
      provider: 'azure',
      name: 'Az',
      endpoint: 'https://a.example',
      secrets: {},
      isPrimary: false,
    })
    const marked = withSecretMarks(cred('a', { secrets: { serviceAccountJson: 'v1.s' } }), {
      apiKey: 'new key',
      serviceAccountJson: null,
    })
    expect(marked.secrets).toEqual({ apiKey: 'set' })
    expect(JSON.stringify(marked)).not.toContain('new key')
  })
})
