/**
 * `migrate-env` over a real store in a temp dir: every provider's env shape (required, anyOf,
 * optional), the field mapping, skip on a second run, dry run writing nothing (file bytes
 * compared), a locked vault writing nothing, and no key in any result or error.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../src-main/providers/catalog'
import {
  MIGRATED_NAME,
  isEnvConfigured,
  requestFromEnv,
} from '../../../src-main/services/env-migration'
import { appWith, codeOf, leakForms, snapshot, tmpDir } from './helpers'

const KEYS = {
  OPENAI_API_KEY: 'sk-proj-envOPENAIkey000000001111',
  ANTHROPIC_API_KEY: 'sk-ant-envANTHROPIC0000002222',
  GEMINI_API_KEY: 'AIzaEnvGeminiKey00000000000003333',
  AZURE_OPENAI_API_KEY: 'azure-env-key-00000000004444',
  OPENAI_COMPATIBLE_API_KEY: 'compat-env-key-0000005555',
}

/** One environment for every provider whose variables are a single key (keyEnv in the catalog). */
function singleKeyEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const e of catalog) {
    const [only] = e.envVars.required
    if (e.envVars.required.length === 1 && e.envVars.map[only!] === 'apiKey')
      env[only!] = `${e.id}-env-key-00000000${e.id.length}`
  }
  return env
}

