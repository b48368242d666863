/**
 * The main-side IPC pipeline, free of Electron: trusted-sender check, zod parse, call, coded
 * envelope. src-main/electron/ipc.ts feeds it from ipcMain; the end-to-end harness feeds it from
 * Playwright's exposeBinding. Handlers never see an unvalidated payload and never throw across.
 */
import {
  channels,
  type ChannelName,
  type Envelope,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../src-preload/contract'
import { toErrorBody } from '../errors'

/** What a handler knows about the call besides its payload. */
export interface CallContext {
  senderUrl: string
}

/** One function per channel of the contract; a missing one fails the typecheck. */
export type Handlers = {
  [C in ChannelName]: (
    request: ParsedRequestOf<C>,
    ctx: CallContext,
  ) => Promise<ResponseOf<C>> | ResponseOf<C>
}

export interface DispatcherOptions {
  /** True when the calling frame is our own renderer. */
  isTrustedSender: (url: string) => boolean
  /** Secrets currently known to the vault, scrubbed from every error message. */
  knownSecrets?: () => readonly string[]
  /** Records failures (already scrubbed) for diagnostics. */
  onError?: (channel: string, error: unknown) => void
}

/** A function that answers one IPC call with an envelope; `channels` lists what it handles. */
export type Dispatch = ((
  channel: string,
  payload: unknown,
  senderUrl: string,
) => Promise<Envelope<unknown>>) & {
  readonly channels: readonly string[]
}

/** Builds the dispatcher over a full handler map. */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  const handled = Object.keys(handlers).filter(
    (k) => typeof (handlers as Record<string, unknown>)[k] === 'function',
  )
  const missing = Object.keys(channels).filter((c) => !handled.includes(c))
  const extra = handled.filter((c) => !Object.hasOwn(channels, c))
  if (missing.length || extra.length) {
    // Fail at start-up, not on the first click: the handler map and the contract disagree.
    throw new Error(
      `IPC handlers do not match the contract (missing: ${missing.join(', ') || '-'}; extra: ${extra.join(', ') || '-'})`,
    )
  }
  const dispatch = async (
    channel: string,
    payload: unknown,
    senderUrl: string,
  ): Promise<Envelope<unknown>> => {
    if (!options.isTrustedSender(senderUrl)) {
      return {
        ok: false,
        error: {
          code: 'validation',
          message: 'Refused a call from a frame that is not Switchboard.',
          params: { reason: 'untrusted_sender' },
        },
      }
    }
    if (!Object.hasOwn(channels, channel)) {
      return {
        ok: false,
        error: { code: 'validation', message: 'Unknown channel.', params: { channel } },
      }
    }
    const name = channel as ChannelName
    const parsed = channels[name].request.safeParse(payload ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return {
        ok: false,
        error: {
          code: 'validation',
          message: 'The request was not valid.',
          params: { field: issue?.path.join('.') || '(request)', issue: issue?.code ?? 'invalid' },
        },
      }
    }
    try {
      const handler = handlers[name] as (req: unknown, ctx: CallContext) => unknown
      const data = await handler(parsed.data, { senderUrl })
      return { ok: true, data: data === undefined ? null : data }
    } catch (err) {
      options.onError?.(channel, err)
      return { ok: false, error: toErrorBody(err, options.knownSecrets?.() ?? []) }
    }
  }
  return Object.assign(dispatch, { channels: Object.freeze([...handled].sort()) })
}

/** Our renderer's origins: the custom app:// scheme in production, the dev server in dev. */
export function isOwnRendererUrl(url: string, devServerUrl?: string): boolean {
  try {
    const u = new URL(url)
    if (u.protocol === 'app:' && u.host === 'switchboard') return true
    if (devServerUrl && u.origin === new URL(devServerUrl).origin) return true
    return false
  } catch {
    return false
  }
}
