/**
 * The renderer's credentials cache over the real IPC handlers (a temp data dir, the real store
 * and vault): a refresh asks with the versions it holds, so an unchanged list and unchanged last
 * results cross IPC as versions only and the cached array stays the same object; a write by
 * another process (the CLI) comes through as a new list (issue 17: 1,000 views cost
 * milliseconds to serialize).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppContext } from '../../../src-main/app-context'
import { createDispatcher, isOwnRendererUrl } from '../../../src-main/ipc/dispatch'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { createFileStore } from '../../../src-main/store/file-store'
import { createApi } from '../../../src-preload/api'
import { useCredentialsStore } from '../../../src-renderer/stores/use-credentials-store'

const OWN = 'app://switchboard/index.html'
let home = ''
/** What each `credentials:listIfChanged` was asked and answered, in order. */
const exchanges: { since: unknown; listed: number | null }[] = []
/** The same for `credentials:lastTestsIfChanged`: asked with a version, and whether results came. */
const testReads: { since: unknown; sent: boolean }[] = []

beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-list-version-'))
  const app = createAppContext({ home, env: { SWITCHBOARD_ENCRYPTION_KEY: 'unit passphrase' } })
  const dispatch = createDispatcher(createHandlers(app), {
    isTrustedSender: (u) => isOwnRendererUrl(u),
  })
  window.switchboard = createApi(
    async (channel, payload) => {
      const res = await dispatch(channel, payload, OWN)
      if (channel === 'credentials:lastTestsIfChanged' && res.ok) {
        const data = res.data as { lastTests: object | null }
        testReads.push({ since: (payload as { since?: string }).since, sent: !!data.lastTests })
      }
      if (channel === 'credentials:listIfChanged' && res.ok) {
        const data = res.data as { credentials: unknown[] | null }
        exchanges.push({
          since: (payload as { since?: string }).since,
          listed: data.credentials?.length ?? null,
        })
      }
      return res
    },
    () => () => undefined,
  )
})

afterAll(() => fs.rmSync(home, { recursive: true, force: true }))

describe('the credentials cache and the list version', () => {
  it('re-reads an unchanged list as a version only, and a changed one whole', async () => {
    const writer = createFileStore(home)
    await writer.update((d) => {
      d.credentials.push(blankCredential('groq', { id: 'g1', name: 'Groq one' }))
    })
    const store = useCredentialsStore
    await store.getState().load()
    const first = store.getState().credentials
    expect(first?.map((c) => c.id)).toEqual(['g1'])
    const version = store.getState().listVersion
    expect(version).toBeTruthy()

    // A focus refresh with nothing changed: asked with the versions, answered without a list
    // and without the last results.
    const testsVersion = store.getState().lastTestsVersion
    expect(testReads.at(-1)).toEqual({ since: undefined, sent: true })
    await store.getState().refresh()
    expect(exchanges.at(-1)).toEqual({ since: version, listed: null })
    expect(testReads.at(-1)).toEqual({ since: testsVersion, sent: false })
    expect(store.getState().credentials).toBe(first)
    expect(await store.getState().loadList()).toBe(first)

    // The CLI writes the store meanwhile: the next refresh brings the new list and version.
    await writer.update((d) => {
      d.credentials.push(blankCredential('groq', { id: 'g2', name: 'Groq two' }))
    })
    await store.getState().refresh()
    expect(exchanges.at(-1)).toEqual({ since: version, listed: 2 })
    expect(store.getState().credentials?.map((c) => c.id)).toEqual(['g1', 'g2'])
    expect(store.getState().listVersion).not.toBe(version)
  })

  it('asks for the whole list when it holds none, whatever version it remembers', async () => {
    useCredentialsStore.setState({ credentials: null })
    await useCredentialsStore.getState().loadList()
    expect(exchanges.at(-1)).toEqual({ since: undefined, listed: 2 })
  })
})
