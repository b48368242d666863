/**
 * A guarded fetch made on first use: a service that never calls out (most CLI runs, a window
 * without the gateway) never opens its connection pool. Each call of `lazyGuardedFetch` is one
 * pool, shared by everything given that one.
 */
import type { GuardedFetch } from '../providers/adapter-types'
import {
  createGuardedFetch,
  type GuardedFetchHandle,
  type GuardedFetchOptions,
} from './guarded-fetch'

export interface LazyGuardedFetch {
  /** The guarded fetch, created by the first call (the same one ever after). */
  handle: () => GuardedFetchHandle
  /** A fetch that goes through `handle()`. */
  fetch: GuardedFetch
}

/** One guarded fetch with `options`, created when first needed. */
export function lazyGuardedFetch(options: GuardedFetchOptions): LazyGuardedFetch {
  let made: GuardedFetchHandle | undefined
  const handle = () => (made ??= createGuardedFetch(options))
  return { handle, fetch: (url, init) => handle()(url, init) }
}
