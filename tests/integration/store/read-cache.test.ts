/**
 * Reads skip the parse while the file is unchanged (issue 17) and still see every change: the
 * CLI writing from another process, and even an in-place edit that keeps the size and puts the
 * old mtime back. The cached data is frozen, so a caller that mutates a read fails loudly
 * instead of corrupting what the next caller sees.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, ensureBuilt } from '../../fixtures/built'
import { createFileStore, STORE_FILE } from '../../../src-main/store/file-store'
import { settle } from '../../support/settle'
import { setup, tmpHome } from '../vault/helpers'

const PASS = 'read cache passphrase'

beforeAll(() => ensureBuilt(), 180_000)

describe('store read cache', () => {
  it('hands out the same frozen data until the file changes', async () => {
    const home = tmpHome()
    const store = createFileStore(home)
    await store.update((d) => void (d.settings.language = 'it-IT'))
    await settle(path.join(home, STORE_FILE))
    const a = await store.read()
    const b = await store.read()
    expect(b).toBe(a)
    expect(Object.isFrozen(a.settings)).toBe(true)
    expect(() => {
      ;(a.settings as { language: string | null }).language = 'ja-JP'
    }).toThrow(TypeError)
    await store.update((d) => void (d.settings.language = 'ja-JP'))
    expect((await store.read()).settings.language).toBe('ja-JP')
  })

  it('sees a credential the CLI added from another process on the next read', async () => {
    const home = tmpHome()
    const app = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: PASS } })
    await app.credentials.create({ provider: 'groq', name: 'App', apiKey: 'gsk_app_0123456789' })
    await settle(path.join(home, STORE_FILE))
    expect((await app.credentials.list()).map((c) => c.name)).toEqual(['App'])
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'bin/switchboard.cjs'),
        '--json',
        'add',
        'openai',
        '--name',
        'Cli',
        '--key-stdin',
      ],
      {
        input: 'sk-cli-000000000000000001',
        env: { PATH: process.env.PATH, SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: PASS },
      },
    )
    expect(r.status, r.stderr.toString()).toBe(0)
    // No wait, no reload: the app's very next read shows the CLI's credential, decryptable.
    const listed = await app.credentials.list()
    expect(listed.map((c) => c.name)).toEqual(['App', 'Cli'])
    expect(listed.every((c) => c.status === 'ok')).toBe(true)
  })

  it('sees an in-place edit that keeps the size and restores the old mtime', async () => {
    const home = tmpHome()
    const file = path.join(home, STORE_FILE)
    const store = createFileStore(home)
    await store.update((d) => void (d.settings.language = 'it-IT'))
    await settle(file)
    const { mtime, atime } = fs.statSync(file)
    expect((await store.read()).settings.language).toBe('it-IT')
    // Same inode, same size, same mtime: only the ctime (which no one can set back) moves.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('it-IT', 'ja-JP'))
    fs.utimesSync(file, atime, mtime)
    expect((await store.read()).settings.language).toBe('ja-JP')
  })

  it('lists from one view per store version, and a new version after any write', async () => {
    const home = tmpHome()
    const { credentials, store } = setup(home, { env: { SWITCHBOARD_ENCRYPTION_KEY: PASS } })
    const a = await credentials.create({ provider: 'groq', name: 'A', apiKey: 'gsk_a_0123456789' })
    await settle(path.join(home, STORE_FILE))
    const first = await credentials.list()
    const second = await credentials.list()
    expect(second).not.toBe(first) // callers get their own array …
    expect(second[0]).toBe(first[0]) // … of the same, frozen views
    expect(Object.isFrozen(first[0])).toBe(true)
    await credentials.update(a.id, { name: 'A2' })
    expect((await credentials.list())[0]!.name).toBe('A2')
    // A model registered elsewhere changes the count on the next list.
    await createFileStore(home).update((d) =>
      d.models.push({
        id: 'm1',
        name: 'llama',
        provider: 'groq',
        type: 'language',
        credentialId: a.id,
        createdAt: d.credentials[0]!.createdAt,
      }),
    )
    expect((await credentials.list())[0]!.modelCount).toBe(1)
    expect((await store.read()).models).toHaveLength(1)
  })
})
