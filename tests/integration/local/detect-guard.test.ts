/**
 * Detection and every local-server call go through the network guard (issue 11, "the edges"):
 * `OLLAMA_HOST` or a saved target at a cloud metadata address is never probed, never connected
 * and never registered, while loopback and LAN keep working. "Never probed" is proven at the
 * socket level: Node publishes every client socket on the `net.client.socket` diagnostics
 * channel (https://nodejs.org/api/diagnostics_channel.html#built-in-channels), whichever fetch
 * opened it.
 */
import diagnostics from 'node:diagnostics_channel'
import fs from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAppContext } from '../../../src-main/app-context'
import { detectLocalServers } from '../../../src-main/local/detect'
import { createLocalService } from '../../../src-main/local/service'
import { createGuardedFetch } from '../../../src-main/net/guarded-fetch'
import type { GuardedFetch } from '../../../src-main/providers/adapter-types'
import { startFakeOllama, type FakeOllama } from '../../fixtures/ollama-server'
import { tmpHome } from '../../support/home'

/** Counts client sockets opened while `fn` runs (by any fetch, undici or Node's own). */
async function socketsDuring(fn: () => Promise<unknown>): Promise<number> {
  let count = 0
  const onSocket = () => void count++
  diagnostics.subscribe('net.client.socket', onSocket)
  try {
    await fn().catch(() => undefined)
  } finally {
    diagnostics.unsubscribe('net.client.socket', onSocket)
  }
  return count
}

const METADATA_TARGETS = [
  'http://169.254.169.254',
  'http://[fd00:ec2::254]:11434',
  'http://[fd20:ce::254]:11434',
  'http://0xa9fea9fe:11434',
]

describe('detection never reaches a metadata address', () => {
  let ollama: FakeOllama
  const homes: string[] = []
  beforeAll(async () => {
    ollama = await startFakeOllama()
  })
  afterAll(() => ollama.close())
  afterEach(() => {
    for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true })
  })

  it('positive control: the recorder sees the sockets of a loopback probe', async () => {
    const n = await socketsDuring(() =>
      detectLocalServers({
        fetch: createGuardedFetch({ env: {} }),
        env: { OLLAMA_HOST: ollama.url },
        targets: [],
        timeoutMs: 2000,
      }),
    )
    expect(n).toBeGreaterThan(0)
  })

  it('the app (its real wiring) opens no socket for OLLAMA_HOST at a metadata address', async () => {
    for (const host of METADATA_TARGETS) {
      const home = tmpHome('sb-detect-guard-')
      homes.push(home)
      const app = createAppContext({
        home,
        env: {
          OLLAMA_HOST: host,
          SWITCHBOARD_DETECT_DEFAULTS: '0',
          SWITCHBOARD_ENCRYPTION_KEY: 'x',
        },
      })
      let servers: unknown[] = ['not run']
      const n = await socketsDuring(async () => {
        servers = (await app.local.detect({ timeoutMs: 300 })).servers
      })
      expect({ host, n, servers }).toEqual({ host, n: 0, servers: [] })
    }
  })

  it('a saved LAN target whose name resolves to a metadata address is refused after DNS', async () => {
    // A store written before targets were checked may hold any address; the resolver answers
    // the way a hostile DNS server (or a poisoned hosts file) would.
    const store = {
      read: async () => ({ settings: { localTargets: ['http://gpu-box.lan:11434'] } }),
      update: async () => undefined,
    } as unknown as Parameters<typeof createLocalService>[0]['store']
    const resolved: string[] = []
    const service = createLocalService({
      env: { SWITCHBOARD_DETECT_DEFAULTS: '0' },
      emit: () => undefined,
      store,
      fetch: createGuardedFetch({
        env: {},
        resolver: async (name) => {
          resolved.push(name)
          return [{ address: '169.254.169.254', family: 4 }]
        },
      }),
    })
    let servers: unknown[] = ['not run']
    const n = await socketsDuring(async () => {
      servers = (await service.detect({ timeoutMs: 300 })).servers
    })
    expect(resolved).toContain('gpu-box.lan')
    expect(n).toBe(0)
    expect(servers).toEqual([])
  })

  it('even an injected fetch that would answer is never asked about a metadata target', async () => {
    // Stands in for a metadata endpoint that answers like Ollama: every URL asked is recorded
    // and forwarded to the fake, so on a build without the guard the server is "found".
    const asked: string[] = []
    const forwarding: GuardedFetch = (url, init) => {
      asked.push(String(url))
      const u = new URL(String(url))
      return fetch(`${ollama.url}${u.pathname}`, init)
    }
    const r = await detectLocalServers({
      fetch: forwarding,
      env: { OLLAMA_HOST: 'http://169.254.169.254' },
      extraTargets: ['http://[fd20:ce::254]:11434', 'metadata.google.internal'],
      targets: [],
      timeoutMs: 1000,
    })
    expect(asked).toEqual([])
    expect(r.servers).toEqual([])
  })

  it('connect, saved targets and the Ollama library refuse a metadata address with url_blocked', async () => {
    const created: unknown[] = []
    const service = createLocalService({
      env: {},
      emit: () => undefined,
      connect: {
        createCredential: async (i) => (created.push(i), { id: 'never' }),
        registerModels: async () => ({ created: 0, existing: 0 }),
      },
    })
    for (const url of METADATA_TARGETS) {
      const n = await socketsDuring(async () => {
        await expect(service.connect(url)).rejects.toMatchObject({ code: 'url_blocked' })
        await expect(service.targets.add(url)).rejects.toMatchObject({ code: 'url_blocked' })
        expect(() => service.startPull('llama3.2:1b', url)).toThrow(
          expect.objectContaining({ code: 'url_blocked' }),
        )
      })
      expect(n).toBe(0)
    }
    expect(created).toEqual([])
    expect(await service.targets.list()).toEqual([])
    // LAN and loopback stay allowed.
    expect(await service.targets.add('http://192.168.1.20:11434')).toEqual([
      'http://192.168.1.20:11434',
    ])
  })
})
