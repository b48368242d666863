/**
 * Which requests go through a proxy (issue 5): `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (and
 * their lower-case forms, which win, as in curl) apply to cloud hosts only. Loopback, private,
 * CGNAT and `.local`/`.lan` hosts always connect directly: a corporate proxy cannot reach the
 * model server on your desk, and a local key must not travel through it.
 */
import type { AddressKind } from './url-guard'

/** The proxy URL for `url` from the environment, or null when it should connect directly. */
export function proxyFromEnv(url: URL, env: NodeJS.ProcessEnv): string | null {
  const names =
    url.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY']
  const proxy = names.map((n) => env[n]?.trim()).find((v) => v)
  if (!proxy) return null
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? ''
  if (matchesNoProxy(url, noProxy)) return null
  return proxy.includes('://') ? proxy : `http://${proxy}`
}

/**
 * Whether `NO_PROXY` exempts `url`: `*` matches all; `host`, `.host` and `*.host` match the host
 * and its subdomains; `host:port` also needs the port; IP literals match exactly.
 */
export function matchesNoProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '')
    .toLowerCase()
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  for (const raw of noProxy.split(/[,\s]+/)) {
    const { name, entryPort } = parseNoProxyEntry(raw.trim().toLowerCase())
    if (!name) continue
    if (name === '*') return true
    if (entryPort && entryPort !== port) continue
    const bare = name.replace(/^\*?\./, '')
    if (host === bare || host.endsWith(`.${bare}`)) return true
  }
  return false
}

/** Splits `host`, `host:port`, `[v6]:port` or a bare IPv6 address into name and port. */
function parseNoProxyEntry(entry: string): { name: string; entryPort: string | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return { name: bracketed[1]!, entryPort: bracketed[2] ?? null }
  const withPort = /^([^:]+):(\d+)$/.exec(entry)
  if (withPort) return { name: withPort[1]!, entryPort: withPort[2]! }
  return { name: entry, entryPort: null }
}

/** The facts the routing decision needs about a target. */
export interface RouteTarget {
  url: URL
  /** What the host name or IP literal suggests (url-guard's nameKind). */
  nameKind: AddressKind
  /** The checked addresses the host resolved to; empty when DNS was left to the proxy. */
  addressKinds: AddressKind[]
}

/** True when the target is a cloud (public) host; anything local never goes through a proxy. */
export function isPublicTarget(target: RouteTarget): boolean {
  if (target.nameKind !== 'public') return false
  if (target.addressKinds.length === 0) return true
  return target.addressKinds.some((k) => k === 'public')
}

/** Decides direct vs. proxy for one request. */
export function routeFor(
  target: RouteTarget,
  env: NodeJS.ProcessEnv,
  isPublic: (t: RouteTarget) => boolean = isPublicTarget,
): { kind: 'direct' } | { kind: 'proxy'; proxy: string } {
  if (!isPublic(target)) return { kind: 'direct' }
  const proxy = proxyFromEnv(target.url, env)
  return proxy ? { kind: 'proxy', proxy } : { kind: 'direct' }
}
