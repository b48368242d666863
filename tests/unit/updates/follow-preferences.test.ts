/**
 * src-main/updates/update-machine.ts `followPreferences`: the rule that a change of the `updates`
 * preferences reconfigures the update machine at once, and no other preference does.
 */
import { describe, expect, it } from 'vitest'
import { createPreferences, memoryPreferencesBackend } from '../../../src-main/prefs/preferences'
import { followPreferences } from '../../../src-main/updates/update-machine'
import type { Preferences } from '../../../src-preload/contract/preferences'

describe('followPreferences', () => {
  it('configures the machine when the updates settings change, and only then', () => {
    const preferences = createPreferences(memoryPreferencesBackend())
    const configured: Preferences['updates'][] = []
    const stop = followPreferences({ configure: (s) => configured.push(s) }, preferences)

    preferences.set({ theme: 'dark' })
    expect(configured).toEqual([])

    preferences.set({ updates: { autoCheck: false, channel: 'beta' } })
    expect(configured).toEqual([{ autoCheck: false, channel: 'beta' }])

    preferences.set({ updates: { autoCheck: false, channel: 'beta' } })
    expect(configured).toHaveLength(1)

    stop()
    preferences.set({ updates: { autoCheck: true, channel: 'stable' } })
    expect(configured).toHaveLength(1)
  })
})
