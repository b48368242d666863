import { describe, expect, it } from 'vitest'
import {
  matchesNoProxy,
  proxyFromEnv,
  routeFor,
  type RouteTarget,
} from '../../../src-main/net/proxy-route'
import { checkUrl } from '../../../src-main/net/url-guard'

const PROXY_ENV = { HTTPS_PROXY: 'http://proxy.corp:3128', HTTP_PROXY: 'http://proxy.corp:8080' }

function target(url: string, addressKinds: RouteTarget['addressKinds'] = ['public']): RouteTarget {
  const r = checkUrl(url)
  if (!r.ok) throw new Error(`bad test url ${url}`)
  return { url: r.url, nameKind: r.host.nameKind, addressKinds }
}

describe('proxyFromEnv', () => {
  it('picks HTTPS_PROXY for https and HTTP_PROXY for http', () => {
    expect(proxyFromEnv(new URL('https://api.openai.com/v1'), PROXY_ENV)).toBe(
      'http://proxy.corp:3128',
    )
    expect(proxyFromEnv(new URL('http://api.example.com/'), PROXY_ENV)).toBe(
      'http://proxy.corp:8080',
    )
  })

  it('prefers the lower-case variable and adds a scheme when missing', () => {
    const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'lower:3128' }
    expect(proxyFromEnv(new URL('https://api.openai.com/'), env)).toBe('http://lower:3128')
  })

  it('returns null without a proxy variable', () => {
    expect(proxyFromEnv(new URL('https://api.openai.com/'), {})).toBeNull()
    expect(proxyFromEnv(new URL('https://api.openai.com/'), { HTTPS_PROXY: '  ' })).toBeNull()
  })

  it('honours NO_PROXY and no_proxy', () => {
    const url = new URL('https://api.openai.com/v1')
    expect(proxyFromEnv(url, { ...PROXY_ENV, NO_PROXY: 'openai.com' })).toBeNull()
    expect(proxyFromEnv(url, { ...PROXY_ENV, no_proxy: '.openai.com' })).toBeNull()
    expect(proxyFromEnv(url, { ...PROXY_ENV, NO_PROXY: 'anthropic.com' })).toBe(
      'http://proxy.corp:3128',
    )
  })
})

describe('matchesNoProxy', () => {
  const url = new URL('https://api.openai.com/v1')
  it.each([
    ['*', true],
    ['api.openai.com', true],
    ['openai.com', true],
    ['.openai.com', true],
    ['*.openai.com', true],
    ['notopenai.com', false],
    ['ai.com', false],
    ['api.openai.com:443', true],
    ['api.openai.com:8443', false],
    ['foo.com, openai.com', true],
    ['foo.com bar.com', false],
    ['', false],
  ])('NO_PROXY=%j → %s', (noProxy, expected) => expect(matchesNoProxy(url, noProxy)).toBe(expected))

  it('matches IPv6 literals with and without brackets', () => {
    expect(matchesNoProxy(new URL('http://[2001:db8::1]:8080/'), '2001:db8::1')).toBe(true)
    expect(matchesNoProxy(new URL('http://[2001:db8::1]:8080/'), '[2001:db8::1]:8080')).toBe(true)
    expect(matchesNoProxy(new URL('http://[2001:db8::1]:8080/'), '[2001:db8::1]:9')).toBe(false)
  })
})

describe('routeFor', () => {
  it('sends cloud hosts through the proxy', () => {
    expect(routeFor(target('https://api.openai.com/v1'), PROXY_ENV)).toEqual({
      kind: 'proxy',
      proxy: 'http://proxy.corp:3128',
    })
  })

  it('never proxies loopback, private, CGNAT or .local/.lan hosts', () => {
    for (const [url, kinds] of [
      ['http://127.0.0.1:11434/', ['loopback']],
      ['http://localhost:1234/', ['loopback']],
      ['http://192.168.1.5:11434/', ['private']],
      ['http://100.64.0.9/', ['cgnat']],
      ['http://gpu.local:11434/', ['private']],
      ['http://box.lan/', ['private']],
      ['http://[::1]:8000/', ['loopback']],
    ] as const) {
      expect(routeFor(target(url, [...kinds]), PROXY_ENV)).toEqual({ kind: 'direct' })
    }
  })

  it('keeps a public-looking name that resolves to a private address direct', () => {
    expect(routeFor(target('https://llm.mycompany.example/', ['private']), PROXY_ENV)).toEqual({
      kind: 'direct',
    })
  })

  it('proxies a cloud host whose DNS is left to the proxy', () => {
    expect(routeFor(target('https://api.openai.com/', []), PROXY_ENV).kind).toBe('proxy')
  })

  it('goes direct without proxy variables or when NO_PROXY matches', () => {
    expect(routeFor(target('https://api.openai.com/'), {})).toEqual({ kind: 'direct' })
    expect(routeFor(target('https://api.openai.com/'), { ...PROXY_ENV, NO_PROXY: '*' })).toEqual({
      kind: 'direct',
    })
  })

  it('lets the public decision be injected', () => {
    expect(routeFor(target('http://127.0.0.1:9/', ['loopback']), PROXY_ENV, () => true).kind).toBe(
      'proxy',
    )
  })
})
