/**
 * The Local store against a fake `window.switchboard`: background scans keep the old result,
 * pulls track progress (also when the final event beats the pull's reply), connect tells a new credential from a reused one, and the live hook
 * subscribes on mount and unsubscribes / stops its timer on unmount; main's snapshot of pulls
 * and imports merges with live events (the newest report wins, dismissed rows stay closed).
 */
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PullProgress } from '../../../src-preload/contract'
import { createLocalStore, useLocalStore } from '../../../src-renderer/stores/use-local-store'
import { useLocalLive } from '../../../src-renderer/features/local/hooks/use-local-live'
import { useCredentialsStore } from '../../../src-renderer/stores/use-credentials-store'
import { startEventBridge } from '../../../src-renderer/stores/event-bridge'
import { installFakeBridge } from '../../support/fake-bridge'

type Handler = (req: unknown) => unknown
const ok = (data: unknown) => Promise.resolve({ ok: true, data })

function fakeBridge(handlers: Record<string, Handler>) {
  const calls: string[] = []
  const { listeners, emit } = installFakeBridge((channel, req) => {
    calls.push(channel)
    const h = handlers[channel]
    if (!h) return { ok: false, error: { code: 'internal', message: `no ${channel}` } }
    return Promise.resolve(h(req)).then((r) =>
      r && typeof r === 'object' && 'ok' in r ? r : { ok: true, data: r },
    )
  })
  return { calls, listeners, emit }
}

const server = {
  kind: 'ollama',
  baseUrl: 'http://127.0.0.1:11434',
  version: '0.6.5',
  models: [],
  state: 'no_models',
  source: 'default',
  provider: 'ollama',
  credentialBaseUrl: 'http://127.0.0.1:11434',
}

const progress = (over: Partial<PullProgress>): PullProgress => ({
  jobId: 'job-1',
  model: 'llama3.2:1b',
  status: 'pulling abc',
  percent: 10,
  completedBytes: 100,
  totalBytes: 1000,
  bytesPerSecond: null,
  etaSeconds: null,
  resumedBytes: 0,
  done: false,
  ...over,
})

