/**
 * What a backup carries and how it maps to the store: the plaintext payload of the current store
 * (export) and the re-linking of a backup's models and default slots to the credentials an import
 * kept or found. Runs on StoreData; the vault only opens secrets for export.
 */
import { defaultSlots, type DefaultSlotName } from '../../src-preload/contract/slot-names'
import type { StoreData } from '../store/schema'
import { hasSealedSecrets, lockedError, wrongKeyError, type Vault } from '../vault/vault'
import {
  BackupModel,
  type BackupCredential,
  type ExportPayload,
  type Payload,
} from './backup-envelope'
import { SLOT_SPECS } from './default-slots'
import { parseUntrusted } from '../../src-preload/contract/parse-untrusted'

/** The plaintext payload of the current store; undecryptable credentials are left out. */
export async function payloadOf(
  data: StoreData,
  vault: Vault,
): Promise<{ payload: ExportPayload; skipped: number }> {
  const opener = hasSealedSecrets(data) ? await vault.opener(data) : null
  if (opener?.state === 'locked') throw lockedError()
  if (opener?.state === 'wrong_key') throw wrongKeyError()
  const credentials: BackupCredential[] = []
  let skipped = 0
  for (const c of data.credentials) {
    const secrets: Record<string, string | null> = { apiKey: null, serviceAccountJson: null }
    let ok = true
    for (const [field, sealed] of Object.entries(c.secrets ?? {})) {
      if (!sealed) continue
      const r = opener!.open(c.id, field, sealed)
      if (r.ok) secrets[field] = r.value
      else ok = false
    }
    if (!ok) {
      skipped += 1
      continue
    }
    credentials.push({
      id: c.id,
      provider: c.provider,
      name: c.name,
      baseUrl: c.baseUrl,
      endpoint: c.endpoint,
      apiVersion: c.apiVersion,
      endpoints: (c.endpoints as Record<string, string> | null) ?? null,
      project: c.project,
      location: c.location,
      credentialsPath: c.credentialsPath,
      numCtx: c.numCtx,
      apiKey: secrets.apiKey ?? null,
      serviceAccountJson: secrets.serviceAccountJson ?? null,
      allowInsecureHttp: Boolean(c.allowInsecureHttp),
      isPrimary: c.isPrimary,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    })
  }
  const kept = new Set(credentials.map((c) => c.id))
  const models = data.models.filter((m) => kept.has(m.credentialId)).map((m) => ({ ...m }))
  const modelIds = new Set(models.map((m) => m.id))
  const slots = Object.fromEntries(
    defaultSlots.map((s) => {
      const id = data.defaults.slots[s]
      return [s, id && modelIds.has(id) ? id : null]
    }),
  )
  return { payload: { credentials, models, defaults: { slots } }, skipped }
}

/**
 * Links the backup's models and default slots to the credentials the import kept or found
 * (runs inside the credentials service's store update, so the whole merge is one write).
 */
export function linkModels(
  data: StoreData,
  payload: Payload,
  credMap: Map<string, string>,
  newId: () => string,
) {
  const out = { modelsImported: 0, modelsSkipped: 0, defaultsRestored: [] as string[] }
  const modelMap = new Map<string, string>()
  for (const raw of payload.models) {
    const parsed = parseUntrusted(BackupModel, raw)
    const m = parsed.success ? parsed.data : null
    const cred = m && data.credentials.find((c) => c.id === credMap.get(m.credentialId))
    if (!m || !cred) {
      out.modelsSkipped += 1
      continue
    }
    const existing = data.models.find(
      (x) =>
        x.credentialId === cred.id &&
        x.type === m.type &&
        x.name.toLowerCase() === m.name.toLowerCase(),
    )
    if (existing) {
      modelMap.set(m.id, existing.id)
      out.modelsSkipped += 1
      continue
    }
    const id = newId()
    data.models.push({
      id,
      name: m.name,
      provider: cred.provider,
      type: m.type,
      credentialId: cred.id,
      createdAt: m.createdAt,
    })
    modelMap.set(m.id, id)
    out.modelsImported += 1
  }
  for (const slot of defaultSlots) {
    const target = modelMap.get(payload.defaults.slots[slot] ?? '')
    if (!target || data.defaults.slots[slot]) continue
    // The slot's own type only, as `defaults set` requires: a backup may say anything.
    if (data.models.find((m) => m.id === target)?.type !== SLOT_SPECS[slot].type) continue
    data.defaults.slots[slot] = target
    data.defaults.cleared = data.defaults.cleared.filter((s: DefaultSlotName) => s !== slot)
    out.defaultsRestored.push(slot)
  }
  return out
}
