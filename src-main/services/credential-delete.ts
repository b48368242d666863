/**
 * The one rule of deleting a credential, and the answer to "what would a delete take with it"
 * from the same rule: the impact is the removal run on a copy of the store's data, compared with
 * the data as it is, so the confirmation cannot say something the delete does not do.
 */
import type { CredentialDeleteImpact } from '../../src-preload/contract/credentials'
import { publicNames, resolveModel } from '../gateway/routing'
import type { DefaultSlotName } from '../../src-preload/contract/slot-names'
import type { StoreData } from '../store/schema'
import { find, repairPrimaries } from './credential-records'
import { clearSlotsForModels } from './default-slots'

/** What one removal did: the models that went with the credential, the slots it emptied. */
export interface Removal {
  modelIds: string[]
  clearedSlots: DefaultSlotName[]
}

/**
 * Removes a credential from `data` (mutates; call inside `store.update`). Deleting needs no key,
 * so an undecryptable credential can always be removed. Its models go with it (a model without
 * its credential cannot be used, and a second provider credential may have another key or
 * account), and every default slot that pointed at one of them is emptied — not marked as
 * cleared by the user, so auto-assign may refill it. A primary passes to the oldest sibling, and
 * the gateway forgets the credential's limits and its stop mark.
 */
export function removeCredential(data: StoreData, id: string): Removal {
  const cred = find(data, id)
  data.credentials = data.credentials.filter((c) => c.id !== id)
  const modelIds = data.models.filter((m) => m.credentialId === id).map((m) => m.id)
  data.models = data.models.filter((m) => m.credentialId !== id)
  const clearedSlots = clearSlotsForModels(data, modelIds)
  for (const key of [id, ...modelIds]) delete data.lastTests[key]
  // The gateway's rate-limit snapshot and its 401/403 stop are about this credential only.
  delete data.gateway.limits[id]
  delete data.gateway.disabled[id]
  if (cred.isPrimary) repairPrimaries(data)
  return { modelIds, clearedSlots }
}

/** What deleting `id` would remove or leave pointing nowhere; `data` is only read. */
export function deleteImpactOf(data: StoreData, id: string): CredentialDeleteImpact {
  const cred = find(data, id)
  const after = structuredClone(data) as StoreData
  const { modelIds, clearedSlots } = removeCredential(after, id)
  const resolves = (d: StoreData, name: string) => resolveModel(d, name).ok
  // The same name may still be served by another credential of the provider: only names that
  // resolve now and not afterwards are lost. Nothing calls the gateway while it is off.
  const lostNames = data.gateway.enabled
    ? publicNames(data)
        .map((n) => n.id)
        .filter((name) => !resolves(after, name))
    : []
  const tokens = data.gateway.tokens.filter((t) =>
    (t.models ?? []).some((name) => resolves(data, name) && !resolves(after, name)),
  )
  const next = cred.isPrimary
    ? after.credentials.find((c) => c.provider === cred.provider && c.isPrimary)
    : undefined
  return {
    id,
    models: modelIds.length,
    slots: clearedSlots,
    nextPrimary: next ? { id: next.id, name: next.name } : null,
    gatewayModels: lostNames,
    gatewayTokens: tokens.map((t) => ({ id: t.id, name: t.name })),
  }
}
