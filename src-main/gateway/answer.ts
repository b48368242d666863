/**
 * An upstream answer as the gateway reads it, whichever path fetched it: the request-level
 * stream path (a Node stream; JSON bodies) or the guarded fetch (a WHATWG Response; multipart
 * uploads, whose FormData only fetch serializes).
 */
import type { StreamAnswer } from '../net'

export interface Answer {
  status: number
  header(name: string): string | null
  body: AsyncIterable<Uint8Array> | null
  /** Drops the body unread (the connection goes back to the pool or is closed). */
  discard(): void
}

export function fromResponse(res: Response): Answer {
  return {
    status: res.status,
    header: (n) => res.headers.get(n),
    body: res.body as AsyncIterable<Uint8Array> | null,
    discard: () => void res.body?.cancel().catch(() => undefined),
  }
}

export function fromStream(a: StreamAnswer): Answer {
  return {
    status: a.status,
    header: (n) => {
      const v = a.headers[n]
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v
    },
    body: a.body,
    discard: () => {
      a.body.resume() // read and drop: the socket can serve the next request
      a.body.on('error', () => undefined)
    },
  }
}
