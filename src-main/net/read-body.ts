/**
 * Reading provider responses safely: bodies are read with a size cap, garbage becomes
 * `server_error` with `params.reason = invalid_body`, and a status maps to a test code that
 * adapters refine with the provider's error body (DESIGN §5).
 */
import type { TestCode } from '../../src-preload/contract/errors'
import { AppError } from '../errors'
import { classifyError } from './classify-error'

/** Default cap on a body we parse: listings are large, but not this large. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024

/** Status → test code before the body is looked at. */
const STATUS_CODES: Record<number, TestCode> = {
  401: 'auth_invalid',
  403: 'auth_forbidden',
  429: 'ok_rate_limited',
}

/** Maps an HTTP status to a test code: 2xx ok, 401/403/429 by table, anything else server_error. */
export function statusToCode(status: number): TestCode {
  if (status >= 200 && status < 300) return 'ok'
  return STATUS_CODES[status] ?? 'server_error'
}

/** Reads a body as text, refusing more than `maxBytes` (checked as it streams). */
export async function readText(
  res: Response,
  options: { maxBytes?: number } = {},
): Promise<string> {
  const max = options.maxBytes ?? MAX_BODY_BYTES
  const declared = Number(res.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined)
    throw tooLarge(res.status, max)
  }
  if (!res.body) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > max) {
        await reader.cancel().catch(() => undefined)
        throw tooLarge(res.status, max)
      }
      chunks.push(value)
    }
  } catch (err) {
    throw classifyError(err, { host: hostOf(res) })
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Reads a body as JSON with a size cap; garbage or oversized → AppError server_error/invalid_body. */
export async function readJson<T = unknown>(
  res: Response,
  options: { maxBytes?: number } = {},
): Promise<T> {
  const text = await readText(res, options)
  try {
    return JSON.parse(text) as T
  } catch {
    throw new AppError(
      'server_error',
      `The server answered with something that is not JSON (status ${res.status}).`,
      {
        reason: 'invalid_body',
        status: res.status,
      },
    )
  }
}

function tooLarge(status: number, max: number): AppError {
  return new AppError(
    'server_error',
    `The server's answer is larger than ${Math.round(max / 1024 / 1024)} MB.`,
    {
      reason: 'invalid_body',
      status,
      maxBytes: max,
    },
  )
}

function hostOf(res: Response): string | undefined {
  try {
    return res.url ? new URL(res.url).host : undefined
  } catch {
    return undefined
  }
}
