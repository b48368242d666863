/**
 * The one fetch every provider call goes through (DESIGN §7, issue 5): URL guard, DNS pinning,
 * manual redirects re-checked hop by hop, secret headers dropped on a cross-origin hop, a
 * timeout joined with the caller's AbortSignal, proxies for cloud hosts only, and coded
 * AppErrors instead of raw network errors.
 */
import {
  Agent,
  FormData as UndiciFormData,
  Headers,
  ProxyAgent,
  fetch as undiciFetch,
  type Dispatcher,
} from 'undici'
import type { GuardedFetch } from '../providers/adapter-types'
import { AppError } from '../errors'
import { classifyError } from './classify-error'
import {
  createPinnedLookup,
  resolvePinned,
  systemResolver,
  type PinnedAddress,
  type Resolver,
} from './pinned-lookup'
import { isPublicTarget, proxyFromEnv, routeFor, type RouteTarget } from './proxy-route'
import { createGuardedStream, type GuardedStream } from './guarded-stream'
import { checkUrl, type HostInfo } from './url-guard'

export interface GuardedFetchOptions {
  /** Where proxy variables are read (default process.env). */
  env?: NodeJS.ProcessEnv
  /** DNS resolver (default dns.lookup, all addresses); tests inject answers. */
  resolver?: Resolver
  /** Timeout per request, including redirects and reading the body (default 10 000 ms). */
  defaultTimeoutMs?: number
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number
  /** Extra trusted CA certificates (PEM), e.g. a corporate root; tests trust the fixture cert. */
  ca?: string | Buffer | Array<string | Buffer>
  /** Whether a target is a cloud host (then a configured proxy is used); tests override it. */
  isPublic?: (target: RouteTarget) => boolean
  /** The clock the stream path's vetting TTL reads (tests step it). */
  now?: () => number
}

/** The guarded fetch, its request-level stream path, and a way to close pooled connections. */
export type GuardedFetchHandle = GuardedFetch & { stream: GuardedStream; close(): Promise<void> }

/** Headers that carry a provider key; dropped when a redirect leaves the origin. */
export const SECRET_HEADERS = [
  'authorization',
  'x-api-key',
  'api-key',
  'xi-api-key',
  'x-goog-api-key',
  'proxy-authorization',
  'cookie',
]

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const MAX_AGENTS = 32

type FetchInit = NonNullable<Parameters<GuardedFetch>[1]>