describe('which providers the environment configures', () => {
  const google = catalog.find((e) => e.id === 'google')!
  const azure = catalog.find((e) => e.id === 'azure')!
  const compat = catalog.find((e) => e.id === 'openai_compatible')!
  const vertex = catalog.find((e) => e.id === 'vertex')!

  it('google: either GOOGLE_API_KEY or GEMINI_API_KEY (anyOf); GOOGLE_API_KEY wins when both are set', () => {
    expect(isEnvConfigured(google, {})).toBe(false)
    expect(isEnvConfigured(google, { GEMINI_API_KEY: '  ' })).toBe(false)
    expect(isEnvConfigured(google, { GEMINI_API_KEY: 'g1' })).toBe(true)
    expect(isEnvConfigured(google, { GOOGLE_API_KEY: 'g2' })).toBe(true)
    expect(requestFromEnv(google, { GEMINI_API_KEY: 'gem', GOOGLE_API_KEY: 'goo' }).apiKey).toBe(
      'goo',
    )
    expect(requestFromEnv(google, { GEMINI_API_KEY: ' gem \n' }).apiKey).toBe('gem')
  })

  it('azure: all three of key, endpoint and version; the per-service endpoints are optional', () => {
    const all = {
      AZURE_OPENAI_API_KEY: 'k',
      AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
      AZURE_OPENAI_API_VERSION: '2024-10-21',
    }
    for (const missing of Object.keys(all)) {
      expect(isEnvConfigured(azure, { ...all, [missing]: '' })).toBe(false)
    }
    expect(isEnvConfigured(azure, all)).toBe(true)
    expect(
      requestFromEnv(azure, {
        ...all,
        AZURE_OPENAI_ENDPOINT_EMBEDDING: 'https://e.openai.azure.com',
      }),
    ).toEqual({
      provider: 'azure',
      name: MIGRATED_NAME,
      apiKey: 'k',
      endpoint: 'https://r.openai.azure.com',
      apiVersion: '2024-10-21',
      endpoints: { embedding: 'https://e.openai.azure.com' },
    })
  })

  it('openai_compatible: the base URL is what configures it; the key is optional', () => {
    expect(isEnvConfigured(compat, { OPENAI_COMPATIBLE_API_KEY: 'k' })).toBe(false)
    expect(isEnvConfigured(compat, { OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:9/v1' })).toBe(
      true,
    )
    expect(
      requestFromEnv(compat, {
        OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:9/v1',
        OPENAI_COMPATIBLE_API_KEY: 'k',
      }),
    ).toMatchObject({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k' })
  })

  it('vertex: project and location required, credentials path optional', () => {
    expect(isEnvConfigured(vertex, { VERTEX_PROJECT: 'p' })).toBe(false)
    expect(requestFromEnv(vertex, { VERTEX_PROJECT: 'p', VERTEX_LOCATION: 'us-central1' })).toEqual(
      {
        provider: 'vertex',
        name: MIGRATED_NAME,
        project: 'p',
        location: 'us-central1',
      },
    )
  })
})

describe('migrate-env', () => {
  it('imports every single-key provider, then skips them all on a second run', async () => {
    const home = tmpDir()
    const env = singleKeyEnv()
    const app = appWith(home, env)
    const ids = Object.keys(env).map((v) => catalog.find((e) => e.envVars.required[0] === v)!.id)
    const first = await app.envMigration.migrate()
    expect(Object.keys(first)).toEqual(['migrated', 'skipped', 'notConfigured', 'errors'])
    expect(first.errors).toEqual([])
    expect(first.migrated.sort()).toEqual([...ids].sort())
    expect(first.skipped).toEqual([])
    expect(first.notConfigured.length + first.migrated.length).toBe(catalog.length)
    for (const id of ids) {
      const [cred] = await app.credentials.list({ provider: id })
      expect(cred).toMatchObject({
        name: MIGRATED_NAME,
        hasKey: true,
        isPrimary: true,
        status: 'ok',
      })
      const envVar = catalog.find((e) => e.id === id)!.envVars.required[0]!
      expect((await app.credentials.getDecrypted(cred!.id)).apiKey).toBe(env[envVar])
    }
    const second = await appWith(home, env).envMigration.migrate()
    expect(second.migrated).toEqual([])
    expect(second.skipped.sort()).toEqual([...ids].sort())
    expect((await app.credentials.list()).length).toBe(ids.length)
  })

  it('maps Azure, Google (GEMINI_API_KEY), Ollama, OpenAI-compatible and Vertex fields', async () => {
    const home = tmpDir()
    const sa = path.join(home, 'sa.json')
    fs.writeFileSync(sa, JSON.stringify({ type: 'service_account', project_id: 'p1' }))
    const app = appWith(home, {
      GEMINI_API_KEY: KEYS.GEMINI_API_KEY,
      AZURE_OPENAI_API_KEY: KEYS.AZURE_OPENAI_API_KEY,
      AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com/',
      AZURE_OPENAI_API_VERSION: '2024-10-21',
      AZURE_OPENAI_ENDPOINT_LLM: 'https://llm.openai.azure.com',
      OLLAMA_API_BASE: 'http://127.0.0.1:11434',
      OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:8000/v1',
      OPENAI_COMPATIBLE_API_KEY: KEYS.OPENAI_COMPATIBLE_API_KEY,
      VERTEX_PROJECT: 'p1',
      VERTEX_LOCATION: 'europe-west4',
      GOOGLE_APPLICATION_CREDENTIALS: sa,
    })
    const r = await app.envMigration.migrate()
    expect(r.errors).toEqual([])
    expect(r.migrated).toEqual(['google', 'ollama', 'azure', 'vertex', 'openai_compatible'])
    const byProvider = async (p: string) => {
      const [c] = await app.credentials.list({ provider: p })
      return app.credentials.getDecrypted(c!.id)
    }
    expect(await byProvider('google')).toMatchObject({ apiKey: KEYS.GEMINI_API_KEY })
    expect(await byProvider('azure')).toMatchObject({
      apiKey: KEYS.AZURE_OPENAI_API_KEY,
      endpoint: 'https://res.openai.azure.com',
      apiVersion: '2024-10-21',
      endpoints: { language: 'https://llm.openai.azure.com' },
    })
    expect(await byProvider('ollama')).toMatchObject({
      baseUrl: 'http://127.0.0.1:11434',
      apiKey: null,
    })
    expect(await byProvider('openai_compatible')).toMatchObject({
      baseUrl: 'http://127.0.0.1:8000/v1',
      apiKey: KEYS.OPENAI_COMPATIBLE_API_KEY,
    })
    const vertex = await byProvider('vertex')
    expect(vertex).toMatchObject({ project: 'p1', location: 'europe-west4', credentialsPath: sa })
    expect(JSON.parse(vertex.serviceAccountJson!)).toMatchObject({ project_id: 'p1' })
    // Keyless providers are matched on their base URL / project on the next run.
    const again = await app.envMigration.migrate()
    expect(again.skipped).toEqual(r.migrated)
  })

  it('a credential with the same key (any name) makes the provider skipped; a different key is imported', async () => {
    const home = tmpDir()
    const app = appWith(home, {
      OPENAI_API_KEY: KEYS.OPENAI_API_KEY,
      ANTHROPIC_API_KEY: KEYS.ANTHROPIC_API_KEY,
    })
    await app.credentials.create({ provider: 'openai', name: 'Mine', apiKey: KEYS.OPENAI_API_KEY })
    await app.credentials.create({
      provider: 'anthropic',
      name: 'Other',
      apiKey: 'sk-ant-different-000000',
    })
    const r = await app.envMigration.migrate()
    expect(r.skipped).toEqual(['openai'])
    expect(r.migrated).toEqual(['anthropic'])
    const anthropic = await app.credentials.list({ provider: 'anthropic' })
    expect(anthropic.map((c) => [c.name, c.isPrimary])).toEqual([
      ['Other', true],
      [MIGRATED_NAME, false],
    ])
  })

  it('per-provider problems are reported in errors, the rest still imports, and no key leaks', async () => {
    const home = tmpDir()
    const app = appWith(home, {
      OPENAI_API_KEY: KEYS.OPENAI_API_KEY,
      OLLAMA_API_BASE: 'not a url',
      VERTEX_PROJECT: 'p',
      VERTEX_LOCATION: 'l',
      GOOGLE_APPLICATION_CREDENTIALS: path.join(home, 'missing.json'),
      ANTHROPIC_API_KEY: `sk-ant-with\u0007bell-${KEYS.ANTHROPIC_API_KEY}`,
    })
    const dry = await app.envMigration.migrate({ dryRun: true })
    const r = await app.envMigration.migrate()
    expect(dry).toEqual(r)
    expect(r.migrated).toEqual(['openai'])
    expect(r.errors.map((e) => [e.provider, e.code])).toEqual([
      ['anthropic', 'validation'],
      ['ollama', 'validation'],
      ['vertex', 'validation'],
    ])
    const text = JSON.stringify([dry, r])
    for (const k of [KEYS.OPENAI_API_KEY, KEYS.ANTHROPIC_API_KEY])
      for (const f of leakForms(k)) expect(text).not.toContain(f)
  })

  it('--dry-run writes nothing: the data dir is byte-identical before and after', async () => {
    const home = tmpDir()
    const app = appWith(home, {
      OPENAI_API_KEY: KEYS.OPENAI_API_KEY,
      GOOGLE_API_KEY: KEYS.GEMINI_API_KEY,
    })
    await app.credentials.create({ provider: 'ollama', name: 'Local' })
    const before = snapshot(home)
    const r = await app.envMigration.migrate({ dryRun: true })
    expect(r.migrated).toEqual(['openai', 'google'])
    expect(snapshot(home)).toEqual(before)
    expect(await app.credentials.list()).toHaveLength(1)
  })

  it('a locked vault: vault_locked and nothing written (also for the dry run)', async () => {
    const home = tmpDir()
    const app = appWith(home, { OPENAI_API_KEY: KEYS.OPENAI_API_KEY }, { locked: true })
    await app.credentials.create({ provider: 'ollama', name: 'Local' })
    const before = snapshot(home)
    expect(await codeOf(app.envMigration.migrate())).toBe('vault_locked')
    expect(await codeOf(app.envMigration.migrate({ dryRun: true }))).toBe('vault_locked')
    expect(snapshot(home)).toEqual(before)
    // The banner's status does not fail; it says why it cannot tell.
    expect(await app.envMigration.status()).toEqual({
      vault: 'locked',
      found: [
        {
          provider: 'openai',
          displayName: 'OpenAI',
          variables: ['OPENAI_API_KEY'],
          state: 'pending',
        },
      ],
      pending: [],
    })
  })

  it('a wrong master key: vault_wrong_key, nothing written', async () => {
    const home = tmpDir()
    await appWith(home, {}).credentials.create({
      provider: 'openai',
      name: 'x',
      apiKey: 'sk-existing-0000000000',
    })
    const app = appWith(home, {
      OPENAI_API_KEY: KEYS.OPENAI_API_KEY,
      SWITCHBOARD_ENCRYPTION_KEY: 'another passphrase',
    })
    const before = snapshot(home)
    expect(await codeOf(app.envMigration.migrate())).toBe('vault_wrong_key')
    expect(snapshot(home)).toEqual(before)
  })

  it('status names the variables (never values) and what is still pending', async () => {
    const home = tmpDir()
    const app = appWith(home, {
      OPENAI_API_KEY: KEYS.OPENAI_API_KEY,
      GEMINI_API_KEY: KEYS.GEMINI_API_KEY,
      GOOGLE_API_KEY: ' ',
    })
    const s = await app.envMigration.status()
    expect(s).toEqual({
      vault: 'unlocked',
      found: [
        {
          provider: 'openai',
          displayName: 'OpenAI',
          variables: ['OPENAI_API_KEY'],
          state: 'pending',
        },
        {
          provider: 'google',
          displayName: expect.any(String),
          variables: ['GEMINI_API_KEY'],
          state: 'pending',
        },
      ],
      pending: ['openai', 'google'],
    })
    await app.envMigration.migrate()
    const after = await app.envMigration.status()
    expect(after.pending).toEqual([])
    expect(after.found.map((f) => f.state)).toEqual(['imported', 'imported'])
    expect(JSON.stringify([s, after])).not.toContain(KEYS.OPENAI_API_KEY)
    expect(await appWith(tmpDir(), {}).envMigration.status()).toEqual({
      vault: 'unlocked',
      found: [],
      pending: [],
    })
  })
})
