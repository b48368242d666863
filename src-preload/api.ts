/**
 * createApi builds the typed `window.switchboard` object from the contract: one named method
 * per channel (`switchboard.credentials.create(req)`) and one `on<Event>` per event returning
 * an unsubscribe. The transport is injected, so the same code runs in the real preload
 * (ipcRenderer) and in the end-to-end harness (Playwright's exposeBinding).
 */
import type {
  ChannelName,
  Envelope,
  EventName,
  EventPayloadOf,
  RequestOf,
  ResponseOf,
} from './contract'
// Names only: the preload bundle must not carry the zod contract (tests/integration/boot checks).
import {
  CHANNEL_NAMES as channelNames,
  EVENT_NAMES as eventNames,
  splitName,
} from './contract/names'

/** Sends one request to main and resolves with its envelope. */
export type Invoke = (channel: string, payload: unknown) => Promise<Envelope<unknown>>
/** Listens to one main → renderer event; returns the unsubscribe. */
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void

type DomainOf<N extends string> = N extends `${infer D}:${string}` ? D : never
type Args<C extends ChannelName> =
  object extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>]

type DomainApi<D extends string> = {
  [C in ChannelName as C extends `${D}:${infer V}` ? V : never]: (
    ...args: Args<C>
  ) => Promise<Envelope<ResponseOf<C>>>
} & {
  [E in EventName as E extends `${D}:${infer V}` ? `on${Capitalize<V>}` : never]: (
    listener: (payload: EventPayloadOf<E>) => void,
  ) => () => void
}

/** The object the renderer sees as `window.switchboard`. */
export type SwitchboardApi = {
  [D in DomainOf<ChannelName | EventName>]: DomainApi<D>
}

/** Builds the named-method API over a transport. */
export function createApi(invoke: Invoke, subscribe: Subscribe): SwitchboardApi {
  const api: Record<string, Record<string, unknown>> = {}
  const domain = (d: string) => (api[d] ??= {})
  for (const name of channelNames) {
    const [d, verb] = splitName(name)
    domain(d)[verb] = (request?: unknown) => invoke(name, request ?? {})
  }
  for (const name of eventNames) {
    const [d, verb] = splitName(name)
    domain(d)[`on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`] = (
      listener: (payload: unknown) => void,
    ) => subscribe(name, listener)
  }
  for (const d of Object.values(api)) Object.freeze(d)
  return Object.freeze(api) as unknown as SwitchboardApi
}
