/**
 * The settings:* channels through the real dispatcher: happy path, schema rejection, untrusted
 * sender and a locked vault for each, and no key or passphrase in any response.
 *
 * Drives the env and backup channels of src-main/ipc/handlers/settings (status, migrate with and
 * without dryRun, export with overwrite, import with the passphrase as given).
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PASS, leakForms, snapshot, tmpDir } from './helpers'
import { ipcHarness } from '../../support/ipc-harness'

const KEY = 'sk-proj-ipcENVkey0000000000000009'
const PASSPHRASE = 'ipc backup passphrase'

function harness(env: Record<string, string>) {
  return ipcHarness(tmpDir('sb-env-ipc-'), env)
}

describe('settings:* channels', () => {
  it('envStatus → migrateEnv (dry run, then for real) → envStatus empty; credentials:changed pushed', async () => {
    const h = harness({ ...PASS, OPENAI_API_KEY: KEY })
    const s = await h.call('settings:envStatus', {})
    expect(s.data).toEqual({
      vault: 'unlocked',
      found: [
        {
          provider: 'openai',
          displayName: 'OpenAI',
          variables: ['OPENAI_API_KEY'],
          state: 'pending',
        },
      ],
      pending: ['openai'],
    })
    const before = snapshot(h.home)
    const dry = await h.call('settings:migrateEnv', { dryRun: true })
    expect(dry.data).toMatchObject({ migrated: ['openai'], skipped: [], errors: [] })
    expect(snapshot(h.home)).toEqual(before)
    const real = await h.call('settings:migrateEnv', {})
    expect(real.data).toMatchObject({ migrated: ['openai'] })
    expect(h.events).toContainEqual([
      'credentials:changed',
      { reason: 'created', ids: [expect.any(String)] },
    ])
    expect((await h.call('settings:envStatus', {})).data.pending).toEqual([])
    for (const out of h.outputs) for (const f of leakForms(KEY)) expect(out).not.toContain(f)
  })

  it('exportBackup / importBackup: main writes and reads the path; results in counts', async () => {
    const h = harness(PASS)
    await h.app.credentials.create({ provider: 'openai', name: 'K', apiKey: KEY })
    const file = path.join(tmpDir('sb-env-ipc-out-'), 'b.json')
    const ex = await h.call('settings:exportBackup', { path: file, passphrase: PASSPHRASE })
    expect(ex.data).toEqual({
      path: file,
      credentials: 1,
      models: 0,
      defaults: 0,
      skippedUndecryptable: 0,
    })
    const again = await h.call('settings:exportBackup', { path: file, passphrase: PASSPHRASE })
    expect(again.error?.code).toBe('conflict')
    expect(
      (
        await h.call('settings:exportBackup', {
          path: file,
          passphrase: PASSPHRASE,
          overwrite: true,
        })
      ).ok,
    ).toBe(true)

    const other = harness(PASS)
    const wrong = await other.call('settings:importBackup', {
      path: file,
      passphrase: 'wrong passphrase',
    })
    expect(wrong.error).toMatchObject({ code: 'validation', params: { reason: 'cannot_open' } })
    const im = await other.call('settings:importBackup', { path: file, passphrase: PASSPHRASE })
    expect(im.data).toEqual({
      credentialsImported: 1,
      credentialsSkipped: 0,
      credentialsRejected: [],
      modelsImported: 0,
      modelsSkipped: 0,
      defaultsRestored: [],
    })
    expect(other.events).toContainEqual([
      'credentials:changed',
      { reason: 'created', ids: [expect.any(String)] },
    ])
    for (const out of [...h.outputs, ...other.outputs]) {
      for (const f of [...leakForms(KEY), ...leakForms(PASSPHRASE)]) expect(out).not.toContain(f)
    }
  })

  it('rejects malformed requests before any work', async () => {
    const h = harness(PASS)
    const bad: [string, unknown][] = [
      ['settings:envStatus', { extra: 1 }],
      ['settings:migrateEnv', { dryRun: 'yes' }],
      ['settings:exportBackup', { path: '/tmp/x.json', passphrase: 'short' }],
      ['settings:exportBackup', { path: '/tmp/x\u0000.json', passphrase: PASSPHRASE }],
      ['settings:exportBackup', { passphrase: PASSPHRASE }],
      ['settings:importBackup', { path: '/tmp/x.json' }],
    ]
    for (const [channel, payload] of bad) {
      const r = await h.call(channel, payload)
      expect(r.error?.code, channel).toBe('validation')
    }
    // A relative path passes the schema but not the service.
    const rel = await h.call('settings:exportBackup', { path: 'x.json', passphrase: PASSPHRASE })
    expect(rel.error).toMatchObject({ code: 'validation', params: { reason: 'path_not_absolute' } })
    for (const out of h.outputs) expect(out).not.toContain(PASSPHRASE)
  })

  it('refuses an untrusted sender on every channel', async () => {
    const h = harness({ ...PASS, OPENAI_API_KEY: KEY })
    const before = snapshot(h.home)
    for (const [channel, payload] of [
      ['settings:envStatus', {}],
      ['settings:migrateEnv', {}],
      ['settings:exportBackup', { path: path.join(h.home, 'b.json'), passphrase: PASSPHRASE }],
      ['settings:importBackup', { path: path.join(h.home, 'b.json'), passphrase: PASSPHRASE }],
    ] as const) {
      const r = await h.call(channel, payload, 'https://evil.example/')
      expect(r.error?.code).toBe('forbidden_sender')
    }
    expect(snapshot(h.home)).toEqual(before)
  })

  it('with a locked vault: status says so, migrate refuses with vault_locked, nothing written', async () => {
    const h = harness({ OPENAI_API_KEY: KEY })
    await h.app.credentials.create({ provider: 'ollama', name: 'Local' })
    const before = snapshot(h.home)
    expect((await h.call('settings:envStatus', {})).data).toMatchObject({
      vault: 'locked',
      pending: [],
    })
    expect((await h.call('settings:migrateEnv', {})).error?.code).toBe('vault_locked')
    expect((await h.call('settings:migrateEnv', { dryRun: true })).error?.code).toBe('vault_locked')
    // No secrets stored: an export of the metadata needs no key.
    const file = path.join(tmpDir('sb-env-ipc-out-'), 'b.json')
    expect(
      (await h.call('settings:exportBackup', { path: file, passphrase: PASSPHRASE })).data,
    ).toMatchObject({ credentials: 1 })
    expect(snapshot(h.home)).toEqual(before)
  })
})
