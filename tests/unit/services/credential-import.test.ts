/**
 * Backup import of credentials (src-main/services/credential-import.ts): every entry through the
 * create validation, a bad one reported (index, code, field, reason, a printable label) while the
 * rest go in; what is already here (same provider, name and key) skipped and mapped; one primary
 * per provider; the backup's creation time kept when it is one. Nothing a refusal reports holds
 * the entry's key.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getProvider } from '../../../src-main/providers/catalog'
import { importCredentials } from '../../../src-main/services/credential-import'
import { createCredentialsService } from '../../../src-main/services/credentials'
import { createFileStore } from '../../../src-main/store/file-store'
import { createDefaultVault } from '../../../src-main/vault/vault'
import { tmpHome } from '../../support/home'

const KEY = 'sk-credential-import-0123456789abcd'

function world(passphrase: string | null = 'credential import master') {
  const home = tmpHome('sb-import-')
  const store = createFileStore(home)
  const env = passphrase ? { SWITCHBOARD_ENCRYPTION_KEY: passphrase } : {}
  const vault = createDefaultVault({ home, env, store, keytar: null, os: 'linux' })
  let n = 0
  const deps = {
    store,
    vault,
    getProvider,
    now: () => '2026-05-01T00:00:00.000Z',
    newId: () => `new-${++n}`,
  }
  const run = (entries: unknown[]) =>
    importCredentials(deps, entries, (_data, ids) => Object.fromEntries(ids))
  return { store, vault, run, credentials: createCredentialsService({ store, vault, getProvider }) }
}

describe('importCredentials', () => {
  it('imports the valid entries and reports each invalid one with its coded reason', async () => {
    const { run, store } = world()
    const r = await run([
      { id: 'b1', provider: 'openai', name: 'Good', apiKey: KEY },
      'not an object',
      { provider: 'nope', name: 'Unknown' },
      { provider: 'openai', name: 'Blocked', apiKey: KEY, baseUrl: 'http://169.254.169.254/' },
      { provider: 'azure', name: 'No endpoint', apiKey: KEY },
      { name: 'No provider' },
    ])
    expect(r.added).toEqual(['new-1'])
    expect(r.extra).toEqual({ b1: 'new-1' })
    expect(r.rejected.map((x) => [x.index, x.code, x.field, x.reason])).toEqual([
      [1, 'validation', 'credential', 'invalid_json'],
      [2, 'validation', 'provider', 'unknown_provider'],
      [3, 'url_blocked', 'baseUrl', expect.any(String)],
      [4, 'validation', 'endpoint', 'required'],
      [5, 'validation', 'provider', 'required'],
    ])
    const data = await store.read()
    expect(data.credentials.map((c) => [c.id, c.name, c.keyHint, c.isPrimary])).toEqual([
      ['new-1', 'Good', 'abcd', true],
    ])
    expect(JSON.stringify(data)).not.toContain(KEY)
  })

  it('labels a rejected entry printably: control and direction codes become U+FFFD', async () => {
    const { run } = world()
    const r = await run([
      { provider: 'op\u001b[2Jenai', name: `x\u202Ey${'n'.repeat(200)}`, apiKey: KEY },
    ])
    expect(r.rejected).toHaveLength(1)
    const [rej] = r.rejected
    expect(rej!.provider).toBe('op\ufffd[2Jenai')
    expect(rej!.name).toBe(`x\ufffdy${'n'.repeat(97)}`)
    for (const code of ['\u001b', '\u202e']) expect(rej!.message).not.toContain(code)
  })

  it('skips what is already here and maps the backup id to it', async () => {
    const { run, credentials } = world()
    const here = await credentials.create({ provider: 'openai', name: 'Same', apiKey: KEY })
    const r = await run([
      { id: 'b-same', provider: 'openai', name: 'Same', apiKey: KEY },
      { id: 'b-other-key', provider: 'openai', name: 'Same', apiKey: `${KEY}-2` },
    ])
    expect(r.skipped).toBe(1)
    expect(r.added).toEqual(['new-1'])
    expect(r.extra).toEqual({ 'b-same': here.id, 'b-other-key': 'new-1' })
  })

  it("keeps one primary per provider and the backup's creation time when it is one", async () => {
    const { run, credentials, store } = world()
    await credentials.create({ provider: 'openai', name: 'Here', apiKey: KEY })
    await run([
      {
        provider: 'openai',
        name: 'Backup primary',
        apiKey: `${KEY}-b`,
        isPrimary: true,
        createdAt: '2020-02-02T02:02:02Z',
      },
      { provider: 'ollama', name: 'Local', isPrimary: false, createdAt: 'yesterday' },
    ])
    const byName = Object.fromEntries((await store.read()).credentials.map((c) => [c.name, c]))
    expect(byName['Here']!.isPrimary).toBe(true)
    expect(byName['Backup primary']).toMatchObject({
      isPrimary: false,
      createdAt: '2020-02-02T02:02:02.000Z',
    })
    // Alone for its provider: promoted although the backup said no; junk time replaced.
    expect(byName['Local']).toMatchObject({
      isPrimary: true,
      createdAt: '2026-05-01T00:00:00.000Z',
    })
  })

  it('refuses a locked vault before writing anything when an entry has a secret', async () => {
    const { run, store } = world(null)
    await expect(run([{ provider: 'openai', name: 'A', apiKey: KEY }])).rejects.toMatchObject({
      code: 'vault_locked',
    })
    expect((await store.read()).credentials).toEqual([])
    // Without secrets nothing needs the vault.
    expect((await run([{ provider: 'ollama', name: 'Local' }])).added).toHaveLength(1)
  })

  it('never fails as a whole on junk entries, and no refusal carries the key', async () => {
    const { run } = world()
    const junk = fc.oneof(
      fc.anything(),
      fc.record(
        {
          provider: fc.constantFrom('openai', 'azure', 'vertex', 'nope', 42),
          name: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(KEY)),
          apiKey: fc.oneof(fc.constant(KEY), fc.constant(`${KEY}\u0000`), fc.anything()),
          baseUrl: fc.oneof(fc.constant(`https://${KEY}@h.example`), fc.string({ maxLength: 8 })),
          numCtx: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(junk, { maxLength: 4 }), async (entries) => {
        const r = await run(entries)
        expect(r.added.length + r.skipped + r.rejected.length).toBe(entries.length)
        for (const rej of r.rejected) {
          expect(['validation', 'url_blocked']).toContain(rej.code)
          expect(`${rej.message} ${rej.field} ${rej.reason}`).not.toContain(KEY)
        }
      }),
      { numRuns: 40 },
    )
  })
})
