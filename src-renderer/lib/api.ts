/** The typed bridge to main (`window.switchboard`, exposed by the preload). */
import type { SwitchboardApi } from '../../src-preload/api'
import type { Envelope, ErrorBody } from '../../src-preload/contract'

declare global {
  interface Window {
    switchboard: SwitchboardApi
  }
}

/** The API object; throws a clear error when the page runs without the preload. */
export function api(): SwitchboardApi {
  if (!window.switchboard) throw new Error('Switchboard bridge missing: the preload did not run.')
  return window.switchboard
}

/** Unwraps an envelope: the data, or throws an ApiError carrying the coded error. */
export async function unwrap<T>(call: Promise<Envelope<T>>): Promise<T> {
  const res = await call
  if (res.ok) return res.data
  throw new ApiError(res.error)
}

/** A failed IPC call, carrying the error body for translation. */
export class ApiError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message)
    this.name = 'ApiError'
  }
}
