/**
 * What needs the user's attention (issue 16's overview), as a pure function of what the store
 * says and the current time: default slots pointing at a model that is no longer registered,
 * keys whose last test failed, keys not tested for 30 days (or never), keys that do not decrypt.
 * Plain data in, plain data out, so it is tested with dates injected instead of waiting.
 */
import type { AttentionItem, CredentialHealthState } from '../../src-preload/contract/home'
import type { DefaultSlotName } from '../../src-preload/contract/defaults'
import type { TestCode } from '../../src-preload/contract/errors'

/** A key not tested for this long is worth a re-test (issue 16: "not tested for 30 days"). */
export const STALE_TEST_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

export interface AttentionCredential {
  id: string
  provider: string
  name: string
  /** `decryption_error` when its secret does not open under the current key. */
  status: 'ok' | 'decryption_error'
}

export interface AttentionTest {
  code: TestCode
  at: string
}

export interface AttentionInput {
  credentials: readonly AttentionCredential[]
  /** Last test per credential id. */
  lastTests: Readonly<Record<string, AttentionTest | undefined>>
  /** Model id per slot (null = empty), as stored. */
  slots: Readonly<Record<DefaultSlotName, string | null>>
  /** Ids of the registered models. */
  modelIds: ReadonlySet<string>
  now: Date
}

/** A test code that means the key works (`ok`, `ok_rate_limited`, …). */
export const isPassing = (code: TestCode): boolean => code.startsWith('ok')

/** Whole days between a test and now; a date in the future counts as 0. */
export function daysSince(at: string, now: Date): number | null {
  const t = Date.parse(at)
  if (Number.isNaN(t)) return null
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS))
}

/** How one credential reads: failing beats stale beats untested beats ok. */
export function healthOf(
  c: AttentionCredential,
  test: AttentionTest | undefined,
  now: Date,
): CredentialHealthState {
  if (c.status === 'decryption_error') return 'undecryptable'
  if (!test) return 'untested'
  if (!isPassing(test.code)) return 'failing'
  const days = daysSince(test.at, now)
  return days === null || days >= STALE_TEST_DAYS ? 'stale' : 'ok'
}

/**
 * The attention list, most urgent first: stale default slots (a job with no model), keys that
 * fail or do not decrypt, then keys whose test is old or missing. Each item names its fix.
 */
export function computeAttention(input: AttentionInput): AttentionItem[] {
  const stale: AttentionItem[] = []
  for (const [slot, modelId] of Object.entries(input.slots) as [DefaultSlotName, string | null][]) {
    if (modelId && !input.modelIds.has(modelId)) {
      stale.push({ kind: 'stale_default', slot, modelId, fix: 'open_defaults' })
    }
  }
  const broken: AttentionItem[] = []
  const old: AttentionItem[] = []
  for (const c of input.credentials) {
    const test = input.lastTests[c.id]
    const who = { credentialId: c.id, provider: c.provider, name: c.name }
    switch (healthOf(c, test, input.now)) {
      case 'undecryptable':
        broken.push({ kind: 'undecryptable_key', ...who, fix: 'open_api_keys' })
        break
      case 'failing':
        broken.push({ kind: 'failing_key', ...who, code: test!.code, at: test!.at, fix: 'retest' })
        break
      case 'untested':
        old.push({ kind: 'untested_key', ...who, lastTestAt: null, days: null, fix: 'retest' })
        break
      case 'stale':
        old.push({
          kind: 'untested_key',
          ...who,
          lastTestAt: test!.at,
          days: daysSince(test!.at, input.now),
          fix: 'retest',
        })
        break
      case 'ok':
        break
    }
  }
  return [...stale, ...broken, ...old]
}
