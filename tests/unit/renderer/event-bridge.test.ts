/**
 * The renderer's one event bridge (src-renderer/stores/event-bridge.ts) against a fake
 * `window.switchboard`: one listener per contract event while it runs, none after stop, and a
 * change event re-reads only the stores a view watches (a closed page costs no IPC call).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EVENT_NAMES } from '../../../src-preload/contract/names'
import { installFakeBridge } from '../../support/fake-bridge'
import { startEventBridge } from '../../../src-renderer/stores/event-bridge'
import { useGatewayStore } from '../../../src-renderer/stores/use-gateway-store'
import { useModelsStore } from '../../../src-renderer/stores/use-models-store'
import { useUpdatesStore } from '../../../src-renderer/stores/use-updates-store'
import { useOverviewStore } from '../../../src-renderer/stores/use-overview-store'

let calls: string[] = []
let listeners: Map<string, Set<(p: unknown) => void>>

let emit: (name: string, payload: unknown) => void

function fakeBridge() {
  calls = []
  ;({ listeners, emit } = installFakeBridge((channel) => {
    calls.push(channel)
    return { ok: true, data: channel.endsWith(':list') ? [] : null }
  }))
}

let stop: (() => void) | null = null
beforeEach(() => fakeBridge())
afterEach(() => stop?.())

describe('event bridge', () => {
  it('listens once to every event of the contract, and stops', () => {
    stop = startEventBridge()
    for (const name of EVENT_NAMES) expect(listeners.get(name)?.size, name).toBe(1)
    stop()
    for (const name of EVENT_NAMES) expect(listeners.get(name)?.size, name).toBe(0)
  })

  it('re-reads only watched stores on a change', async () => {
    stop = startEventBridge()
    emit('credentials:changed', { reason: 'created', ids: ['c1'] })
    emit('app:changed', { domain: 'models' })
    await Promise.resolve()
    expect(calls).toEqual([])

    const unwatch = useModelsStore.getState().watch()
    emit('credentials:changed', { reason: 'created', ids: ['c1'] })
    await vi.waitFor(() =>
      expect(calls.sort()).toEqual(['credentials:listIfChanged', 'models:list']),
    )
    unwatch()
    calls = []

    const unwatchOverview = useOverviewStore.getState().watch()
    emit('gateway:changed', { running: false })
    await vi.waitFor(() => expect(calls).toEqual(['home:overview']))
    unwatchOverview()
  })

  it('applies status events without a watcher, and reaches a late store once it is loaded', () => {
    stop = startEventBridge()
    const update = { phase: 'ready', version: '2.0.0' }
    emit('updates:changed', update)
    expect(useUpdatesStore.getState().status).toEqual(update)
    // use-gateway-store.ts is imported above, so it has registered its late route.
    const gateway = { running: true, port: 4000 }
    emit('gateway:changed', gateway)
    expect(useGatewayStore.getState().status).toEqual(gateway)
    expect(calls).toEqual([])
  })
})
