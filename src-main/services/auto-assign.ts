/**
 * Auto-assign (issue 7): fills the empty required slots the user did not clear with the best
 * healthy model by the preference table in model-preferences.ts. Metadata only: nothing here
 * decrypts a secret or talks to the network.
 */
import type { AutoAssignResult } from '../../src-preload/contract/defaults'
import { slotOfType } from '../../src-preload/contract/model-types'
import type { ModelType } from '../../src-preload/contract/models-shared'
import { classifyIp } from '../net/ip-address'
import type { ProviderId } from '../providers/catalog-types'
import { recommendedFor } from '../providers/guides'
import { recommendedRank } from '../../src-preload/contract/key-input'
import type { DefaultSlotName } from '../../src-preload/contract/slot-names'
import type { StoreData, StoredCredential, StoredModel } from '../store/schema'
import { ensureDefaults, modelProblem, REQUIRED_SLOTS, SLOT_SPECS } from './default-slots'
import {
  ALWAYS_LOCAL_PROVIDERS,
  LOCAL_PROVIDER_PREFERENCE,
  MODEL_PREFERENCES,
  PROVIDER_PREFERENCE,
  SELF_HOSTED_PROVIDERS,
} from './model-preferences'

/** Auto-assign on `data` in place (call inside `store.update`); returns the report. */
export function autoAssignInto(
  data: StoreData,
  undecryptable: ReadonlySet<string>,
): AutoAssignResult {
  const defaults = ensureDefaults(data)
  const result: AutoAssignResult = { assigned: [], skipped: [], missing: [] }
  for (const slot of REQUIRED_SLOTS) {
    const current = defaults.slots[slot]
    const type = SLOT_SPECS[slot].type
    // A slot pointing at a deleted model is empty in all but name: fill it.
    const dangling =
      current !== null && modelProblem(data, current, type, undecryptable) === 'missing_model'
    if (current !== null && !dangling) {
      result.skipped.push({ slot, reason: 'already_set' })
      continue
    }
    if (current === null && defaults.cleared.includes(slot)) {
      result.skipped.push({ slot, reason: 'cleared' })
      continue
    }
    const candidates = data.models.filter((m) => m.type === type)
    if (candidates.length === 0) {
      if (dangling) defaults.slots[slot] = null
      result.missing.push(slot)
      continue
    }
    const healthy = candidates.filter((m) => modelProblem(data, m.id, type, undecryptable) === null)
    const best = rankModels(healthy, data.credentials, type, slot)[0]
    if (!best) {
      result.skipped.push({ slot, reason: 'no_healthy_model' })
      continue
    }
    defaults.slots[slot] = best.id
    result.assigned.push({ slot, modelId: best.id })
  }
  return result
}

/**
 * Orders models of one type best first: provider (cloud order when a cloud credential exists,
 * local first otherwise), then the provider guide's recommended models for the slot (issue 16;
 * the exact name before a dated snapshot), then the provider's model preferences, then the
 * primary credential, then an exact name over a fragment, the shorter name, and the earlier
 * registration.
 */
export function rankModels(
  models: readonly StoredModel[],
  credentials: readonly StoredCredential[],
  type: ModelType,
  slot: DefaultSlotName = slotOfType(type),
): StoredModel[] {
  const hasCloud = credentials.some(isCloudCredential)
  const credById = new Map(credentials.map((c) => [c.id, c]))
  const providerRank = (m: StoredModel): number => {
    const cred = credById.get(m.credentialId)
    const base = indexOr(PROVIDER_PREFERENCE, m.provider)
    if (hasCloud) return base
    // No cloud key: everything on this machine or network first, in the local order.
    const local = cred ? isLocalCredential(cred) : false
    return local ? indexOr(LOCAL_PROVIDER_PREFERENCE, m.provider) : 1000 + base
  }
  const keyed = models.map((m, order) => {
    const cred = credById.get(m.credentialId)
    const prefs = MODEL_PREFERENCES[m.provider]?.[type] ?? []
    const rec = recommendedRank(m.name, recommendedFor(m.provider, slot))
    const name = m.name.toLowerCase()
    let prefIndex = prefs.length
    let exact = 1
    for (let i = 0; i < prefs.length; i++) {
      const p = prefs[i]!.toLowerCase()
      if (name === p || name.includes(p)) {
        prefIndex = i
        exact = name === p ? 0 : 1
        break
      }
    }
    return {
      m,
      key: [
        providerRank(m),
        rec ? rec.index : Number.MAX_SAFE_INTEGER,
        rec?.exact ? 0 : 1,
        prefIndex,
        cred?.isPrimary ? 0 : 1,
        cred?.createdAt ?? '',
        exact,
        prefIndex < prefs.length ? m.name.length : 0,
        m.createdAt,
        order,
      ] as const,
    }
  })
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const x = a.key[i]!
      const y = b.key[i]!
      if (x < y) return -1
      if (x > y) return 1
    }
    return 0
  })
  return keyed.map((k) => k.m)
}

/** A hosted provider's credential (not a self-hosted kind, whatever URL a compat one points at). */
export function isCloudCredential(cred: Pick<StoredCredential, 'provider'>): boolean {
  return !SELF_HOSTED_PROVIDERS.includes(cred.provider)
}

/**
 * A credential that runs on the user's own machine or network: Ollama, LM Studio and oMLX
 * always; the compat providers when their base URL is loopback or a private LAN address.
 */
export function isLocalCredential(cred: Pick<StoredCredential, 'provider' | 'baseUrl'>): boolean {
  if (ALWAYS_LOCAL_PROVIDERS.includes(cred.provider)) return true
  if (!SELF_HOSTED_PROVIDERS.includes(cred.provider)) return false
  return cred.baseUrl ? isLocalUrl(cred.baseUrl) : false
}

/** True for loopback, RFC 1918 / CGNAT addresses and `localhost`, `.local`, `.lan` names. */
export function isLocalUrl(url: string): boolean {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return false
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1)
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host.endsWith('.local') || host.endsWith('.lan') || host === 'host.docker.internal')
    return true
  const verdict = classifyIp(host)
  return verdict !== null && verdict.ok && verdict.kind !== 'public'
}

function indexOr(list: readonly ProviderId[], id: ProviderId): number {
  const i = list.indexOf(id)
  return i === -1 ? list.length : i
}