/** Builds a guarded fetch; each call is checked, pinned, time-limited and error-classified. */
export function createGuardedFetch(options: GuardedFetchOptions = {}): GuardedFetchHandle {
  const env = options.env ?? process.env
  const resolver = options.resolver ?? systemResolver
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 10_000
  const maxRedirects = options.maxRedirects ?? 5
  const isPublic = options.isPublic ?? isPublicTarget
  const tls = options.ca ? { ca: options.ca } : {}
  const agents = new Map<string, Dispatcher>()

  /** One Agent per (host, pinned addresses): its lookup can only answer the checked addresses. */
  function pinnedAgent(hostname: string, pinned: PinnedAddress[]): Dispatcher {
    const key = `pin|${hostname}|${pinned.map((p) => p.address).join(',')}`
    return cached(
      key,
      () => new Agent({ connect: { ...tls, lookup: createPinnedLookup(hostname, pinned) } }),
    )
  }

  function proxyAgent(proxy: string): Dispatcher {
    return cached(`proxy|${proxy}`, () => new ProxyAgent({ uri: proxy, requestTls: tls }))
  }

  function cached(key: string, make: () => Dispatcher): Dispatcher {
    const hit = agents.get(key)
    if (hit) {
      agents.delete(key) // re-insert: Map order doubles as least-recently-used order
      agents.set(key, hit)
      return hit
    }
    const made = make()
    agents.set(key, made)
    if (agents.size > MAX_AGENTS) {
      const [oldKey, old] = agents.entries().next().value as [string, Dispatcher]
      agents.delete(oldKey)
      void old.close().catch(() => undefined)
    }
    return made
  }

  /** Resolves and checks; a cloud host whose name only the proxy can resolve goes through it. */
  async function pin(url: URL, host: HostInfo, signal: AbortSignal): Promise<PinnedAddress[]> {
    try {
      return await resolvePinned(host, resolver, signal)
    } catch (err) {
      const dnsFailed =
        err instanceof AppError && err.code === 'network' && err.params?.reason === 'dns'
      const viaProxy =
        proxyFromEnv(url, env) && isPublic({ url, nameKind: host.nameKind, addressKinds: [] })
      if (dnsFailed && viaProxy) return []
      throw err
    }
  }

  /**
   * The guard for one origin, as each hop below does it: URL check, resolved addresses checked
   * and pinned, proxy route. The stream path (guarded-stream.ts) keeps the result for a while.
   */
  async function vet(input: URL, signal: AbortSignal) {
    const check = checkUrl(input)
    if (!check.ok) throw new AppError('url_blocked', check.message, { reason: check.reason })
    const { url, host } = check
    const pinned = await pin(url, host, signal)
    const loopback =
      host.ip?.kind === 'loopback' ||
      (pinned.length > 0 && pinned.every((p) => p.kind === 'loopback'))
    const route = routeFor(
      { url, nameKind: host.nameKind, addressKinds: pinned.map((p) => p.kind) },
      env,
      isPublic,
    )
    const dispatcher =
      route.kind === 'proxy' ? proxyAgent(route.proxy) : pinnedAgent(host.hostname, pinned)
    return { dispatcher, loopback }
  }

  const guarded = async (input: string | URL, init: FetchInit = {}): Promise<Response> => {
    const { timeoutMs, sendsSecret, allowInsecureHttp, signal: callerSignal, ...rest } = init
    const ms = timeoutMs ?? defaultTimeoutMs
    const firstHost = safeHost(input)
    const { signal, reason, dispose } = deadline(callerSignal ?? undefined, ms, firstHost)
    const redirectMode = rest.redirect ?? 'follow'
    let method = (rest.method ?? 'GET').toUpperCase()
    let body = toUndiciBody(rest.body)
    const headers = new Headers(rest.headers as ConstructorParameters<typeof Headers>[0])
    let current: string | URL = input
    try {
      for (let hop = 0; ; hop++) {
        if (signal.aborted) throw reason()
        const check = checkUrl(current)
        if (!check.ok) {
          const prefix = hop > 0 ? 'The server redirected to a blocked URL. ' : ''
          throw new AppError('url_blocked', prefix + check.message, { reason: check.reason, hop })
        }
        const { url, host } = check
        const pinned = await pin(url, host, signal)
        const loopback =
          host.ip?.kind === 'loopback' ||
          (pinned.length > 0 && pinned.every((p) => p.kind === 'loopback'))
        if (sendsSecret && url.protocol === 'http:' && !loopback && !allowInsecureHttp) {
          throw new AppError(
            'url_blocked',
            `Refusing to send a key over plain http to ${url.host}. Use https, or confirm "allow insecure http" for this credential.`,
            { reason: 'insecure_http', host: url.host },
          )
        }
        const route = routeFor(
          { url, nameKind: host.nameKind, addressKinds: pinned.map((p) => p.kind) },
          env,
          isPublic,
        )
        const dispatcher =
          route.kind === 'proxy' ? proxyAgent(route.proxy) : pinnedAgent(host.hostname, pinned)
        let res: Awaited<ReturnType<typeof undiciFetch>>
        try {
          res = await undiciFetch(url, {
            ...(rest as Parameters<typeof undiciFetch>[1]),
            method,
            headers,
            body: body as never,
            redirect: 'manual',
            signal,
            dispatcher,
          })
        } catch (err) {
          throw signal.aborted ? reason() : classifyError(err, { host: url.host })
        }
        const location = res.headers.get('location')
        if (!REDIRECT_STATUSES.has(res.status) || !location || redirectMode === 'manual') {
          return res as unknown as Response
        }
        await res.body?.cancel().catch(() => undefined)
        if (redirectMode === 'error' || hop >= maxRedirects) {
          throw new AppError(
            'server_error',
            `Too many redirects (or redirects refused) at ${url.host}.`,
            {
              reason: 'redirect',
              status: res.status,
            },
          )
        }
        let next: URL
        try {
          next = new URL(location, url)
        } catch {
          throw new AppError('server_error', `${url.host} redirected to an invalid URL.`, {
            reason: 'redirect',
          })
        }
        if (next.origin !== url.origin) for (const h of SECRET_HEADERS) headers.delete(h)
        if (
          (res.status === 303 && method !== 'HEAD') ||
          ((res.status === 301 || res.status === 302) && method === 'POST')
        ) {
          method = 'GET'
          body = undefined
          for (const h of ['content-type', 'content-length', 'content-encoding']) headers.delete(h)
        }
        current = next
      }
    } catch (err) {
      dispose()
      if (signal.aborted) throw reason()
      throw err instanceof AppError ? err : classifyError(err, { host: firstHost })
    }
  }

  return Object.assign(guarded, {
    stream: createGuardedStream(vet, options.now),
    async close() {
      const all = [...agents.values()]
      agents.clear()
      await Promise.all(all.map((a) => a.close().catch(() => undefined)))
    },
  })
}

