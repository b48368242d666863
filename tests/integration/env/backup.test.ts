/**
 * Encrypted backups over real stores in temp dirs: round trip into a fresh home with another
 * master key, the merge rules (skip same provider+name+key, new ids, models re-linked, defaults
 * only into empty slots), wrong passphrase and tampering refused with nothing written, and the
 * file holding no key in plaintext, base64 or hex.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BACKUP_FORMAT } from '../../../src-main/services/backup-envelope'
import { appWith, codeOf, leakForms, snapshot, tmpDir } from './helpers'
import { UNCONVERTIBLE } from '../../support/unconvertible'

const PASSPHRASE = 'backup passphrase — long enough'
const OPENAI = 'sk-proj-backupOPENAI00000000000001'
const ANTHROPIC = 'sk-ant-backupANTHROPIC000000000002'
const SA = JSON.stringify({
  type: 'service_account',
  project_id: 'bk',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIEbackupSECRET\n-----END PRIVATE KEY-----\n',
})

/** A home with credentials, models and defaults; returns it with the app. */
async function seeded() {
  const home = tmpDir('sb-bk-src-')
  const app = appWith(home, {})
  const o = await app.credentials.create({
    provider: 'openai',
    name: 'Work',
    apiKey: OPENAI,
    baseUrl: 'https://gw.example/v1',
  })
  const a = await app.credentials.create({
    provider: 'anthropic',
    name: 'Personal',
    apiKey: ANTHROPIC,
  })
  await app.credentials.create({
    provider: 'ollama',
    name: 'Local',
    baseUrl: 'http://127.0.0.1:11434',
    numCtx: 8192,
  })
  await app.credentials.create({
    provider: 'vertex',
    name: 'GCP',
    project: 'bk',
    location: 'us-central1',
    serviceAccountJson: SA,
  })
  await app.models.register(o.id, [
    { name: 'gpt-4o-mini', type: 'language' },
    { name: 'text-embedding-3-small', type: 'embedding' },
  ])
  await app.models.register(a.id, [{ name: 'claude-haiku-4-5', type: 'language' }])
  const models = await app.models.list()
  await app.store.update((d) => {
    d.defaults.slots.chat = models.find((m) => m.name === 'gpt-4o-mini')!.id
    d.defaults.slots.embedding = models.find((m) => m.name === 'text-embedding-3-small')!.id
  })
  return { home, app }
}

