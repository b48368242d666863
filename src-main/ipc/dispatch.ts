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
import { parseUntrusted } from '../../src-preload/contract/parse-untrusted'

/** What a handler knows about the call besides its payload. */
export interface CallContext {
  senderUrl: string
}

/**
 * Who called. From Electron: the calling frame's URL, the id of the WebContents it belongs to and
 * whether it is that WebContents' main frame. The e2e harness (Chromium, no WebContents) passes
 * the frame URL only, as a string.
 */
export interface Sender {
  url: string
  webContentsId?: number
  isMainFrame?: boolean
}

/** One function per channel of the contract; a missing one fails the typecheck. */
export type Handlers = {
  [C in ChannelName]: (
    request: ParsedRequestOf<C>,
    ctx: CallContext,
  ) => Promise<ResponseOf<C>> | ResponseOf<C>
}

export interface DispatcherOptions {
  /** True when the calling frame is our own renderer (see trustedByIdentity for the app's). */
  isTrustedSender: (url: string, sender: Sender) => boolean
  /** One line per refused sender (no payload), e.g. console.warn. */
  log?: (line: string) => void
  /** Secrets currently known to the vault, scrubbed from every error message. */
  knownSecrets?: () => readonly string[]
  /** Records failures (already scrubbed) for diagnostics. */
  onError?: (channel: string, error: unknown) => void
}

/** A function that answers one IPC call with an envelope; `channels` lists what it handles. */
export type Dispatch = ((
  channel: string,
  payload: unknown,
  sender: string | Sender,
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
    from: string | Sender,
  ): Promise<Envelope<unknown>> => {
    const sender: Sender = typeof from === 'string' ? { url: from } : from
    const senderUrl = typeof sender.url === 'string' ? sender.url : ''
    if (!options.isTrustedSender(senderUrl, sender)) {
      options.log?.(refusedLine(channel, sender))
      return {
        ok: false,
        error: {
          code: 'forbidden_sender',
          message: 'Refused a call from a frame that is not Switchboard.',
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
    const parsed = parseUntrusted(channels[name].request, payload ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return {
        ok: false,
        error: {
          code: 'validation',
          message: 'The request was not valid.',
          params: {
            field: issue?.path.join('.') || '(request)',
            issue: issue?.code ?? 'invalid',
            // The credential field table's checks give a coded reason (and limits) to translate.
            ...reasonOf(issue),
          },
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

/**
 * The app's sender check: the WebContents is one of the windows we created, the call comes from
 * its main frame (never a sub-frame, whatever its URL), and that frame shows our renderer.
 */
export function trustedByIdentity(o: {
  isOwnUrl: (url: string) => boolean
  isOwnWebContents: (id: number) => boolean
}): (url: string, sender: Sender) => boolean {
  return (url, sender) =>
    typeof sender.webContentsId === 'number' &&
    o.isOwnWebContents(sender.webContentsId) &&
    sender.isMainFrame === true &&
    o.isOwnUrl(url)
}

/** The log line of a refused call: channel, origin, ids; never the payload or the full URL. */
function refusedLine(channel: string, sender: Sender): string {
  let origin = '(none)'
  try {
    origin = new URL(sender.url).origin
  } catch {
    // not a URL: leave "(none)"
  }
  const safe = (v: string) => v.replace(/[^\w:./@-]/g, '?').slice(0, 120)
  return (
    `refused ${safe(channel)} from origin ${safe(origin)}` +
    ` webContents ${sender.webContentsId ?? '-'} mainFrame ${sender.isMainFrame ?? '-'}`
  )
}

/** `reason` (and number limits) of a custom zod issue raised by a contract refinement. */
function reasonOf(issue: unknown): Record<string, string | number> {
  const params = (issue as { code?: string; params?: Record<string, unknown> } | undefined)?.params
  if (!params || typeof params.reason !== 'string') return {}
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
  ) as Record<string, string | number>
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
