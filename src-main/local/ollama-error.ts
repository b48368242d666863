/** What the `ollama` SDK or the guarded fetch threw, as an AppError whose text is scrubbed. */
import { AppError, scrub } from '../errors'

/** Maps whatever the SDK or the fetch threw to an AppError with a safe message. */
export function toAppError(
  err: unknown,
  ctx: { model: string | null; secrets: readonly string[]; signal?: AbortSignal; host: string },
): AppError {
  if (ctx.signal?.aborted) return new AppError('cancelled', 'The operation was cancelled.')
  if (err instanceof AppError) return err
  const e = err as {
    name?: string
    message?: string
    status_code?: number
    cause?: { code?: string }
  }
  const text = scrub(String(e?.message ?? err), [...ctx.secrets])
  const model: Record<string, string> = ctx.model ? { model: ctx.model } : {}
  if (e?.name === 'ResponseError' && typeof e.status_code === 'number') {
    const status = e.status_code
    if (status === 404) {
      return new AppError('not_found', `Ollama does not have ${ctx.model ?? 'that'}: ${text}`, {
        ...model,
        status,
      })
    }
    if (status === 401)
      return new AppError('auth_invalid', `Ollama rejected the key: ${text}`, { status })
    if (status === 403)
      return new AppError('auth_forbidden', `Ollama refused access: ${text}`, { status })
    return new AppError('server_error', `Ollama answered ${status}: ${text}`, { ...model, status })
  }
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') {
    return new AppError('timeout', `Ollama at ${ctx.host} did not answer in time.`)
  }
  if (e?.name === 'TypeError' && /fetch failed/i.test(e.message ?? '')) {
    const refused = e.cause?.code === 'ECONNREFUSED'
    return new AppError('network', `Ollama at ${ctx.host} could not be reached.`, {
      reason: refused ? 'refused' : 'reset',
    })
  }
  // An `{"error": "..."}` line in a stream, or the stream ending without `success`.
  return new AppError(
    'server_error',
    `Ollama reported an error${ctx.model ? ` for ${ctx.model}` : ''}: ${text}`,
    {
      ...model,
      reason: 'stream_error',
      detail: text,
    },
  )
}
