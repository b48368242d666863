/**
 * `home:overview` through the real IPC pipeline over a real store (src-main/services/overview.ts):
 * the first-run decision (empty store, dismissed), each credential's health, stale default slots
 * and old tests with the context's clock set, local servers and the gateway's state.
 * The channel's handler is src-main/ipc/handlers/home, which answers the service's overview.
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src-main/app-context'
import type { Overview } from '../../../src-preload/contract'
import { tmpHome } from '../../support/home'
import { OWN, ownDispatch } from '../../support/ipc-harness'

const NOW = new Date('2026-03-31T12:00:00Z')
const homes: string[] = []

function harness(): { app: AppContext; overview: () => Promise<Overview> } {
  const home = tmpHome('sb-overview-')
  homes.push(home)
  const app = createAppContext({
    home,
    env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'overview test' },
    clock: () => NOW,
  })
  const dispatch = ownDispatch(app)
  return {
    app,
    overview: async () => {
      const res = await dispatch('home:overview', {}, OWN)
      if (!res.ok) throw new Error(JSON.stringify(res.error))
      return res.data as Overview
    },
  }
}

afterEach(() => {
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true })
})

describe('home:overview', () => {
  it('lands on the first-run screen while the store is empty and it was not dismissed', async () => {
    const { app, overview } = harness()
    const first = await overview()
    expect(first).toMatchObject({ storeEmpty: true, firstRun: true, credentials: [] })
    expect(first.attention).toEqual([])
    expect(first.gateway).toMatchObject({ enabled: false, running: false, url: null })
    expect(first.local).toBeNull()
    expect(first.slots.map((s) => s.slot)).toEqual([
      'chat',
      'embedding',
      'textToSpeech',
      'speechToText',
      'transformation',
      'tools',
      'largeContext',
    ])

    app.preferences.set({ firstRunDismissed: true })
    expect(await overview()).toMatchObject({ storeEmpty: true, firstRun: false })
  })

  it('is not the first run once a credential exists', async () => {
    const { app, overview } = harness()
    await app.credentials.create({ provider: 'openai', name: 'Work', apiKey: 'sk-test-123456' })
    expect(await overview()).toMatchObject({ storeEmpty: false, firstRun: false })
  })

  it('reads each credential’s health and what needs attention from the store, at the clock’s time', async () => {
    const { app, overview } = harness()
    const ok = await app.credentials.create({
      provider: 'openai',
      name: 'Fresh',
      apiKey: 'sk-a-1234567',
    })
    const old = await app.credentials.create({
      provider: 'anthropic',
      name: 'Old',
      apiKey: 'sk-ant-1234567',
    })
    const bad = await app.credentials.create({
      provider: 'groq',
      name: 'Bad',
      apiKey: 'gsk_1234567',
    })
    const never = await app.credentials.create({
      provider: 'mistral',
      name: 'Never',
      apiKey: 'abcdefgh',
    })
    const { created } = await app.models.register(ok.id, [
      { name: 'gpt-4o-mini', type: 'language' },
    ])
    await app.defaults.set('chat', created[0]!.id)
    await app.store.update((d) => {
      d.lastTests[ok.id] = { code: 'ok', message: 'ok', at: '2026-03-30T12:00:00Z', latencyMs: 80 }
      d.lastTests[old.id] = { code: 'ok', message: 'ok', at: '2026-02-01T12:00:00Z', latencyMs: 90 }
      d.lastTests[bad.id] = {
        code: 'auth_invalid',
        message: 'The key was rejected (401).',
        at: '2026-03-31T11:00:00Z',
        latencyMs: 70,
      }
      // A slot left pointing at a model that is gone (an older version, a hand-edited store).
      d.defaults.slots.tools = 'model-that-is-gone'
    })

    const o = await overview()
    expect(Object.fromEntries(o.credentials.map((c) => [c.name, c.health]))).toEqual({
      Fresh: 'ok',
      Old: 'stale',
      Bad: 'failing',
      Never: 'untested',
    })
    expect(o.slots.find((s) => s.slot === 'chat')).toMatchObject({
      modelName: 'gpt-4o-mini',
      provider: 'openai',
      problem: null,
    })
    expect(o.slots.find((s) => s.slot === 'tools')).toMatchObject({
      modelId: 'model-that-is-gone',
      modelName: null,
      problem: 'missing_model',
    })
    expect(o.attention.map((i) => [i.kind, 'credentialId' in i ? i.credentialId : i.slot])).toEqual(
      [
        ['stale_default', 'tools'],
        ['failing_key', bad.id],
        ['untested_key', old.id],
        ['untested_key', never.id],
      ],
    )
    expect(o.attention.find((i) => i.kind === 'untested_key')).toMatchObject({ days: 58 })
    // Nothing secret in the answer.
    expect(JSON.stringify(o)).not.toMatch(/sk-a-1234567|sk-ant-1234567|gsk_1234567|abcdefgh/)
  })
})
