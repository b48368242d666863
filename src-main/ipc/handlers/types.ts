import type { ChannelName } from '../../../src-preload/contract'
import type { Handlers } from '../dispatch'

/** The handlers of one domain: every `domain:*` channel of the contract. */
export type DomainHandlers<D extends string> = Pick<
  Handlers,
  Extract<ChannelName, `${D}:${string}`>
>
