/** The app-only preference store (issue 15): defaults, per-field recovery, validated patches. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PREFERENCES,
  PREFERENCE_LOCALES,
  Preferences,
} from '../../../src-preload/contract/preferences'
import {
  createPreferences,
  memoryPreferencesBackend,
  normalizePreferences,
} from '../../../src-main/prefs/preferences'
import { locales } from '../../../src-shared/i18n/resources'

describe('preferences', () => {
  it('offers exactly the renderer locales', () => {
    expect([...PREFERENCE_LOCALES].sort()).toEqual([...locales].sort())
  })

  it('starts from the defaults: launch at login off, updates on the stable channel', () => {
    const prefs = createPreferences(memoryPreferencesBackend())
    expect(prefs.get()).toEqual(DEFAULT_PREFERENCES)
    expect(prefs.get().launchAtLogin).toBe(false)
    expect(prefs.get().updates).toEqual({ autoCheck: true, channel: 'stable' })
  })

  it('keeps the valid fields of a hand-broken file and resets only the bad ones', () => {
    const got = normalizePreferences({
      language: 'ja-JP',
      theme: 'purple',
      gateway: { enabled: true, port: 80 }, // gone: the gateway's switch lives in the shared store
      launchAtLogin: 'yes',
      updates: { autoCheck: false, channel: 'beta' },
    })
    expect(got.language).toBe('ja-JP')
    expect(got.theme).toBe('system')
    expect(got).not.toHaveProperty('gateway')
    expect(got.launchAtLogin).toBe(false)
    expect(got.updates).toEqual({ autoCheck: false, channel: 'beta' })
    expect(normalizePreferences('not an object')).toEqual(DEFAULT_PREFERENCES)
  })

  it('merges nested patches, writes through and tells listeners once per change', () => {
    const backend = memoryPreferencesBackend()
    const prefs = createPreferences(backend)
    const heard: string[] = []
    prefs.onChange((next, prev) => heard.push(`${prev.updates.channel}->${next.updates.channel}`))
    prefs.set({ updates: { channel: 'beta' } })
    expect(prefs.get().updates).toEqual({ autoCheck: true, channel: 'beta' })
    prefs.set({ updates: { channel: 'beta' } }) // no change, no event
    prefs.set({ updates: { autoCheck: false } })
    expect(prefs.get().updates).toEqual({ autoCheck: false, channel: 'beta' })
    expect(heard).toEqual(['stable->beta', 'beta->beta'])
    expect(normalizePreferences(backend.read())).toEqual(prefs.get())
    // A fresh service over the same backend reads what was written.
    expect(createPreferences(backend).get()).toEqual(prefs.get())
  })

  it('refuses a bad patch with a validation error and changes nothing', () => {
    const prefs = createPreferences(memoryPreferencesBackend({ language: 'it-IT' }))
    const before = prefs.get()
    for (const bad of [
      { language: 'xx-XX' },
      { gateway: { enabled: true } }, // the gateway's switch is not a preference
      { updates: { channel: 'nightly' } },
      { window: { width: 10, height: 10, maximized: false } },
      { unknown: true },
    ]) {
      expect(() => prefs.set(bad as never)).toThrow(expect.objectContaining({ code: 'validation' }))
      expect(prefs.get()).toEqual(before)
    }
  })

  it('whatever the patch, the result is valid preferences or an unchanged store', () => {
    fc.assert(
      fc.property(fc.object({ maxDepth: 2 }), (patch) => {
        const prefs = createPreferences(memoryPreferencesBackend())
        const before = prefs.get()
        try {
          prefs.set(patch as never)
        } catch (err) {
          expect((err as { code?: string }).code).toBe('validation')
          expect(prefs.get()).toEqual(before)
          return
        }
        expect(Preferences.safeParse(prefs.get()).success).toBe(true)
      }),
    )
  })

  it('keeps window bounds only when they are valid', () => {
    const prefs = createPreferences(memoryPreferencesBackend())
    prefs.setWindow({ x: 10, y: 20, width: 900, height: 700, maximized: false })
    expect(prefs.get().window).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: false })
    prefs.setWindow({ width: Number.NaN, height: 1, maximized: false })
    expect(prefs.get().window?.width).toBe(900)
  })
})
