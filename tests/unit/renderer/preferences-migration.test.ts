/**
 * Preferences moved from the renderer's localStorage into main (issue 15): the old values are
 * imported once through the real IPC pipeline, then removed, and never imported again.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src-main/app-context'
import { createDispatcher, isOwnRendererUrl } from '../../../src-main/ipc/dispatch'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { createApi } from '../../../src-preload/api'
import {
  LEGACY_LANGUAGE_KEY,
  LEGACY_THEME_KEY,
  loadPreferences,
} from '../../../src-renderer/lib/preferences'

let home = ''
let app: AppContext
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-prefs-migrate-'))
  app = createAppContext({ home, env: {} })
  const dispatch = createDispatcher(createHandlers(app), {
    isTrustedSender: (u) => isOwnRendererUrl(u),
  })
  ;(window as unknown as { switchboard: unknown }).switchboard = createApi(
    (channel, payload) => dispatch(channel, payload, 'app://switchboard/index.html'),
    () => () => undefined,
  )
  window.localStorage.clear()
})
afterEach(() => fs.rmSync(home, { recursive: true, force: true }))

describe('the one-time import of localStorage preferences', () => {
  it('moves language and theme into main and removes them here', async () => {
    window.localStorage.setItem(LEGACY_LANGUAGE_KEY, 'ja-JP')
    window.localStorage.setItem(LEGACY_THEME_KEY, 'dark')
    const prefs = await loadPreferences()
    expect(prefs).toMatchObject({ language: 'ja-JP', theme: 'dark', importedRendererPrefs: true })
    expect(app.preferences.get()).toMatchObject({ language: 'ja-JP', theme: 'dark' })
    expect(window.localStorage.getItem(LEGACY_LANGUAGE_KEY)).toBeNull()
    expect(window.localStorage.getItem(LEGACY_THEME_KEY)).toBeNull()
  })

  it('happens once: a later choice in Settings is not overwritten by stale values', async () => {
    await loadPreferences()
    app.preferences.set({ language: 'it-IT' })
    window.localStorage.setItem(LEGACY_LANGUAGE_KEY, 'ru-RU')
    expect((await loadPreferences())?.language).toBe('it-IT')
  })

  it('ignores values main would refuse, and still marks the import done', async () => {
    window.localStorage.setItem(LEGACY_LANGUAGE_KEY, 'xx-XX')
    window.localStorage.setItem(LEGACY_THEME_KEY, 'neon')
    const prefs = await loadPreferences()
    expect(prefs).toMatchObject({ language: null, theme: 'system', importedRendererPrefs: true })
  })
})
