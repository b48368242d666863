/**
 * The backup service's file rules (src-main/services/backup.ts): absolute paths only, a passphrase
 * long enough, no replacing a file (or writing into a folder) unless asked, no missing folder, a
 * private file whose bytes hold no key; on import, nothing that is not a readable file of a sane
 * size is opened. The round trip and the merge rules are driven by tests/integration/env/.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getProvider } from '../../../src-main/providers/catalog'
import { createBackupService } from '../../../src-main/services/backup'
import { createCredentialsService } from '../../../src-main/services/credentials'
import { createFileStore } from '../../../src-main/store/file-store'
import { createDefaultVault } from '../../../src-main/vault/vault'
import { tmpHome } from '../../support/home'

const KEY = 'sk-backup-service-0123456789abcd'
const PASS = 'backup service passphrase'

function world() {
  const home = tmpHome('sb-backup-')
  const store = createFileStore(home)
  const env = { SWITCHBOARD_ENCRYPTION_KEY: 'backup service master' }
  const vault = createDefaultVault({ home, env, store, keytar: null, os: 'linux' })
  const credentials = createCredentialsService({ store, vault, getProvider })
  return { home, credentials, backup: createBackupService({ store, vault, credentials }) }
}
const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code: string; params?: { reason?: string } }) => `${e.code}:${e.params?.reason}`,
  )

describe('exportTo', () => {
  it('writes a private file without the key, and replaces one only when asked', async () => {
    const w = world()
    await w.credentials.create({ provider: 'openai', name: 'Main', apiKey: KEY })
    const file = path.join(tmpHome('sb-backup-out-'), 'switchboard.backup')
    expect(await w.backup.exportTo(file, PASS)).toMatchObject({
      path: file,
      credentials: 1,
      models: 0,
      defaults: 0,
      skippedUndecryptable: 0,
    })
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(file, 'latin1')).not.toContain(KEY)
    expect(await reason(w.backup.exportTo(file, PASS))).toBe('conflict:file_exists')
    expect((await w.backup.exportTo(file, PASS, { overwrite: true })).credentials).toBe(1)
  })

  it('refuses a relative path, a short passphrase, a folder and a missing folder', async () => {
    const w = world()
    const dir = tmpHome('sb-backup-out-')
    expect(await reason(w.backup.exportTo('backup.json', PASS))).toBe(
      'validation:path_not_absolute',
    )
    expect(await reason(w.backup.exportTo(path.join(dir, 'b'), 'short'))).toBe(
      'validation:passphrase_too_short',
    )
    expect(await reason(w.backup.exportTo(dir, PASS, { overwrite: true }))).toBe(
      'validation:is_directory',
    )
    expect(await reason(w.backup.exportTo(path.join(dir, 'no', 'b'), PASS))).toBe(
      'validation:no_such_folder',
    )
    expect(fs.readdirSync(dir)).toEqual([])
  })
})

describe('importFrom', () => {
  it('opens nothing that is not a readable backup-sized file', async () => {
    const w = world()
    const dir = tmpHome('sb-backup-in-')
    expect(await reason(w.backup.importFrom('rel.backup', PASS))).toBe(
      'validation:path_not_absolute',
    )
    expect(await reason(w.backup.importFrom(dir, PASS))).toBe('not_found:unreadable')
    expect(await reason(w.backup.importFrom(path.join(dir, 'none'), PASS))).toBe(
      'not_found:unreadable',
    )
    // Sparse: the size says too large before a byte is read.
    const big = path.join(dir, 'big.backup')
    fs.writeFileSync(big, '')
    fs.truncateSync(big, 64 * 1024 * 1024)
    expect(await reason(w.backup.importFrom(big, PASS))).toBe('validation:too_large')
  })

  it('round-trips into a fresh store, and a wrong passphrase writes nothing', async () => {
    const a = world()
    await a.credentials.create({ provider: 'openai', name: 'Main', apiKey: KEY })
    const file = path.join(tmpHome('sb-backup-out-'), 'b.backup')
    await a.backup.exportTo(file, PASS)
    const b = world()
    expect((await reason(b.backup.importFrom(file, `${PASS}!`))).startsWith('validation')).toBe(
      true,
    )
    expect(await b.credentials.list()).toEqual([])
    expect(await b.backup.importFrom(file, PASS)).toMatchObject({
      credentialsImported: 1,
      credentialsRejected: [],
    })
    expect((await b.credentials.list()).map((c) => c.keyHint)).toEqual(['abcd'])
  })
})
