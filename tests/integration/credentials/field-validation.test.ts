/**
 * The one credential validation (issue 11), through every way in over real stores in temp dirs:
 * IPC `credentials:create` / `credentials:update` (the real dispatcher), CLI `add` / `update`
 * (runCli in-process), `migrate-env`. Each crafted input is refused with the same code, field
 * and reason everywhere, and nothing is written; base URLs are stored normalised. Backup import
 * of the same inputs is in tests/integration/env/backup-trust.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { cliJson } from '../../fixtures/cli-in-process'
import { ipcHarness } from '../../support/ipc-harness'
import { CRAFTED, FAKE_KEY, addArgs } from '../../fixtures/crafted-credentials'
import { snapshot } from '../vault/helpers'
import { tmpHome } from '../../support/home'

const MASTER = { SWITCHBOARD_ENCRYPTION_KEY: 'field validation master passphrase' }
const tmp = () => tmpHome('sb-fields-')

/** Runs the CLI in-process over `home`; returns the exit code and the parsed JSON. */
const cli = (home: string, args: string[], stdin = '') =>
  cliJson(args, { SWITCHBOARD_HOME: home, ...MASTER }, stdin)

describe('one credential validation, every way in', () => {
  it('IPC create refuses each crafted input with its code, field and reason; nothing written', async () => {
    const h = ipcHarness(tmp(), MASTER)
    await h.call('credentials:create', { provider: 'ollama', name: 'seed' })
    const before = snapshot(h.home)
    for (const c of CRAFTED) {
      const r = await h.call('credentials:create', c.input)
      expect([
        c.label,
        r.ok,
        r.error?.code,
        r.error?.params?.field,
        r.error?.params?.reason,
      ]).toEqual([c.label, false, c.code, c.field, c.reason])
      expect(JSON.stringify(r)).not.toContain(FAKE_KEY)
    }
    expect(snapshot(h.home)).toEqual(before)
  })

  it('IPC update refuses the same values on an existing credential; nothing written', async () => {
    const h = ipcHarness(tmp(), MASTER)
    const ids: Record<string, string> = {}
    for (const input of [
      { provider: 'openai', name: 'o', apiKey: FAKE_KEY },
      { provider: 'ollama', name: 'ol' },
      {
        provider: 'azure',
        name: 'az',
        apiKey: FAKE_KEY,
        endpoint: 'https://me.openai.azure.com',
        apiVersion: '2024-10-21',
      },
    ]) {
      ids[input.provider] = (await h.call('credentials:create', input)).data.id
    }
    const before = snapshot(h.home)
    for (const c of CRAFTED) {
      const { provider, name, ...rest } = c.input
      // The missing-key case is an update that clears a required key.
      const patch = c.reason === 'required' ? { apiKey: null } : { ...rest, name }
      const r = await h.call('credentials:update', { id: ids[provider], ...patch })
      expect([c.label, r.error?.code, r.error?.params?.field, r.error?.params?.reason]).toEqual([
        c.label,
        c.code,
        c.field,
        c.reason,
      ])
    }
    expect(snapshot(h.home)).toEqual(before)
  })

  it('CLI add refuses each crafted input the same way (field and reason in --json); nothing written', async () => {
    const home = tmp()
    expect((await cli(home, ['add', 'ollama', '--name', 'seed'])).code).toBe(0)
    const before = snapshot(home)
    for (const c of CRAFTED) {
      const { args, stdin } = addArgs(c.input)
      const r = await cli(home, args, stdin)
      expect([c.label, r.code, r.json?.error?.code, r.json?.error?.params?.field]).toEqual([
        c.label,
        c.code === 'validation' ? 2 : 1, // DESIGN §9: 2 validation, 1 a refused operation
        c.code,
        c.field,
      ])
      expect(r.json.error.params.reason, c.label).toBe(c.reason)
      expect(JSON.stringify(r.json)).not.toContain(FAKE_KEY)
    }
    expect(snapshot(home)).toEqual(before)
  })

  it('CLI update refuses a blocked base URL and a bad context size; nothing written', async () => {
    const home = tmp()
    const { json } = await cli(home, ['add', 'ollama', '--name', 'ol'])
    const before = snapshot(home)
    const blocked = await cli(home, [
      'update',
      json.id,
      '--base-url',
      'http://[::ffff:169.254.169.254]/',
    ])
    expect([blocked.code, blocked.json.error.code]).toEqual([1, 'url_blocked'])
    const neg = await cli(home, ['update', json.id, '--num-ctx=-1'])
    expect(neg.json.error.params).toMatchObject({ field: 'numCtx', reason: 'out_of_range' })
    const text = await cli(home, ['update', json.id, '--num-ctx', 'lots'])
    expect(text.json.error.params).toMatchObject({ field: 'numCtx', reason: 'invalid_number' })
    expect(snapshot(home)).toEqual(before)
  })

  it('migrate-env refuses a blocked or malformed variable per provider and imports the rest', async () => {
    const h = ipcHarness(tmp(), {
      ...MASTER,
      OPENAI_API_KEY: FAKE_KEY,
      OPENAI_BASE_URL: 'http://169.254.169.254/v1',
      ANTHROPIC_API_KEY: 'sk-ant-fake-0000000000000001',
      GROQ_API_KEY: 'gsk_fake\u0007bell',
    })
    const r = await h.call('settings:migrateEnv', {})
    expect(r.data.migrated).toEqual(['anthropic'])
    const pairs = r.data.errors.map((e: { provider: string; code: string }) => [e.provider, e.code])
    expect(pairs.sort()).toEqual([
      ['groq', 'validation'],
      ['openai', 'url_blocked'],
    ])
    const dry = await h.call('settings:migrateEnv', { dryRun: true })
    expect(dry.data.errors.map((e: { code: string }) => e.code).sort()).toEqual([
      'url_blocked',
      'validation',
    ])
  })

  it('accepts what a real key and a real address can be, and stores base URLs normalised', async () => {
    const h = ipcHarness(tmp(), MASTER)
    const created = await h.call('credentials:create', {
      provider: 'openai_compatible',
      name: 'Home lab 🧪👩‍🔬',
      // Self-hosted servers take any printable string their admin chose, shell characters too.
      apiKey: 'pa$$(word)`x` \'q\' "d" ~!@#%^&*()_+-=[]{}|;:,.<>/?',
      baseUrl: '  HTTPS://GW.Example.COM:443/v1/  ',
    })
    expect(created.ok).toBe(true)
    expect(created.data).toMatchObject({
      name: 'Home lab 🧪👩‍🔬',
      baseUrl: 'https://gw.example.com/v1',
    })
    const lan = await h.call('credentials:create', {
      provider: 'ollama',
      name: 'LAN box',
      baseUrl: 'http://0x7f.1:11434/',
      numCtx: 10_000_000,
    })
    expect(lan.data).toMatchObject({ baseUrl: 'http://127.0.0.1:11434', numCtx: 10_000_000 })
    const idn = await h.call('credentials:update', {
      id: lan.data.id,
      baseUrl: 'http://bücher.lan:11434',
    })
    expect(idn.data.baseUrl).toBe('http://xn--bcher-kva.lan:11434')
    const key = await h.app.credentials.getDecrypted(created.data.id)
    expect(key.apiKey).toBe('pa$$(word)`x` \'q\' "d" ~!@#%^&*()_+-=[]{}|;:,.<>/?')
  })
})
