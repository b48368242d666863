/**
 * The `gateway:*` channels through the real dispatcher (DESIGN §2, §14): happy paths, schema
 * rejection, the token returned once and never listed, switching the gateway on and off, and the
 * status, usage, limits and model-name lists read from the store. Every channel of
 * src-main/ipc/handlers/gateway is called here with the answer checked.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createAppContext } from '../../../src-main/app-context'
import { tmpHome } from '../../support/home'
import { OWN, ownDispatch } from '../../support/ipc-harness'

const home = tmpHome('sb-gateway-ipc-')
const events: { event: string; payload: unknown }[] = []
const app = createAppContext({
  home,
  env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'ipc gateway test' },
  emit: (event, payload) => events.push({ event, payload }),
})
const dispatch = ownDispatch(app)
const call = (channel: string, payload: unknown) => dispatch(channel as never, payload, OWN)

afterAll(async () => {
  await app.gateway.stop()
})

describe('gateway IPC', () => {
  it('creates a token once; lists never carry it or its hash', async () => {
    const created = await call('gateway:createToken', {
      name: 'Notes',
      models: ['default:chat'],
      rpm: 30,
      expiresInMs: 86_400_000,
    })
    expect(created).toMatchObject({
      ok: true,
      data: { name: 'Notes', models: ['default:chat'], rpm: 30 },
    })
    const token = (created as { data: { token: string; id: string } }).data.token
    expect(token).toMatch(/^sbg_/)
    const list = await call('gateway:tokens', {})
    expect(JSON.stringify(list)).not.toContain(token)
    expect(JSON.stringify(list)).not.toContain('hash')
    expect(list).toMatchObject({
      ok: true,
      data: [{ name: 'Notes', hint: token.slice(-4), expired: false }],
    })
    const id = (created as { data: { id: string } }).data.id
    expect(await call('gateway:removeToken', { id })).toEqual({ ok: true, data: { id } })
    expect(await call('gateway:removeToken', { id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('refuses bad payloads before any work', async () => {
    for (const [channel, payload] of [
      ['gateway:createToken', { name: '' }],
      ['gateway:createToken', { name: 'x', rpm: 0 }],
      ['gateway:createToken', { name: 'x', expiresInMs: 5 }],
      ['gateway:setEnabled', { enabled: true, port: 80 }],
      ['gateway:setEnabled', { enabled: 'yes' }],
    ] as const) {
      expect(await call(channel, payload)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      })
    }
    expect(await call('gateway:tokens', {})).toEqual({ ok: true, data: [] })
  })

  it('answers status, usage, limits and model names from the store', async () => {
    expect(await call('gateway:status', {})).toMatchObject({
      ok: true,
      data: { enabled: false, running: false, url: null, port: 8788, error: null },
    })
    const cred = await app.credentials.create({
      provider: 'ollama',
      name: 'Box',
      baseUrl: 'http://127.0.0.1:11434',
    })
    const reg = await app.models.register(cred.id, [{ name: 'llama3.2', type: 'language' }])
    await app.defaults.set('chat', reg.created[0]!.id)
    const row = {
      tokenId: 't1',
      name: 'Notes',
      model: 'ollama/llama3.2',
      requests: 3,
      errors: 1,
      inputTokens: 10,
      outputTokens: 20,
    }
    await app.store.update((d) => {
      d.gateway.usage.push(row)
      d.gateway.limits[cred.id] = {
        at: '2026-01-01T00:00:00.000Z',
        requestsLimit: 100,
        requestsRemaining: 99,
        requestsReset: null,
        tokensLimit: null,
        tokensRemaining: null,
        tokensReset: null,
        retryAfterMs: null,
      }
    })
    expect(await call('gateway:usage', {})).toEqual({ ok: true, data: [row] })
    expect(await call('gateway:limits', {})).toMatchObject({
      ok: true,
      data: [{ credentialId: cred.id, credentialName: 'Box', requestsRemaining: 99 }],
    })
    expect(await call('gateway:models', {})).toEqual({
      ok: true,
      data: ['llama3.2', 'default:chat'],
    })
    await app.credentials.delete(cred.id)
  })

  it('switches the gateway on (remembered) and off, telling the app', async () => {
    const probe = await import('node:net').then(
      (net) =>
        new Promise<number>((resolve) => {
          const s = net.createServer().listen(0, '127.0.0.1', () => {
            const { port } = s.address() as { port: number }
            s.close(() => resolve(port))
          })
        }),
    )
    const on = await call('gateway:setEnabled', { enabled: true, port: probe })
    expect(on).toMatchObject({
      ok: true,
      data: { enabled: true, running: true, url: `http://127.0.0.1:${probe}`, error: null },
    })
    expect((await app.store.read()).gateway).toMatchObject({ enabled: true, port: probe })
    const res = await fetch(`http://127.0.0.1:${probe}/v1/models`)
    expect(res.status).toBe(401)
    const off = await call('gateway:setEnabled', { enabled: false })
    expect(off).toMatchObject({ ok: true, data: { enabled: false, running: false, url: null } })
    await expect(fetch(`http://127.0.0.1:${probe}/v1/models`)).rejects.toThrow()
    await new Promise((r) => setTimeout(r, 20))
    expect(
      events
        .filter((e) => e.event === 'gateway:changed')
        .map((e) => (e.payload as { running: boolean }).running),
    ).toEqual([true, false])
  })

  it('reports a port in use in the status and keeps the switch', async () => {
    const net = await import('node:net')
    const busy = net.createServer()
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()))
    const port = (busy.address() as { port: number }).port
    try {
      const res = await call('gateway:setEnabled', { enabled: true, port })
      expect(res).toMatchObject({
        ok: true,
        data: {
          enabled: true,
          running: false,
          error: { code: 'conflict', params: { reason: 'port_in_use', port } },
        },
      })
    } finally {
      busy.close()
      await call('gateway:setEnabled', { enabled: false })
    }
  })
})
