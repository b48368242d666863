/**
 * `credentials:deleteImpact` (src-main/services/credential-delete.ts) through the real
 * dispatcher: the models, default slots, next primary, gateway names and tokens a delete would
 * take — the same as the delete then does — and nothing written by asking.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppContext } from '../../../src-main/app-context'
import { ENV_KEY, tmpHome } from '../vault/helpers'
import { OWN, ownDispatch } from '../../support/ipc-harness'

const LIMITS = {
  at: '2026-12-01T00:00:00.000Z',
  requestsLimit: 500,
  requestsRemaining: 499,
  requestsReset: '1s',
  tokensLimit: null,
  tokensRemaining: null,
  tokensReset: null,
  retryAfterMs: null,
}

async function setup() {
  const home = tmpHome()
  const app = createAppContext({ home, env: ENV_KEY })
  const dispatch = ownDispatch(app)
  const call = (channel: string, payload: unknown, sender = OWN) =>
    dispatch(channel, payload, sender) as Promise<{
      ok: boolean
      data?: Record<string, unknown>
      error?: { code: string }
    }>
  const key = 'sk-delete-impact-000000000001'
  const first = await app.credentials.create({ provider: 'openai', name: 'First', apiKey: key })
  const second = await app.credentials.create({ provider: 'openai', name: 'Second', apiKey: key })
  const reg = await app.models.register(first.id, [
    { name: 'gpt-4o-mini', type: 'language' },
    { name: 'only-first', type: 'language' },
  ])
  await app.models.register(second.id, [{ name: 'gpt-4o-mini', type: 'language' }])
  const chat = reg.created.find((m) => m.name === 'only-first')!
  await app.defaults.set('chat', chat.id)
  await app.gateway.createToken({ name: 'Narrow', models: ['only-first'] })
  await app.gateway.createToken({ name: 'Shared', models: ['gpt-4o-mini'] })
  await app.store.update((d) => {
    d.gateway.enabled = true
  })
  return { home, app, call, first, second }
}

describe('credentials:deleteImpact', () => {
  it('names what the delete takes, and the delete then does exactly that', async () => {
    const { home, app, call, first, second } = await setup()
    const file = path.join(home, 'switchboard.json')
    const before = fs.readFileSync(file, 'utf8')
    const impact = await call('credentials:deleteImpact', { id: first.id })
    expect(impact.data).toEqual({
      id: first.id,
      models: 2,
      slots: ['chat'],
      nextPrimary: { id: second.id, name: 'Second' },
      // gpt-4o-mini is still served through Second; only-first is not.
      gatewayModels: ['only-first'],
      gatewayTokens: [{ id: expect.any(String), name: 'Narrow' }],
    })
    expect(fs.readFileSync(file, 'utf8')).toBe(before)

    // What the gateway remembers of the credential goes with it.
    await app.store.update((d) => {
      d.gateway.disabled[first.id] = { code: 'auth_failed', at: '2026-12-01T00:00:00.000Z' }
      d.gateway.limits[first.id] = { ...LIMITS }
      d.gateway.limits[second.id] = { ...LIMITS }
    })
    const done = await call('credentials:delete', { id: first.id })
    expect(done.data).toEqual({ id: first.id, deletedModels: 2, clearedSlots: ['chat'] })
    expect((await app.credentials.show(second.id)).isPrimary).toBe(true)
    expect(await app.gateway.models()).not.toContain('only-first')
    const left = await app.store.read()
    expect(Object.keys(left.gateway.disabled)).toEqual([])
    expect(Object.keys(left.gateway.limits)).toEqual([second.id])
  })

  it('says nothing about the gateway while it is off, and not_found for an unknown id', async () => {
    const { app, call, second } = await setup()
    await app.store.update((d) => {
      d.gateway.enabled = false
    })
    const impact = await call('credentials:deleteImpact', { id: second.id })
    expect(impact.data).toMatchObject({
      models: 1,
      slots: [],
      nextPrimary: null,
      gatewayModels: [],
    })
    expect((await call('credentials:deleteImpact', { id: 'nope' })).error?.code).toBe('not_found')
    expect((await call('credentials:deleteImpact', { id: '../x' })).error?.code).toBe('validation')
    expect(
      (await call('credentials:deleteImpact', { id: second.id }, 'https://evil.example/')).error
        ?.code,
    ).toBe('forbidden_sender')
  })
})
