/**
 * Backup import does not trust its content (issue 11): every credential goes through the
 * credentials service's one validation, the valid ones are imported and each rejected one is
 * reported with its coded reason (service, IPC, CLI `import --json`); a KDF bomb in the header
 * is refused before any key derivation; and what `add` accepts at its limits survives
 * export → import.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src-cli/main'
import { sealBackup } from '../../../src-main/services/backup-envelope'
import { CRAFTED, FAKE_KEY } from '../../fixtures/crafted-credentials'
import { ipcHarness } from '../../support/ipc-harness'
import { PASS, appWith, snapshot, tmpDir } from './helpers'

const PASSPHRASE = 'crafted backup passphrase'
/** The cheapest KDF the header allows, so crafted files open fast. */
const CHEAP = { N: 1 << 14, r: 8, p: 1 }

/** A backup entry as export writes it, with `over` on top. */
function entry(i: number, over: Record<string, unknown>) {
  return {
    id: `b${i}`,
    provider: 'openai',
    name: `entry ${i}`,
    baseUrl: null,
    endpoint: null,
    apiVersion: null,
    endpoints: null,
    project: null,
    location: null,
    credentialsPath: null,
    numCtx: null,
    apiKey: null,
    serviceAccountJson: null,
    allowInsecureHttp: false,
    isPrimary: true,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    ...over,
  }
}

/** Writes a sealed backup of `credentials` (and one model on the first) to a temp file. */
async function craftedFile(credentials: unknown[], models: unknown[] = []) {
  const file = path.join(tmpDir('sb-bk-crafted-'), 'crafted.json')
  const payload = { credentials, models, defaults: { slots: {} } }
  fs.writeFileSync(
    file,
    await sealBackup(payload as never, PASSPHRASE, '2030-01-01T00:00:00.000Z', CHEAP),
  )
  return file
}

const VALID = entry(999, { name: 'the good one', apiKey: FAKE_KEY })
const craftedEntries = () => [
  ...CRAFTED.map((c, i) => entry(i, c.input)),
  VALID,
  'not even an object',
  entry(1000, { provider: 'no_such_provider', name: 'x' }),
  entry(1001, { provider: 'evil\u001b]0;owned\u0007', name: 'y' }),
]

