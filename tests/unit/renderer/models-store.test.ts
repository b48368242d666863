/**
 * The models and defaults stores against a fake `window.switchboard`: discovery sessions (stale
 * listings ignored, errors kept for the dialog, cancel on close), registration, tests, removal,
 * and the defaults slot / auto-assign state. Nothing secret is ever cached.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  CredentialView,
  DiscoverResult,
  Envelope,
  ModelView,
} from '../../../src-preload/contract'
import { installFakeBridge } from '../../support/fake-bridge'

type Handler = (req: Record<string, unknown>) => Envelope<unknown> | Promise<Envelope<unknown>>
const calls: { method: string; req: Record<string, unknown> }[] = []
let handlers: Record<string, Handler> = {}

function install() {
  // Handlers are keyed `domain.verb` here; a call no handler expects fails the test.
  installFakeBridge((channel, req) => {
    const method = channel.replace(':', '.')
    const args = (req ?? {}) as Record<string, unknown>
    calls.push({ method, req: args })
    const h = handlers[method]
    if (!h) throw new Error(`unexpected call ${method}`)
    return h(args)
  })
}

const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
const cred = (id: string, extra: Partial<CredentialView> = {}): CredentialView => ({
  id,
  provider: 'openai',
  name: `Cred ${id}`,
  baseUrl: null,
  endpoint: null,
  apiVersion: null,
  project: null,
  location: null,
  credentialsPath: null,
  numCtx: null,
  isPrimary: false,
  hasKey: true,
  keyHint: 'abcd',
  modelCount: 0,
  status: 'ok',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  endpoints: null,
  allowInsecureHttp: false,
  ...extra,
})
const model = (id: string, name: string, type: ModelView['type'] = 'language'): ModelView => ({
  id,
  name,
  provider: 'openai',
  type,
  credentialId: 'c1',
  createdAt: '2025-01-01T00:00:00.000Z',
})
const listing = (credentialId: string, names: string[]): DiscoverResult => ({
  credentialId,
  provider: 'openai',
  error: null,
  models: names.map((name) => ({
    id: `discovered:language:${name}`,
    name,
    type: 'language',
    registered: false,
    typeSource: 'name',
  })),
})

async function stores() {
  vi.resetModules()
  const models = await import('../../../src-renderer/stores/use-models-store')
  const defaults = await import('../../../src-renderer/stores/use-defaults-store')
  const credentials = await import('../../../src-renderer/stores/use-credentials-store')
  return { models, defaults, credentials }
}

beforeEach(() => {
  calls.length = 0
  handlers = {
    'models.list': () => ok([model('m1', 'gpt-4o')]),
    'credentials.listIfChanged': () =>
      ok({ version: 'v1', credentials: [cred('c1'), cred('c2', { isPrimary: true })] }),
  }
  install()
})

describe('models store', () => {
  it('loads models, and credentials into the one credentials cache', async () => {
    const { models, credentials } = await stores()
    await models.useModelsStore.getState().load()
    const s = models.useModelsStore.getState()
    expect(s.status).toBe('ready')
    expect(s.models.map((m) => m.name)).toEqual(['gpt-4o'])
    expect(s).not.toHaveProperty('credentials')
    const cached = credentials.useCredentialsStore.getState().credentials
    expect(cached?.map((c) => c.id)).toEqual(['c1', 'c2'])
  })

  it('fails the page load when the credential list fails, keeping the error', async () => {
    handlers['credentials.listIfChanged'] = () => ({
      ok: false,
      error: { code: 'store_corrupt', message: 'x' },
    })
    const { models } = await stores()
    await models.useModelsStore.getState().load()
    const s = models.useModelsStore.getState()
    expect(s.status).toBe('failed')
    expect(s.loadError?.code).toBe('store_corrupt')
  })

  it('opens discovery on the primary credential, and openDiscovery(id) on the one given', async () => {
    handlers['models.discover'] = (req) => ok(listing(String(req.credentialId), ['a']))
    const { models } = await stores()
    const store = models.useModelsStore
    await store.getState().load()
    store.getState().openDiscovery(null)
    expect(store.getState().discovery).toMatchObject({
      open: true,
      credentialId: 'c2',
      status: 'loading',
    })
    await vi.waitFor(() => expect(store.getState().discovery.status).toBe('ready'))
    models.openDiscovery('c1')
    await vi.waitFor(() => expect(store.getState().discovery.result?.credentialId).toBe('c1'))
    const discovers = calls.filter((c) => c.method === 'models.discover')
    expect(discovers.map((c) => c.req.credentialId)).toEqual(['c2', 'c1'])
    expect(discovers.every((c) => /^discover-[a-z0-9-]+$/.test(String(c.req.jobId)))).toBe(true)
  })

  it('keeps a listing error for the dialog, whether returned or thrown', async () => {
    const { models } = await stores()
    const store = models.useModelsStore
    handlers['models.discover'] = () =>
      ok({
        ...listing('c1', []),
        error: { code: 'auth_invalid', message: 'rejected (401)', params: { status: 401 } },
      })
    await store.getState().discover('c1')
    expect(store.getState().discovery).toMatchObject({
      status: 'failed',
      error: { code: 'auth_invalid' },
    })
    handlers['models.discover'] = () => ({
      ok: false,
      error: { code: 'vault_locked', message: 'locked' },
    })
    await store.getState().discover('c1')
    expect(store.getState().discovery).toMatchObject({
      status: 'failed',
      error: { code: 'vault_locked' },
      result: null,
    })
  })

  it('ignores a listing that a newer one replaced, and cancels the old job', async () => {
    const { models } = await stores()
    const store = models.useModelsStore
    let release!: () => void
    handlers['models.discover'] = (req) =>
      req.credentialId === 'slow'
        ? new Promise((r) => (release = () => r(ok(listing('slow', ['old'])))))
        : ok(listing('c1', ['new']))
    handlers['models.cancel'] = () => ok({ cancelled: true })
    const first = store.getState().discover('slow')
    await store.getState().discover('c1')
    release()
    await first
    expect(store.getState().discovery.result?.models.map((m) => m.name)).toEqual(['new'])
    expect(calls.some((c) => c.method === 'models.cancel')).toBe(true)
  })

  it('closing the dialog mid-listing cancels the job', async () => {
    const { models } = await stores()
    const store = models.useModelsStore
    handlers['models.discover'] = () => new Promise(() => undefined)
    handlers['models.cancel'] = () => ok({ cancelled: true })
    void store.getState().discover('c1')
    const jobId = store.getState().discovery.jobId
    store.getState().closeDiscovery()
    expect(store.getState().discovery.open).toBe(false)
    expect(calls.find((c) => c.method === 'models.cancel')?.req).toEqual({ jobId })
  })

  it('registers for the dialog credential and reloads; a refusal stays in the dialog', async () => {
    const { models } = await stores()
    const store = models.useModelsStore
    handlers['models.discover'] = () => ok(listing('c1', ['a']))
    handlers['models.register'] = () => ok({ created: [model('m2', 'a')], existing: [] })
    await store.getState().discover('c1')
    const res = await store.getState().register([{ name: 'a', type: 'language' }])
    expect(res?.created).toHaveLength(1)
    expect(calls.find((c) => c.method === 'models.register')?.req).toEqual({
      credentialId: 'c1',
      models: [{ name: 'a', type: 'language' }],
    })
    expect(calls.filter((c) => c.method === 'models.list')).toHaveLength(1)
    handlers['models.register'] = () => ({
      ok: false,
      error: { code: 'validation', message: 'bad', params: { field: 'models.0.name' } },
    })
    expect(await store.getState().register([{ name: 'b', type: 'language' }])).toBeNull()
    expect(store.getState().discovery).toMatchObject({
      registering: false,
      registerError: { code: 'validation' },
    })
  })

  it('records a model test outcome, and a call failure apart from a failing test', async () => {
    const { models } = await stores()
    const store = models.useModelsStore
    handlers['models.test'] = () =>
      ok({
        modelId: 'm1',
        name: 'gpt-4o',
        provider: 'openai',
        type: 'language',
        ok: true,
        code: 'ok',
        message: '',
        result: { reply: 'OK' },
        latencyMs: 12,
      })
    const running = store.getState().testModel('m1')
    expect(store.getState().tests.m1?.running).toBe(true)
    await running
    expect(store.getState().tests.m1).toMatchObject({
      running: false,
      result: { result: { reply: 'OK' } },
      error: null,
    })
    handlers['models.test'] = () => ({ ok: false, error: { code: 'not_found', message: 'gone' } })
    await store.getState().testModel('m1')
    expect(store.getState().tests.m1).toMatchObject({
      running: false,
      result: null,
      error: { code: 'not_found' },
    })
  })

  it('removes a model and forgets its test', async () => {
    const { models } = await stores()
    const store = models.useModelsStore
    await store.getState().load()
    store.setState({ tests: { m1: { running: false, result: null, error: null } } })
    handlers['models.unregister'] = () =>
      ok({ removed: model('m1', 'gpt-4o'), clearedSlots: ['chat'] })
    handlers['models.list'] = () => ok([])
    const res = await store.getState().removeModel('m1')
    expect(res.clearedSlots).toEqual(['chat'])
    expect(store.getState().tests.m1).toBeUndefined()
    expect(store.getState().models).toEqual([])
  })

  it('caches nothing secret', async () => {
    const { models } = await stores()
    await models.useModelsStore.getState().load()
    const json = JSON.stringify(models.useModelsStore.getState())
    expect(json).not.toMatch(/apiKey|serviceAccountJson|sk-/)
  })
})

describe('defaults store', () => {
  const view = { slots: {}, missingRequired: ['chat'] }
  it('loads, sets, and keeps a refused set next to its slot', async () => {
    const { defaults } = await stores()
    const store = defaults.useDefaultsStore
    handlers['defaults.get'] = () => ok(view)
    await store.getState().load()
    expect(store.getState()).toMatchObject({ status: 'ready', view })
    const after = { slots: {}, missingRequired: [] }
    handlers['defaults.set'] = () =>
      ok({
        slot: 'chat',
        modelId: 'm1',
        previousModelId: null,
        embeddingChanged: false,
        defaults: after,
      })
    await store.getState().setSlot('chat', 'm1')
    expect(store.getState().view).toEqual(after)
    handlers['defaults.set'] = () => ({
      ok: false,
      error: { code: 'validation', message: 'wrong type', params: { slot: 'chat' } },
    })
    expect(await store.getState().setSlot('chat', 'e1')).toBeNull()
    expect(store.getState()).toMatchObject({
      saving: null,
      slotError: { slot: 'chat', error: { code: 'validation' } },
    })
  })

  it('auto-assigns, keeps the report, and re-reads the slots', async () => {
    const { defaults } = await stores()
    const store = defaults.useDefaultsStore
    const report = {
      assigned: [{ slot: 'chat', modelId: 'm1' }],
      skipped: [],
      missing: ['embedding'],
    }
    handlers['defaults.autoAssign'] = () => ok(report)
    handlers['defaults.get'] = () => ok({ slots: {}, missingRequired: ['embedding'] })
    await store.getState().autoAssign()
    expect(store.getState()).toMatchObject({
      autoAssigning: false,
      lastAutoAssign: report,
      view: { missingRequired: ['embedding'] },
    })
    store.getState().dismissReport()
    expect(store.getState().lastAutoAssign).toBeNull()
  })
})
