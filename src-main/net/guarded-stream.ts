/**
 * The request-level guarded path for hot callers (the gateway, DESIGN §14: p50 < 1 ms added):
 * the same guard as guarded-fetch.ts — URL check, DNS answers checked and pinned into the
 * connection's lookup, plain-http refusal for secrets, proxy routing — done once per origin and
 * kept for VET_TTL_MS, then undici's `dispatcher.request` (a Node stream, no WHATWG Request /
 * Response / ReadableStream / AbortSignal machinery per call). Within the TTL a DNS rebind cannot
 * reach a blocked address: the pinned Agent's lookup only ever answers the vetted addresses;
 * after it the origin is vetted again from scratch, so a rebind to a blocked address is refused.
 * Redirects are not followed (an API answer is never a redirect; a 3xx is passed on as is).
 */
import type { Readable } from 'node:stream'
import type { Dispatcher } from 'undici'
import { AppError } from '../errors'
import { classifyError } from './classify-error'

/** How long an origin's vetting (its checked, pinned addresses and route) is reused. */
export const VET_TTL_MS = 30_000

export interface StreamInit {
  method: string
  headers: Record<string, string>
  body?: string | Buffer
  signal: AbortSignal
  sendsSecret?: boolean
  allowInsecureHttp?: boolean
}

export interface StreamAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Readable
}

/** One vetted origin: the dispatcher whose connections can only reach the checked addresses. */
export interface Vetted {
  dispatcher: Dispatcher
  /** Every address is loopback (plain http may carry a secret there). */
  loopback: boolean
  until: number
}

export type GuardedStream = (url: string, init: StreamInit) => Promise<StreamAnswer>

/**
 * Builds the stream path over a vetting function (guarded-fetch.ts's URL check, pinning and
 * routing). `now` is injectable so tests can step past the TTL.
 */
export function createGuardedStream(
  vet: (url: URL, signal: AbortSignal) => Promise<Omit<Vetted, 'until'>>,
  now: () => number = Date.now,
): GuardedStream {
  const vetted = new Map<string, Vetted>()
  return async (input, init) => {
    let url: URL
    try {
      url = new URL(input)
    } catch {
      throw new AppError('url_blocked', 'The URL is not valid.', { reason: 'invalid' })
    }
    const t = now()
    let v = vetted.get(url.origin)
    // An Agent the fetch side evicted from its pool is closed: vet again for a live one.
    if (!v || v.until <= t || (v.dispatcher as { closed?: boolean }).closed) {
      vetted.delete(url.origin)
      v = { ...(await vet(url, init.signal)), until: t + VET_TTL_MS }
      vetted.set(url.origin, v)
      if (vetted.size > 64) vetted.delete(vetted.keys().next().value!)
    }
    if (init.sendsSecret && url.protocol === 'http:' && !v.loopback && !init.allowInsecureHttp) {
      throw new AppError(
        'url_blocked',
        `Refusing to send a key over plain http to ${url.host}. Use https, or confirm "allow insecure http" for this credential.`,
        { reason: 'insecure_http', host: url.host },
      )
    }
    try {
      const res = await v.dispatcher.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: init.method as Dispatcher.HttpMethod,
        headers: init.headers,
        body: init.body ?? null,
        signal: init.signal,
      })
      return { status: res.statusCode, headers: res.headers, body: res.body }
    } catch (err) {
      if (init.signal.aborted) throw new AppError('cancelled', 'The request was cancelled.')
      throw classifyError(err, { host: url.host })
    }
  }
}
