/**
 * The preference and update channels over the real IPC pipeline (issue 15): every channel of
 * src-main/ipc/handlers/updates (status, check, restart) and the preference channels of
 * src-main/ipc/handlers/settings (the env and backup ones are driven by
 * tests/integration/env/ipc.test.ts).
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { ipcHarness } from '../../support/ipc-harness'
import { tmpHome } from '../../support/home'

const homes: string[] = []
const harness = () => {
  const home = tmpHome('sb-prefs-')
  homes.push(home)
  return ipcHarness(home, {})
}
afterEach(() => {
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true })
})

describe('settings:getPreferences / settings:setPreferences', () => {
  it('reads the defaults and writes a patch, pushing the change to every window', async () => {
    const h = harness()
    const got = await h.call('settings:getPreferences', {})
    expect(got).toMatchObject({ ok: true, data: { language: null, launchAtLogin: false } })
    const set = await h.call('settings:setPreferences', { language: 'pt-BR', theme: 'dark' })
    expect(set).toMatchObject({ ok: true, data: { language: 'pt-BR', theme: 'dark' } })
    expect(h.events).toContainEqual([
      'settings:preferencesChanged',
      expect.objectContaining({ language: 'pt-BR', theme: 'dark' }),
    ])
  })

  it('refuses a malformed patch before any work', async () => {
    const h = harness()
    for (const bad of [{ language: 'klingon' }, { window: { width: 1 } }, { theme: 3 }]) {
      const r = await h.call('settings:setPreferences', bad)
      expect(r).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
    expect(h.events).toEqual([])
    expect((await h.call('settings:getPreferences', {})).data.language).toBeNull()
  })

  it('refuses a foreign sender', async () => {
    const h = harness()
    const r = await h.call('settings:setPreferences', { language: 'it-IT' }, 'https://evil.test/')
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
    expect((await h.call('settings:getPreferences', {})).data.language).toBeNull()
  })

  it('hands a new update channel to the updater at once', async () => {
    const h = harness()
    await h.call('settings:setPreferences', { updates: { channel: 'beta', autoCheck: false } })
    const status = await h.call('updates:status', {})
    expect(status.data).toMatchObject({ channel: 'beta', autoCheck: false, phase: 'unsupported' })
    // A development run has no feed: a check answers the same status instead of failing.
    expect(await h.call('updates:check', {})).toMatchObject({
      ok: true,
      data: { channel: 'beta', phase: 'unsupported' },
    })
    expect(await h.call('updates:restart', {})).toMatchObject({
      ok: true,
      data: { restarting: false },
    })
  })
})