describe('local store', () => {
  it('shows the sweep main made at start-up while the first scan runs', async () => {
    let answer: ((v: unknown) => void) | null = null
    fakeBridge({
      'local:lastDetection': () => ({ servers: [server], elapsedMs: 9, probed: 9 }),
      'local:detect': () => new Promise((r) => (answer = r)),
    })
    const store = createLocalStore()
    const scan = store.getState().scan()
    await vi.waitFor(() => expect(answer).not.toBeNull())
    expect(store.getState().detectStatus).toBe('ready')
    expect(store.getState().detect?.servers).toHaveLength(1)
    expect(store.getState().scanning).toBe(true)
    answer!({ servers: [], elapsedMs: 10, probed: 9 })
    await scan
    expect(store.getState().detect?.servers).toHaveLength(0)
  })

  it('shows a skeleton only for the first scan and keeps results during a re-scan', async () => {
    let answer: ((v: unknown) => void) | null = null
    fakeBridge({
      'local:lastDetection': () => null,
      'local:detect': () => new Promise((r) => (answer = r)),
    })
    const store = createLocalStore()
    const first = store.getState().scan()
    expect(store.getState().detectStatus).toBe('loading')
    await vi.waitFor(() => expect(answer).not.toBeNull())
    answer!({ servers: [server], elapsedMs: 12, probed: 9 })
    await first
    expect(store.getState().detectStatus).toBe('ready')
    const again = store.getState().scan()
    expect(store.getState().scanning).toBe(true)
    expect(store.getState().detectStatus).toBe('ready')
    expect(store.getState().detect?.servers).toHaveLength(1)
    // A second click while scanning does not start another sweep.
    await store.getState().scan()
    answer!({ servers: [], elapsedMs: 10, probed: 9 })
    await again
    expect(store.getState().detect?.servers).toHaveLength(0)
    expect(store.getState().scanning).toBe(false)
  })

  it('keeps the error of a failed scan', async () => {
    fakeBridge({
      'local:detect': () => ({ ok: false, error: { code: 'internal', message: 'boom' } }),
    })
    const store = createLocalStore()
    await store.getState().scan()
    expect(store.getState().detectStatus).toBe('error')
    expect(store.getState().detectError?.code).toBe('internal')
  })

  it('tracks pull progress to the final event, then refreshes the library', async () => {
    const bridge = fakeBridge({
      'local:ollamaPull': () => ({ jobId: 'job-1' }),
      'local:ollamaList': () => [],
      'local:ollamaPs': () => [],
    })
    const store = createLocalStore()
    expect(await store.getState().startPull('http://127.0.0.1:11434', 'llama3.2:1b')).toBe('job-1')
    store.getState().applyProgress(progress({ percent: 40 }))
    expect(store.getState().pulls['job-1']?.progress?.percent).toBe(40)
    expect(store.getState().pulls['job-1']?.baseUrl).toBe('http://127.0.0.1:11434')
    store.getState().applyProgress(progress({ percent: 100, done: true, status: 'success' }))
    expect(store.getState().pulls['job-1']?.progress).toMatchObject({
      done: true,
      status: 'success',
    })
    // A finished pull refreshes the library.
    await vi.waitFor(() => expect(bridge.calls).toContain('local:ollamaList'))
  })

  it('handles a final event that arrives before the pull call answers', async () => {
    let reply: (v: unknown) => void = () => undefined
    fakeBridge({
      'local:ollamaPull': () => new Promise((r) => (reply = r)),
      'local:ollamaList': () => [],
      'local:ollamaPs': () => [],
    })
    const store = createLocalStore()
    const started = store.getState().startPull('http://127.0.0.1:11434', 'missing:1b')
    const failed = progress({
      done: true,
      percent: null,
      error: { code: 'not_found', message: 'file does not exist' },
    })
    store.getState().applyProgress(failed)
    reply({ jobId: 'job-1' })
    await expect(started).resolves.toBe('job-1')
    expect(store.getState().pulls['job-1']?.progress).toMatchObject({
      done: true,
      error: { code: 'not_found' },
    })
  })

  it('dismisses a pull that had already ended when Cancel was pressed', async () => {
    fakeBridge({ 'local:ollamaCancelPull': () => ({ cancelled: false }) })
    const store = createLocalStore()
    store.getState().applyProgress(progress({}))
    await store.getState().cancelPull('job-1')
    expect(store.getState().pulls['job-1']).toBeUndefined()
  })

  it('tells a created credential from a reused one after connect', async () => {
    let creds: unknown[] = []
    fakeBridge({
      'local:connect': () => ({
        credentialId: 'c1',
        provider: 'ollama',
        registered: 2,
        existing: 0,
        defaultsAssigned: ['chat'],
      }),
      // Like main, a new version whenever the list changes (the fake always sends the list).
      'credentials:listIfChanged': () => ({ version: JSON.stringify(creds), credentials: creds }),
    })
    const store = createLocalStore()
    await store.getState().loadCredentials()
    const first = store.getState().connect(server.baseUrl, true)
    creds = [
      { id: 'c1', provider: 'ollama', baseUrl: server.baseUrl, hasKey: false, keyHint: null },
    ]
    await expect(first).resolves.toMatchObject({ created: true, result: { registered: 2 } })
    await expect(store.getState().connect(server.baseUrl, true)).resolves.toMatchObject({
      created: false,
    })
    // The list lives in the one credentials cache, not in the Local store.
    expect(store.getState()).not.toHaveProperty('credentials')
    expect(useCredentialsStore.getState().credentials?.map((c) => c.id)).toEqual(['c1'])
  })
})