/**
 * One signal for a whole request (all hops and the body): the caller's signal and a timer,
 * joined with AbortSignal.any (which adds no listener to the caller's signal, so a long-lived
 * signal shared by many requests does not pile up listeners). The timer aborts with an
 * AppError('timeout'), so whoever reads the body later sees `timeout`; `reason()` tells a caller
 * abort (`cancelled`) from the timeout while the request itself runs.
 */
function deadline(caller: AbortSignal | undefined, ms: number, host: string) {
  // 0: the caller keeps its own deadline through its signal (the gateway, whose streams may run
  // for minutes: a timer per request living that long would hold every request's state).
  if (ms <= 0 && caller) {
    return {
      signal: caller,
      reason: (): AppError => new AppError('cancelled', 'The request was cancelled.'),
      dispose: () => undefined,
    }
  }
  const timer = new AbortController()
  const handle = setTimeout(() => {
    timer.abort(
      new AppError('timeout', `No answer from ${host} within ${Math.round(ms / 100) / 10} s.`, {
        host,
        timeoutMs: ms,
      }),
    )
  }, ms)
  handle.unref?.()
  return {
    signal: caller ? AbortSignal.any([caller, timer.signal]) : timer.signal,
    reason: (): AppError =>
      caller?.aborted
        ? new AppError('cancelled', 'The request was cancelled.')
        : (timer.signal.reason as AppError),
    dispose: () => clearTimeout(handle),
  }
}

/**
 * Node's global FormData comes from Node's own copy of undici, which the npm undici fetch does not
 * recognise (it would send "[object FormData]"); its entries are copied into undici's FormData.
 */
function toUndiciBody(body: FetchInit['body']): unknown {
  if (
    typeof FormData === 'undefined' ||
    !(body instanceof FormData) ||
    body instanceof UndiciFormData
  ) {
    return body
  }
  const out = new UndiciFormData()
  for (const [name, value] of body.entries()) {
    if (typeof value === 'string') out.append(name, value)
    else out.append(name, value, (value as File).name)
  }
  return out
}

/** host[:port] of the first URL for messages (never the path, query or credentials). */
function safeHost(input: string | URL): string {
  try {
    return new URL(typeof input === 'string' ? input.trim() : input.href).host
  } catch {
    return 'the server'
  }
}
