/**
 * A guarded fetch made on first use (src-main/net/lazy-fetch): one handle ever after, and every
 * call through it is guarded (a cloud metadata address is refused before any connection).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lazyGuardedFetch } from '../../../src-main/net/lazy-fetch'

const server = createServer((_req, res) => res.end('pong'))
let url = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('lazyGuardedFetch', () => {
  it('makes one guarded fetch and keeps it; fetch goes through it', async () => {
    const lazy = lazyGuardedFetch({ env: {} })
    const first = lazy.handle()
    expect(lazy.handle()).toBe(first)
    expect(await (await lazy.fetch(url)).text()).toBe('pong')
    expect(await (await first(url)).text()).toBe('pong')
    await first.close()
  })

  it('keeps each one its own: two lazies, two handles', () => {
    expect(lazyGuardedFetch({ env: {} }).handle()).not.toBe(lazyGuardedFetch({ env: {} }).handle())
  })

  it('refuses what the guard refuses', async () => {
    const lazy = lazyGuardedFetch({ env: {} })
    await expect(lazy.fetch('http://169.254.169.254/latest/meta-data/')).rejects.toMatchObject({
      code: 'url_blocked',
    })
  })
})