describe('useLocalLive', () => {
  let host: HTMLDivElement
  beforeEach(() => {
    vi.useFakeTimers()
    host = document.createElement('div')
    document.body.append(host)
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  })
  afterEach(() => {
    vi.useRealTimers()
    host.remove()
  })

  it('scans on open and on an interval, follows pull events, and stops on unmount', async () => {
    const bridge = fakeBridge({
      'local:detect': () => ok({ servers: [], elapsedMs: 1, probed: 9 }),
      'credentials:listIfChanged': () => ({ version: 'v1', credentials: [] }),
      'local:targets': () => ({ targets: [] }),
      'local:machine': () => ({ platform: 'linux' }),
    })
    const stopBridge = startEventBridge()
    function Probe() {
      useLocalLive(1000)
      return null
    }
    const root = createRoot(host)
    await act(async () => root.render(createElement(Probe)))
    const scans = () => bridge.calls.filter((c) => c === 'local:detect').length
    expect(scans()).toBe(1)
    // The event bridge listens once, for the app's lifetime; the hook only watches the store.
    expect(bridge.listeners.get('local:pullProgress')?.size).toBe(1)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000)
    })
    expect(scans()).toBe(2)
    bridge.emit('local:pullProgress', progress({ jobId: 'live', percent: 5 }))
    expect(useLocalStore.getState().pulls.live?.progress?.percent).toBe(5)

    const credentialReads = () =>
      bridge.calls.filter((c) => c === 'credentials:listIfChanged').length
    const readsBefore = credentialReads()
    bridge.emit('credentials:changed', { reason: 'created', ids: ['x'] })
    await vi.waitFor(() => expect(credentialReads()).toBe(readsBefore + 1))

    await act(async () => root.unmount())
    // Unwatched: later events change nothing and cost no IPC call; the timer is gone.
    bridge.emit('local:pullProgress', progress({ jobId: 'late', percent: 9 }))
    expect(useLocalStore.getState().pulls.late).toBeUndefined()
    bridge.emit('credentials:changed', { reason: 'created', ids: ['y'] })
    await vi.advanceTimersByTimeAsync(5000)
    expect(scans()).toBe(2)
    expect(credentialReads()).toBe(readsBefore + 1)
    stopBridge()
    expect(bridge.listeners.get('local:pullProgress')?.size).toBe(0)
    expect(bridge.listeners.get('credentials:changed')?.size).toBe(0)
  })
})

