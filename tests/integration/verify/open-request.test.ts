/**
 * The tray's "Quick test chat model" (issue 16): the tray model offers it only with a chat
 * default (tray-deps reads it from the real store), and the request is announced as
 * `verify:openRequested` and kept in main until the renderer takes it, once.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { trayDepsFrom } from '../../../src-main/tray/tray-deps'
import { startFakeOllama } from '../../fixtures/ollama-server'
import { cleanWorlds, track, verifyWorld } from './helpers'

afterEach(cleanWorlds)

describe('verify: the tray request', () => {
  it('chat default → the request is announced and taken once', async () => {
    const server = track(await startFakeOllama())
    const w = await verifyWorld(
      { provider: 'ollama', name: 'Local', baseUrl: server.url },
      { name: 'llama3.2:3b', type: 'language' },
    )
    const deps = trayDepsFrom(w.h.app)
    expect(await deps.chatDefault!()).toBeNull()
    expect((await w.h.call('defaults:set', { slot: 'chat', modelId: w.modelId })).ok).toBe(true)
    const target = await deps.chatDefault!()
    expect(target).toEqual({ credentialId: w.credentialId, modelId: w.modelId })

    w.h.app.verify.requestOpen(target!)
    expect(w.h.events).toContainEqual(['verify:openRequested', target])
    expect((await w.h.call('verify:takeOpenRequest', {})).data).toEqual({ request: target })
    expect((await w.h.call('verify:takeOpenRequest', {})).data).toEqual({ request: null })
  })
})
