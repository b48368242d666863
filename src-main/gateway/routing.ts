/**
 * Model names the gateway accepts (DESIGN §14): a registered model's name, `<provider>/<name>`
 * (needed when two providers register the same name), or a job alias `default:<slot>` resolved
 * from the default slots (the optional language slots fall back to chat, as in DESIGN §3).
 * Every credential of the provider with the model registered is a candidate, the primary first.
 */
import type { ModelType } from '../../src-preload/contract/models-shared'
import { fallsBackToChat } from '../../src-preload/contract/slot-names'
import { defaultSlots, type DefaultSlotName } from '../../src-preload/contract/slot-names'
import type { StoreData, StoredModel } from '../store/schema'

export interface ResolvedModel {
  /** `provider/name`, the name usage is counted under. */
  canonical: string
  provider: StoredModel['provider']
  /** The provider's own model id, sent upstream. */
  name: string
  type: ModelType
  /** Credential ids holding this model, primary first. */
  credentialIds: string[]
}

export type Resolution =
  | { ok: true; model: ResolvedModel }
  | { ok: false; reason: 'not_found' | 'ambiguous'; choices?: string[] }
  | { ok: false; reason: 'slot_unset'; slot: DefaultSlotName }

const lower = (s: string) => s.toLowerCase()

/** The model names a client can use for each registered model (name, or provider/name on a clash). */
export function publicNames(data: StoreData): { id: string; model: ResolvedModel }[] {
  const seen = new Map<string, ResolvedModel>()
  for (const m of data.models) {
    const key = `${m.provider}/${lower(m.name)}|${m.type}`
    if (!seen.has(key)) seen.set(key, toResolved(data, m))
  }
  const byName = new Map<string, Set<string>>()
  for (const r of seen.values()) {
    const set = byName.get(lower(r.name)) ?? new Set()
    set.add(r.provider)
    byName.set(lower(r.name), set)
  }
  return [...seen.values()].map((model) => ({
    id: (byName.get(lower(model.name))?.size ?? 0) > 1 ? model.canonical : model.name,
    model,
  }))
}

function toResolved(data: StoreData, m: StoredModel): ResolvedModel {
  const holders = data.models.filter(
    (x) => x.provider === m.provider && x.type === m.type && lower(x.name) === lower(m.name),
  )
  const creds = holders
    .map((h) => data.credentials.find((c) => c.id === h.credentialId))
    .filter((c): c is NonNullable<typeof c> => Boolean(c))
    .sort(
      (a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.createdAt.localeCompare(b.createdAt),
    )
  return {
    canonical: `${m.provider}/${m.name}`,
    provider: m.provider,
    name: m.name,
    type: m.type,
    credentialIds: [...new Set(creds.map((c) => c.id))],
  }
}

/** Resolves what a client asked for; `want` narrows to a model type when several share a name. */
export function resolveModel(data: StoreData, requested: string, want?: ModelType): Resolution {
  const asked = requested.trim()
  if (!asked) return { ok: false, reason: 'not_found' }
  const alias = /^default:(\w+)$/.exec(asked)
  if (alias) {
    const slot = defaultSlots.find((s) => lower(s) === lower(alias[1]!)) as
      DefaultSlotName | undefined
    if (!slot) return { ok: false, reason: 'not_found' }
    let id = data.defaults.slots[slot]
    if (!id && fallsBackToChat(slot)) id = data.defaults.slots.chat
    const m = id ? data.models.find((x) => x.id === id) : undefined
    return m ? { ok: true, model: toResolved(data, m) } : { ok: false, reason: 'slot_unset', slot }
  }
  const pick = (list: StoredModel[]) => {
    const typed = want ? list.filter((m) => m.type === want) : list
    return typed.length ? typed : list
  }
  // Exact names first: OpenRouter model ids contain slashes (`openai/gpt-4o`).
  const exact = pick(data.models.filter((m) => lower(m.name) === lower(asked)))
  const providers = [...new Set(exact.map((m) => m.provider))]
  if (providers.length === 1) return { ok: true, model: toResolved(data, exact[0]!) }
  if (providers.length > 1) {
    return {
      ok: false,
      reason: 'ambiguous',
      choices: providers.map((p) => `${p}/${exact.find((m) => m.provider === p)!.name}`),
    }
  }
  const slash = asked.indexOf('/')
  if (slash > 0) {
    const provider = lower(asked.slice(0, slash))
    const name = asked.slice(slash + 1)
    const hit = pick(
      data.models.filter((m) => m.provider === provider && lower(m.name) === lower(name)),
    )
    if (hit.length) return { ok: true, model: toResolved(data, hit[0]!) }
  }
  return { ok: false, reason: 'not_found' }
}

/**
 * Whether a token's allowlist lets it use `model` (asked for as `requested`): an entry equal to
 * what the client sent, or an entry that names the same model (its name, `provider/name`, or an
 * alias currently pointing at it). Entries are resolved like requests, so an ambiguous bare
 * name allows nothing.
 */
export function allowed(
  data: StoreData,
  allowlist: readonly string[] | null,
  requested: string,
  model: ResolvedModel,
): boolean {
  if (!allowlist) return true
  return allowlist.some((entry) => {
    if (lower(entry.trim()) === lower(requested.trim())) return true
    const r = resolveModel(data, entry, model.type)
    return r.ok && r.model.canonical === model.canonical && r.model.type === model.type
  })
}

/**
 * The text of a 404 `model_not_found` (plain English, as every gateway error: HTTP clients read
 * it): an unset job alias says so and how to set it, rather than that no model has that name.
 */
export function notFoundMessage(asked: string, r: Exclude<Resolution, { ok: true }>): string {
  if (r.reason === 'slot_unset') {
    const also = fallsBackToChat(r.slot) ? ' (nor chat, which it falls back to)' : ''
    return (
      `No default model is set for ${r.slot}${also}. Set one on the Models page, or run: ` +
      `switchboard defaults set ${r.slot} <modelId>`
    )
  }
  const hint = r.choices ? ` Several providers have it; use one of: ${r.choices.join(', ')}.` : ''
  return `No registered model is named "${asked.slice(0, 200)}".${hint}`
}