describe('local store: jobs that ran while the page was closed', () => {
  it('merges main’s snapshot with live events, newest report winning by seq', async () => {
    const base = 'http://127.0.0.1:11434'
    fakeBridge({
      'local:activePulls': () => [
        progress({ jobId: 'running', percent: 40, seq: 10, baseUrl: base }),
        progress({ jobId: 'over', percent: 100, done: true, status: 'success', seq: 7 }),
        progress({
          jobId: 'broke',
          done: true,
          seq: 8,
          error: { code: 'server_error', message: 'unexpected EOF' },
        }),
      ],
      'local:ollamaList': () => [],
      'local:ollamaPs': () => [],
    })
    const store = createLocalStore()
    // A live event newer than the snapshot arrives first: the older snapshot must not undo it.
    store.getState().applyProgress(progress({ jobId: 'running', percent: 55, seq: 12 }))
    await store.getState().loadActivePulls()
    const pulls = store.getState().pulls
    expect(Object.keys(pulls).sort()).toEqual(['broke', 'over', 'running'])
    expect(pulls.running?.progress?.percent).toBe(55)
    // The server comes from the snapshot, so the row belongs to its library.
    expect(pulls.running?.baseUrl).toBe(base)
    expect(pulls.over?.progress).toMatchObject({ done: true, percent: 100 })
    expect(pulls.broke?.progress?.error?.code).toBe('server_error')

    // A later snapshot moves it on; an event older than what is shown is ignored.
    store.getState().applyProgress(progress({ jobId: 'running', percent: 30, seq: 11 }))
    expect(store.getState().pulls.running?.progress?.percent).toBe(55)
    store.getState().applyProgress(progress({ jobId: 'running', percent: 90, seq: 13 }))
    expect(store.getState().pulls.running?.progress?.percent).toBe(90)

    // A dismissed row stays closed even though main still lists it for a while.
    store.getState().dismissPull('over')
    await store.getState().loadActivePulls()
    expect(store.getState().pulls.over).toBeUndefined()
    expect(store.getState().pulls.running?.progress?.percent).toBe(90)
  })

  it('ends a pull whose final event was missed when the snapshot brings its final state', async () => {
    let final: unknown = null
    fakeBridge({
      'local:ollamaPull': () => ({ jobId: 'job-1' }),
      'local:activePulls': () => final,
      'local:ollamaList': () => [],
      'local:ollamaPs': () => [],
    })
    const store = createLocalStore()
    await store.getState().startPull('http://127.0.0.1:11434', 'llama3.2:1b')
    expect(store.getState().pulls['job-1']?.progress?.done).not.toBe(true)
    // The final event was missed (the page was closed); the snapshot brings it.
    final = [progress({ jobId: 'job-1', percent: 100, done: true, status: 'success', seq: 40 })]
    await store.getState().loadActivePulls()
    expect(store.getState().pulls['job-1']?.progress).toMatchObject({ done: true, percent: 100 })
  })

  it('tracks an import from start to result, merging its snapshot', async () => {
    const base = 'http://127.0.0.1:11434'
    const imp = (over: Record<string, unknown>) => ({
      jobId: 'imp-1',
      name: 'tiny',
      stage: 'uploading',
      percent: 20,
      bytesDone: 200,
      totalBytes: 1000,
      baseUrl: base,
      ...over,
    })
    let listed = 0
    const bridge = fakeBridge({
      'local:importGguf': () => ({ jobId: 'imp-1' }),
      'local:activeImports': () => [imp({ seq: 3 })],
      'local:cancelImport': () => ({ cancelled: false }),
      'local:ollamaList': () => (listed++, []),
      'local:ollamaPs': () => [],
    })
    const store = createLocalStore()
    expect(await store.getState().startImport(base, '/m/tiny.gguf', 'tiny')).toBe('imp-1')
    expect(store.getState().imports['imp-1']).toMatchObject({ name: 'tiny', progress: null })
    store.getState().applyImportProgress(imp({ stage: 'uploading', percent: 60, seq: 5 }) as never)
    await store.getState().loadActiveImports()
    expect(store.getState().imports['imp-1']?.progress?.percent).toBe(60)
    store
      .getState()
      .applyImportProgress(imp({ stage: 'done', percent: 100, uploaded: true, seq: 9 }) as never)
    expect(store.getState().imports['imp-1']?.progress?.stage).toBe('done')
    // The library is refreshed once the model exists.
    await vi.waitFor(() => expect(listed).toBe(1))
    // Cancelling something already over closes its row.
    await store.getState().cancelImport('imp-1')
    expect(store.getState().imports['imp-1']).toBeUndefined()
    expect(bridge.calls).toContain('local:cancelImport')
  })

  it('follows import events and asks main for running jobs on mount', async () => {
    const bridge = fakeBridge({
      'local:detect': () => ok({ servers: [], elapsedMs: 1, probed: 9 }),
      'credentials:listIfChanged': () => ({ version: 'v1', credentials: [] }),
      'local:targets': () => ({ targets: [] }),
      'local:machine': () => ({ platform: 'linux' }),
      'local:activePulls': () => [progress({ jobId: 'away', percent: 70, seq: 2 })],
      'local:activeImports': () => [],
    })
    const stopBridge = startEventBridge()
    function Probe() {
      useLocalLive(1000)
      return null
    }
    const host = document.createElement('div')
    document.body.append(host)
    const root = createRoot(host)
    await act(async () => root.render(createElement(Probe)))
    expect(bridge.calls).toContain('local:activePulls')
    expect(bridge.calls).toContain('local:activeImports')
    expect(useLocalStore.getState().pulls.away?.progress?.percent).toBe(70)
    expect(bridge.listeners.get('local:importProgress')?.size).toBe(1)
    bridge.emit('local:importProgress', {
      jobId: 'imp',
      name: 'mine',
      stage: 'hashing',
      percent: 5,
      bytesDone: 5,
      totalBytes: 100,
    })
    expect(useLocalStore.getState().imports.imp?.progress?.percent).toBe(5)
    await act(async () => root.unmount())
    host.remove()
    stopBridge()
    expect(bridge.listeners.get('local:importProgress')?.size).toBe(0)
  })
})
