import type { z } from 'zod'

/** One IPC channel: the zod schema main validates the request with, and the response type. */
export interface ChannelDef<Req extends z.ZodType, Res> {
  request: Req
  /** Phantom: carries the response type only; never read at run time. */
  response?: Res
}

/** Declares a channel: `channel<Response>()(requestSchema)`. */
export function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelDef<Req, Res> => ({ request })
}

/** One main → renderer event: the payload type only. */
export interface EventDef<P> {
  payload?: P
}

/** Declares an event pushed from main to the renderer. */
export function event<P>(): EventDef<P> {
  return {}
}