describe('backup import validates every credential', () => {
  it('imports the valid one, reports each crafted one with its reason, stores none of them', async () => {
    const file = await craftedFile(craftedEntries(), [
      {
        id: 'm1',
        name: 'gpt-4o-mini',
        provider: 'openai',
        type: 'language',
        credentialId: 'b999',
        createdAt: '2030-01-01T00:00:00.000Z',
      },
      // A model of a rejected credential is skipped with it.
      {
        id: 'm2',
        name: 'x',
        provider: 'openai',
        type: 'language',
        credentialId: 'b0',
        createdAt: '2030-01-01T00:00:00.000Z',
      },
    ])
    const app = appWith(tmpDir('sb-bk-dst-'), {})
    const r = await app.backup.importFrom(file, PASSPHRASE)
    expect(r).toMatchObject({ credentialsImported: 1, modelsImported: 1, modelsSkipped: 1 })
    const byIndex = new Map(r.credentialsRejected.map((x) => [x.index, x]))
    CRAFTED.forEach((c, i) => {
      const x = byIndex.get(i)
      expect([c.label, x?.code, x?.field, x?.reason]).toEqual([c.label, c.code, c.field, c.reason])
    })
    expect(byIndex.get(CRAFTED.length + 1)).toMatchObject({ code: 'validation' })
    expect(byIndex.get(CRAFTED.length + 2)).toMatchObject({
      provider: 'no_such_provider',
      code: 'validation',
      field: 'provider',
      reason: 'unknown_provider',
    })
    expect(r.credentialsRejected).toHaveLength(CRAFTED.length + 3)
    // Reported names carry no escape or direction codes; nothing reported carries the key.
    for (const x of r.credentialsRejected) {
      for (const text of [x.name ?? '', x.provider ?? '', x.message])
        // eslint-disable-next-line no-control-regex -- checking that none survive
        expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/)
    }
    expect(JSON.stringify(r)).not.toContain(FAKE_KEY)
    const list = await app.credentials.list()
    expect(list.map((c) => [c.name, c.isPrimary, c.modelCount])).toEqual([
      ['the good one', true, 1],
    ])
  })

  it('IPC importBackup answers the same report; CLI import --json prints it and exits 1', async () => {
    const file = await craftedFile(craftedEntries())
    const h = ipcHarness(tmpDir('sb-bk-ipc-'), PASS)
    const ipc = await h.call('settings:importBackup', { path: file, passphrase: PASSPHRASE })
    expect(ipc.data.credentialsImported).toBe(1)
    expect(ipc.data.credentialsRejected).toHaveLength(CRAFTED.length + 3)
    expect(ipc.data.credentialsRejected[1]).toEqual({
      index: 1,
      provider: 'openai',
      name: 'crafted',
      code: 'url_blocked',
      field: 'baseUrl',
      reason: 'metadata',
      message: expect.stringContaining('metadata'),
    })

    const home = tmpDir('sb-bk-cli-')
    const out: string[] = []
    const code = await runCli(
      ['--json', 'import', file],
      {
        out: (t) => void out.push(t),
        err: () => undefined,
        readStdin: async () => `${PASSPHRASE}\n`,
        env: { SWITCHBOARD_HOME: home, ...PASS },
      },
      { version: 'test' },
    )
    expect(code).toBe(1)
    const json = JSON.parse(out[0]!)
    expect(json).toMatchObject({ credentialsImported: 1, credentialsSkipped: 0 })
    expect(json.credentialsRejected).toEqual(ipc.data.credentialsRejected)
  })

  it('a file with only bad credentials changes nothing in the store', async () => {
    const file = await craftedFile(CRAFTED.map((c, i) => entry(i, c.input)))
    const home = tmpDir('sb-bk-dst-')
    const app = appWith(home, {})
    await app.credentials.create({ provider: 'ollama', name: 'mine' })
    const before = snapshot(home)
    const r = await app.backup.importFrom(file, PASSPHRASE)
    expect([r.credentialsImported, r.credentialsRejected.length]).toEqual([0, CRAFTED.length])
    expect(snapshot(home)).toEqual(before)
  })

  it('what add accepts at its limits exports and imports again (the unrestorable-backup bug)', async () => {
    const src = appWith(tmpDir('sb-bk-src-'), {})
    const longUrl = `https://gw.example/${'p'.repeat(2048 - 'https://gw.example/'.length)}`
    await src.credentials.create({
      provider: 'openai_compatible',
      name: 'n'.repeat(100),
      apiKey: `k${'~'.repeat(8190)}z`,
      baseUrl: longUrl,
    })
    await src.credentials.create({ provider: 'ollama', name: 'big ctx', numCtx: 10_000_000 })
    const file = path.join(tmpDir('sb-bk-out-'), 'b.json')
    await src.backup.exportTo(file, PASSPHRASE)
    const dst = appWith(tmpDir('sb-bk-dst-'), {})
    const r = await dst.backup.importFrom(file, PASSPHRASE)
    expect([r.credentialsImported, r.credentialsRejected]).toEqual([2, []])
    const strip = (v: { id: string; createdAt: string; updatedAt: string }) => ({
      ...v,
      id: '',
      createdAt: '',
      updatedAt: '',
    })
    expect((await dst.credentials.list()).map(strip)).toEqual(
      (await src.credentials.list()).map(strip),
    )
  })
})

describe('backup KDF bombs', () => {
  it('a header asking for scrypt N=2^20, r=32, p=4 is refused before deriving, nothing written', async () => {
    const file = await craftedFile([VALID])
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'))
    const home = tmpDir('sb-bk-dst-')
    const app = appWith(home, {})
    const before = snapshot(home)
    for (const kdf of [
      { N: 2 ** 20, r: 32, p: 4 }, // 16 GiB of work: the issue's ~47 s, 4 GB bomb
      { N: 2 ** 20, r: 8, p: 1 }, // 1 GiB of memory at once
      { N: 2 ** 16, r: 8, p: 16 }, // cheap memory, 16 passes: the time bound
    ]) {
      fs.writeFileSync(file, JSON.stringify({ ...doc, kdf: { ...doc.kdf, ...kdf } }))
      // Refused by reason, which only the pre-derivation check gives (deriving first would end in
      // `cannot_open`, after tens of seconds and gigabytes).
      const err = await app.backup.importFrom(file, PASSPHRASE).catch((e) => e)
      expect([err.code, err.params?.reason]).toEqual(['validation', 'kdf_too_costly'])
      expect(err.message).toMatch(/256 MiB/)
    }
    expect(snapshot(home)).toEqual(before)
  })
})
