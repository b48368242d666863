/**
 * Which credentials of a key pool the gateway may use now (DESIGN §14). A 401/403 disables a
 * credential until it passes a connection test (or its key is edited): the disable is kept in
 * the store, so the app and a CLI gateway agree, and lifted when `lastTests` holds an ok result
 * (or the credential's `updatedAt`) newer than it. A 429 cools the credential down for one model
 * only, in memory, for as long as the provider asked.
 */
import type { StoreData } from '../store/schema'

export interface PoolState {
  /** Credential ids disabled by this process since the store was last read. */
  disabledNow: Map<string, { code: string; at: string }>
  /** `credentialId|model` → epoch ms until which the pair rests. */
  cooling: Map<string, number>
}

export function createPoolState(): PoolState {
  return { disabledNow: new Map(), cooling: new Map() }
}

const coolKey = (credentialId: string, model: string) => `${credentialId}|${model}`

/** Whether a credential is disabled (and not yet re-enabled by a passing test or an edit). */
export function isDisabled(data: StoreData, state: PoolState, credentialId: string): boolean {
  const mark = state.disabledNow.get(credentialId) ?? data.gateway.disabled[credentialId]
  if (!mark) return false
  const test = data.lastTests[credentialId]
  if (test && test.code.startsWith('ok') && test.at > mark.at) return false
  const cred = data.credentials.find((c) => c.id === credentialId)
  return !(cred && cred.updatedAt > mark.at)
}

/** Epoch ms until which the credential rests for this model, or 0. */
export function coolingUntil(
  state: PoolState,
  credentialId: string,
  model: string,
  now: number,
): number {
  const until = state.cooling.get(coolKey(credentialId, model)) ?? 0
  if (until && until <= now) state.cooling.delete(coolKey(credentialId, model))
  return until > now ? until : 0
}

export function coolDown(state: PoolState, credentialId: string, model: string, until: number) {
  state.cooling.set(coolKey(credentialId, model), until)
}
