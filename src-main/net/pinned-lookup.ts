/**
 * DNS pinning (DESIGN §7): a host name is resolved once, every address is checked, and the
 * socket connects to exactly those checked addresses. A second, different DNS answer (DNS
 * rebinding) never reaches the socket, because the connector's lookup returns the pinned list.
 */
import dns from 'node:dns'
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns'
import { AppError } from '../errors'
import { classifyError } from './classify-error'
import { checkAddress, type AddressKind, type HostInfo } from './url-guard'

/** Resolves a host name to all its addresses (dns.lookup with `all: true` by default). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>

/** A checked address the socket may connect to. */
export interface PinnedAddress {
  address: string
  family: 4 | 6
  kind: AddressKind
}

/** The system resolver: dns.lookup (hosts file, mDNS, DNS), all addresses, OS order. */
export const systemResolver: Resolver = (hostname) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true })

/**
 * Resolves `host` once and checks every address; any refused address refuses the host (a name
 * that answers with a metadata address is not trusted for its other answers either).
 * IP literals are checked without DNS. Throws AppError url_blocked / network(dns) / timeout.
 */
export async function resolvePinned(
  host: HostInfo,
  resolver: Resolver,
  signal?: AbortSignal,
): Promise<PinnedAddress[]> {
  if (host.ip) return [{ address: host.ip.canonical, family: host.ip.family, kind: host.ip.kind }]
  let answers: LookupAddress[]
  try {
    answers = await abortable(resolver(host.hostname), signal)
  } catch (err) {
    throw classifyError(err, { host: host.hostname })
  }
  if (answers.length === 0) {
    throw new AppError(
      'network',
      `The host name ${host.hostname} did not resolve to any address.`,
      {
        reason: 'dns',
        host: host.hostname,
      },
    )
  }
  const pinned: PinnedAddress[] = []
  for (const a of answers) {
    const verdict = checkAddress(a.address)
    if (!verdict.ok) {
      throw new AppError(
        'url_blocked',
        `${host.hostname} resolves to a blocked address. ${verdict.message}`,
        { reason: verdict.reason, host: host.hostname },
      )
    }
    pinned.push({ address: verdict.canonical, family: a.family === 6 ? 6 : 4, kind: verdict.kind })
  }
  return pinned
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/**
 * A `lookup` for net/tls.connect that answers only with the pinned addresses for `hostname`
 * (undici passes `connect.lookup` through to the socket; TLS still verifies `servername`).
 */
export function createPinnedLookup(hostname: string, pinned: readonly PinnedAddress[]) {
  return function pinnedLookup(
    name: string,
    options: LookupOneOptions | LookupAllOptions | number | LookupCallback,
    callback?: LookupCallback,
  ): void {
    const cb = (typeof options === 'function' ? options : callback) as LookupCallback
    const opts = typeof options === 'object' && options !== null ? options : {}
    if (name.toLowerCase().replace(/\.+$/, '') !== hostname) {
      const err: NodeJS.ErrnoException = new Error(`Lookup of ${name} is not pinned.`)
      err.code = 'ENOTFOUND'
      process.nextTick(cb, err, '')
      return
    }
    const wanted = opts.family === 4 || opts.family === 6 ? opts.family : 0
    const list = pinned
      .filter((p) => wanted === 0 || p.family === wanted)
      .map((p) => ({ address: p.address, family: p.family }))
    if (list.length === 0) {
      const err: NodeJS.ErrnoException = new Error(`No pinned address of family ${wanted}.`)
      err.code = 'ENOTFOUND'
      process.nextTick(cb, err, '')
      return
    }
    if ('all' in opts && opts.all) process.nextTick(cb, null, list)
    else process.nextTick(cb, null, list[0]!.address, list[0]!.family)
  }
}

/** Rejects as soon as `signal` aborts, with the signal's reason. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        resolve(v)
      },
      (e) => {
        signal.removeEventListener('abort', onAbort)
        reject(e)
      },
    )
  })
}
