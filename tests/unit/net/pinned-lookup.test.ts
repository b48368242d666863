import type { LookupAddress } from 'node:dns'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import {
  createPinnedLookup,
  resolvePinned,
  type Resolver,
} from '../../../src-main/net/pinned-lookup'
import { checkUrl, type HostInfo } from '../../../src-main/net/url-guard'
import { rejection } from '../../support/rejection'

function host(url: string): HostInfo {
  const r = checkUrl(url)
  if (!r.ok) throw new Error('bad url')
  return r.host
}

const answer =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))

describe('resolvePinned', () => {
  it('keeps every checked address with its kind', async () => {
    const pinned = await resolvePinned(
      host('https://api.example.com/'),
      answer('93.184.216.34', '2606:2800::1'),
    )
    expect(pinned).toEqual([
      { address: '93.184.216.34', family: 4, kind: 'public' },
      { address: '2606:2800::1', family: 6, kind: 'public' },
    ])
  })

  it('refuses the host when any answer is blocked (public + metadata)', async () => {
    const err = await rejection(
      resolvePinned(host('https://evil.example/'), answer('93.184.216.34', '169.254.169.254')),
    )
    expect(err.code).toBe('url_blocked')
    expect(err.params).toMatchObject({ reason: 'metadata', host: 'evil.example' })
  })

  it.each(['::ffff:a9fe:a9fe', 'fe80::1', '0.0.0.0', '224.0.0.1', 'fd00:ec2::254'])(
    'refuses a name resolving to %s',
    async (ip) => {
      expect((await rejection(resolvePinned(host('http://x.example/'), answer(ip)))).code).toBe(
        'url_blocked',
      )
    },
  )

  it('does not call DNS for IP literals', async () => {
    let called = 0
    const pinned = await resolvePinned(host('http://127.0.0.1:9/'), async () => {
      called++
      return []
    })
    expect(called).toBe(0)
    expect(pinned).toEqual([{ address: '127.0.0.1', family: 4, kind: 'loopback' }])
  })

  it('turns resolver failures and empty answers into network/dns', async () => {
    const enotfound: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nope.example'), { code: 'ENOTFOUND' })
    }
    const err = await rejection(resolvePinned(host('https://nope.example/'), enotfound))
    expect(err.code).toBe('network')
    expect(err.params).toMatchObject({ reason: 'dns', host: 'nope.example' })
    expect(
      (await rejection(resolvePinned(host('https://nope.example/'), answer()))).params,
    ).toMatchObject({
      reason: 'dns',
    })
  })

  it('stops waiting for DNS when the signal aborts', async () => {
    const never: Resolver = () => new Promise<LookupAddress[]>(() => undefined)
    const ctl = new AbortController()
    setTimeout(() => ctl.abort(new AppError('timeout', 'slow')), 10)
    expect(
      (await rejection(resolvePinned(host('https://slow.example/'), never, ctl.signal))).code,
    ).toBe('timeout')
  })
})

describe('createPinnedLookup', () => {
  const pinned = [
    { address: '127.0.0.2', family: 4 as const, kind: 'loopback' as const },
    { address: '::1', family: 6 as const, kind: 'loopback' as const },
  ]
  const lookup = createPinnedLookup('api.example.com', pinned)
  const call = (name: string, opts: object) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>(
      (resolve) => lookup(name, opts, (err, address, family) => resolve({ err, address, family })),
    )

  it('answers only the pinned addresses, one or all, by family', async () => {
    expect(await call('api.example.com', {})).toMatchObject({
      err: null,
      address: '127.0.0.2',
      family: 4,
    })
    expect(await call('API.example.com.', { all: true })).toMatchObject({
      address: [
        { address: '127.0.0.2', family: 4 },
        { address: '::1', family: 6 },
      ],
    })
    expect(await call('api.example.com', { family: 6 })).toMatchObject({
      address: '::1',
      family: 6,
    })
  })

  it('refuses any other name', async () => {
    expect((await call('other.example.com', {})).err?.code).toBe('ENOTFOUND')
  })
})