describe('backup export / import', () => {
  it('round trip: a fresh home with another master key gets the same keys, models and defaults', async () => {
    const { home, app } = await seeded()
    const file = path.join(tmpDir('sb-bk-out-'), 'switchboard.backup.json')
    const exported = await app.backup.exportTo(file, PASSPHRASE)
    expect(exported).toEqual({
      path: file,
      credentials: 4,
      models: 3,
      defaults: 2,
      skippedUndecryptable: 0,
    })
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)

    const text = fs.readFileSync(file, 'utf8')
    const doc = JSON.parse(text)
    expect(doc).toMatchObject({
      format: BACKUP_FORMAT,
      version: 1,
      kdf: { name: 'scrypt' },
      cipher: { name: 'aes-256-gcm' },
    })
    for (const secret of [OPENAI, ANTHROPIC, SA, 'MIIEbackupSECRET', PASSPHRASE]) {
      for (const form of leakForms(secret)) expect(text).not.toContain(form)
    }
    // Not even the names or providers are readable.
    expect(text).not.toContain('Work')
    expect(text).not.toContain('anthropic')

    const fresh = tmpDir('sb-bk-dst-')
    const other = appWith(fresh, { SWITCHBOARD_ENCRYPTION_KEY: 'a different master key' })
    const r = await other.backup.importFrom(file, PASSPHRASE)
    expect(r).toEqual({
      credentialsImported: 4,
      credentialsSkipped: 0,
      credentialsRejected: [],
      modelsImported: 3,
      modelsSkipped: 0,
      defaultsRestored: ['chat', 'embedding'],
    })
    const src = await app.credentials.list()
    const dst = await other.credentials.list()
    expect(
      dst.map((c) => [
        c.provider,
        c.name,
        c.isPrimary,
        c.keyHint,
        c.baseUrl,
        c.numCtx,
        c.modelCount,
        c.status,
      ]),
    ).toEqual(
      src.map((c) => [
        c.provider,
        c.name,
        c.isPrimary,
        c.keyHint,
        c.baseUrl,
        c.numCtx,
        c.modelCount,
        c.status,
      ]),
    )
    for (const c of dst) expect(src.map((s) => s.id)).not.toContain(c.id)
    const keyOf = async (a: typeof app, p: string) => {
      const [c] = await a.credentials.list({ provider: p })
      return a.credentials.getDecrypted(c!.id)
    }
    expect((await keyOf(other, 'openai')).apiKey).toBe(OPENAI)
    expect((await keyOf(other, 'anthropic')).apiKey).toBe(ANTHROPIC)
    expect((await keyOf(other, 'vertex')).serviceAccountJson).toBe(SA)
    const models = await other.models.list()
    expect(
      models.map((m) => [m.name, m.type, dst.find((c) => c.id === m.credentialId)?.name]),
    ).toEqual([
      ['claude-haiku-4-5', 'language', 'Personal'],
      ['gpt-4o-mini', 'language', 'Work'],
      ['text-embedding-3-small', 'embedding', 'Work'],
    ])
    const slots = (await other.store.read()).defaults.slots
    expect(models.find((m) => m.id === slots.chat)?.name).toBe('gpt-4o-mini')
    expect(models.find((m) => m.id === slots.embedding)?.name).toBe('text-embedding-3-small')
    // The new home's files hold no key either.
    for (const [, bytes] of snapshot(fresh))
      for (const f of leakForms(OPENAI)) expect(bytes.toString('latin1')).not.toContain(f)

    // Importing again changes nothing.
    const before = snapshot(fresh)
    expect(await other.backup.importFrom(file, PASSPHRASE)).toEqual({
      credentialsImported: 0,
      credentialsSkipped: 4,
      credentialsRejected: [],
      modelsImported: 0,
      modelsSkipped: 3,
      defaultsRestored: [],
    })
    expect(snapshot(fresh)).toEqual(before)
    void home
  })

  it('merge: same provider+name with another key is imported (not primary), filled slots stay', async () => {
    const { app } = await seeded()
    const file = path.join(tmpDir('sb-bk-out-'), 'b.json')
    await app.backup.exportTo(file, PASSPHRASE)
    const home = tmpDir('sb-bk-dst-')
    const other = appWith(home, {})
    const mine = await other.credentials.create({
      provider: 'openai',
      name: 'Work',
      apiKey: 'sk-other-key-00000000000',
    })
    await other.models.register(mine.id, [{ name: 'gpt-4.1', type: 'language' }])
    const [m] = await other.models.list()
    await other.store.update((d) => void (d.defaults.slots.chat = m!.id))
    const r = await other.backup.importFrom(file, PASSPHRASE)
    expect(r).toMatchObject({
      credentialsImported: 4,
      credentialsSkipped: 0,
      credentialsRejected: [],
      defaultsRestored: ['embedding'],
    })
    const openai = await other.credentials.list({ provider: 'openai' })
    expect(openai.map((c) => [c.name, c.isPrimary])).toEqual([
      ['Work', true],
      ['Work', false],
    ])
    expect((await other.store.read()).defaults.slots.chat).toBe(m!.id)
  })

  it('a wrong passphrase: validation with a clear message, nothing written', async () => {
    const { app } = await seeded()
    const file = path.join(tmpDir('sb-bk-out-'), 'b.json')
    await app.backup.exportTo(file, PASSPHRASE)
    const home = tmpDir('sb-bk-dst-')
    const other = appWith(home, {})
    await other.credentials.create({ provider: 'ollama', name: 'x' })
    const before = snapshot(home)
    const err = await other.backup.importFrom(file, 'not the passphrase').catch((e) => e)
    expect(err.code).toBe('validation')
    expect(err.message).toMatch(/passphrase is wrong/)
    expect(snapshot(home)).toEqual(before)
  })

  it('a tampered file (body, header or parameters) fails like a wrong passphrase; a non-backup is told apart', async () => {
    const { app } = await seeded()
    const dir = tmpDir('sb-bk-out-')
    const file = path.join(dir, 'b.json')
    await app.backup.exportTo(file, PASSPHRASE)
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'))
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64')
      b[Math.floor(b.length / 2)]! ^= 1
      return b.toString('base64')
    }
    const variants = [
      { ...doc, data: flip(doc.data) },
      { ...doc, cipher: { ...doc.cipher, tag: flip(doc.cipher.tag) } },
      { ...doc, cipher: { ...doc.cipher, iv: flip(doc.cipher.iv) } },
      { ...doc, createdAt: '2000-01-01T00:00:00.000Z' },
      { ...doc, kdf: { ...doc.kdf, N: doc.kdf.N * 2 } },
      { ...doc, kdf: { ...doc.kdf, N: 2 ** 30 } }, // refused before any work
      { ...doc, data: undefined },
      // A header value that cannot become text made the envelope check throw (session 13).
      ...UNCONVERTIBLE.map((v) => ({ ...doc, data: v })),
      { ...doc, cipher: { ...doc.cipher, iv: UNCONVERTIBLE[0] } },
    ]
    const home = tmpDir('sb-bk-dst-')
    const other = appWith(home, {})
    for (const v of variants) {
      const f = path.join(dir, 'tampered.json')
      fs.writeFileSync(f, JSON.stringify(v))
      const err = await other.backup.importFrom(f, PASSPHRASE).catch((e) => e)
      expect(err.code).toBe('validation')
      expect(err.message).toMatch(/passphrase is wrong, or the file was changed/)
    }
    fs.writeFileSync(path.join(dir, 'x.json'), '{"hello":1}')
    expect(
      (await other.backup.importFrom(path.join(dir, 'x.json'), PASSPHRASE).catch((e) => e)).params
        .reason,
    ).toBe('not_a_backup')
    fs.writeFileSync(path.join(dir, 'v2.json'), JSON.stringify({ ...doc, version: 2 }))
    expect(await codeOf(other.backup.importFrom(path.join(dir, 'v2.json'), PASSPHRASE))).toBe(
      'unsupported',
    )
    expect(await other.credentials.list()).toEqual([])
  })

  it('refuses bad paths and short passphrases; never replaces a file without overwrite', async () => {
    const { app } = await seeded()
    const dir = tmpDir('sb-bk-out-')
    expect(await codeOf(app.backup.exportTo('relative.json', PASSPHRASE))).toBe('validation')
    expect(await codeOf(app.backup.exportTo(path.join(dir, 'b.json'), 'short'))).toBe('validation')
    expect(
      await codeOf(app.backup.exportTo(path.join(dir, 'missing-dir', 'b.json'), PASSPHRASE)),
    ).toBe('validation')
    expect(await codeOf(app.backup.exportTo(dir, PASSPHRASE))).toBe('validation')
    const file = path.join(dir, 'b.json')
    fs.writeFileSync(file, 'precious')
    expect(await codeOf(app.backup.exportTo(file, PASSPHRASE))).toBe('conflict')
    expect(fs.readFileSync(file, 'utf8')).toBe('precious')
    await app.backup.exportTo(file, PASSPHRASE, { overwrite: true })
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).format).toBe(BACKUP_FORMAT)
    expect(await codeOf(app.backup.importFrom(path.join(dir, 'nope.json'), PASSPHRASE))).toBe(
      'not_found',
    )
    expect(await codeOf(app.backup.importFrom('nope.json', PASSPHRASE))).toBe('validation')
  })

  it('vault problems: export needs the key (locked / wrong key), import of secrets into a locked vault writes nothing', async () => {
    const { home, app } = await seeded()
    const dir = tmpDir('sb-bk-out-')
    expect(
      await codeOf(
        appWith(home, {}, { locked: true }).backup.exportTo(path.join(dir, 'a.json'), PASSPHRASE),
      ),
    ).toBe('vault_locked')
    expect(
      await codeOf(
        appWith(home, { SWITCHBOARD_ENCRYPTION_KEY: 'wrong one' }).backup.exportTo(
          path.join(dir, 'b.json'),
          PASSPHRASE,
        ),
      ),
    ).toBe('vault_wrong_key')
    expect(fs.readdirSync(dir)).toEqual([])
    const file = path.join(dir, 'c.json')
    await app.backup.exportTo(file, PASSPHRASE)
    const locked = tmpDir('sb-bk-dst-')
    const before = snapshot(locked)
    expect(
      await codeOf(appWith(locked, {}, { locked: true }).backup.importFrom(file, PASSPHRASE)),
    ).toBe('vault_locked')
    expect(snapshot(locked)).toEqual(before)
  })

  it('an undecryptable credential is left out of the export and counted', async () => {
    const { app } = await seeded()
    await app.store.update((d) => {
      const c = d.credentials.find((x) => x.provider === 'anthropic')!
      c.secrets.apiKey = `v1.${Buffer.alloc(40, 7).toString('base64')}`
    })
    const file = path.join(tmpDir('sb-bk-out-'), 'b.json')
    expect(await app.backup.exportTo(file, PASSPHRASE)).toMatchObject({
      credentials: 3,
      models: 2,
      skippedUndecryptable: 1,
    })
  })
})
