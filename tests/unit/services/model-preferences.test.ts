/**
 * The one table auto-assign ranks by (src-main/services/model-preferences.ts): every provider it
 * names is in the catalog, once per list; every catalog provider has a place in the provider
 * order; the local lists agree with each other; and each provider's preferred names are of types
 * that provider offers.
 */
import { describe, expect, it } from 'vitest'
import { catalog, getProvider } from '../../../src-main/providers/catalog'
import {
  ALWAYS_LOCAL_PROVIDERS,
  LOCAL_PROVIDER_PREFERENCE,
  MODEL_PREFERENCES,
  PROVIDER_PREFERENCE,
  SELF_HOSTED_PROVIDERS,
} from '../../../src-main/services/model-preferences'

const ids = catalog.map((e) => e.id)

describe('model preferences', () => {
  it('orders every catalog provider exactly once', () => {
    expect([...PROVIDER_PREFERENCE].sort()).toEqual([...ids].sort())
  })

  it('keeps the local lists consistent', () => {
    expect([...LOCAL_PROVIDER_PREFERENCE].sort()).toEqual([...SELF_HOSTED_PROVIDERS].sort())
    for (const p of ALWAYS_LOCAL_PROVIDERS) {
      expect(SELF_HOSTED_PROVIDERS, p).toContain(p)
      expect(getProvider(p).local, p).toBe(true)
    }
    // Hosted APIs come before self-hosted servers when a cloud credential exists.
    const firstLocal = Math.min(...SELF_HOSTED_PROVIDERS.map((p) => PROVIDER_PREFERENCE.indexOf(p)))
    const hosted = ids.filter((p) => !SELF_HOSTED_PROVIDERS.includes(p))
    for (const p of hosted) expect(PROVIDER_PREFERENCE.indexOf(p), p).toBeLessThan(firstLocal)
  })

  it('prefers names only for types the provider offers, without repeats', () => {
    for (const [provider, byType] of Object.entries(MODEL_PREFERENCES)) {
      const modalities: readonly string[] = getProvider(provider).modalities
      for (const [type, names] of Object.entries(byType ?? {})) {
        expect(modalities, `${provider} ${type}`).toContain(type)
        expect(new Set(names).size, `${provider} ${type}`).toBe(names.length)
      }
    }
  })
})
