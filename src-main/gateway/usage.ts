/**
 * Usage accounting (DESIGN §14): requests, errors and tokens per token × model, counted in
 * memory and written to the store in batches (one locked write per flush interval, not one per
 * request), together with each token's last use and each credential's latest limits and
 * disables. Token counts come from the upstream's own `usage` object, also inside SSE streams.
 */
import type { CredentialLimits, StoreData } from '../store/schema'

export interface UsageDelta {
  requests: number
  errors: number
  inputTokens: number
  outputTokens: number
}

interface Pending {
  usage: Map<string, UsageDelta & { tokenId: string; name: string; model: string }>
  lastUsed: Map<string, string>
  limits: Map<string, CredentialLimits>
  disabled: Map<string, { code: string; at: string }>
}

const emptyPending = (): Pending => ({
  usage: new Map(),
  lastUsed: new Map(),
  limits: new Map(),
  disabled: new Map(),
})

export interface UsageRecorder {
  count(tokenId: string, name: string, model: string, delta: UsageDelta): void
  used(tokenId: string, at: string): void
  limits(credentialId: string, limits: CredentialLimits): void
  disabled(credentialId: string, mark: { code: string; at: string }): void
  /** Writes everything pending now (on stop, and in tests). */
  flush(): Promise<void>
  /** Stops the timer (after a last flush). */
  close(): Promise<void>
}

/**
 * Records into memory and flushes every `intervalMs` through `update` (the store's locked
 * read-modify-write). A failed flush keeps its items for the next one.
 */
export function createUsageRecorder(
  update: (fn: (data: StoreData) => void) => Promise<void>,
  intervalMs = 1_000,
): UsageRecorder {
  let pending = emptyPending()
  let timer: NodeJS.Timeout | null = null
  let flushing: Promise<void> | null = null

  const schedule = () => {
    if (timer || intervalMs <= 0) return
    timer = setTimeout(() => {
      timer = null
      void flush().catch(() => undefined)
    }, intervalMs)
    timer.unref?.()
  }

  const apply = (p: Pending) => (data: StoreData) => {
    for (const u of p.usage.values()) {
      let row = data.gateway.usage.find((r) => r.tokenId === u.tokenId && r.model === u.model)
      if (!row) {
        row = {
          tokenId: u.tokenId,
          name: u.name,
          model: u.model,
          requests: 0,
          errors: 0,
          inputTokens: 0,
          outputTokens: 0,
        }
        data.gateway.usage.push(row)
      }
      row.requests += u.requests
      row.errors += u.errors
      row.inputTokens += u.inputTokens
      row.outputTokens += u.outputTokens
    }
    for (const [id, at] of p.lastUsed) {
      const t = data.gateway.tokens.find((x) => x.id === id)
      if (t && (!t.lastUsedAt || t.lastUsedAt < at)) t.lastUsedAt = at
    }
    for (const [id, l] of p.limits) {
      if (data.credentials.some((c) => c.id === id)) data.gateway.limits[id] = l
    }
    for (const [id, mark] of p.disabled) {
      if (data.credentials.some((c) => c.id === id)) data.gateway.disabled[id] = mark
    }
  }

  const merge = (into: Pending, from: Pending) => {
    for (const [k, u] of from.usage) {
      const cur = into.usage.get(k)
      if (!cur) into.usage.set(k, u)
      else {
        cur.requests += u.requests
        cur.errors += u.errors
        cur.inputTokens += u.inputTokens
        cur.outputTokens += u.outputTokens
      }
    }
    for (const [k, v] of from.lastUsed)
      if ((into.lastUsed.get(k) ?? '') < v) into.lastUsed.set(k, v)
    for (const [k, v] of from.limits) if (!into.limits.has(k)) into.limits.set(k, v)
    for (const [k, v] of from.disabled) if (!into.disabled.has(k)) into.disabled.set(k, v)
  }

  const flush = async (): Promise<void> => {
    while (flushing) await flushing
    const batch = pending
    pending = emptyPending()
    if (!batch.usage.size && !batch.lastUsed.size && !batch.limits.size && !batch.disabled.size)
      return
    flushing = update(apply(batch))
      .catch((err) => {
        merge(pending, batch) // keep for the next flush (newer items in `pending` win)
        schedule()
        throw err
      })
      .finally(() => {
        flushing = null
      })
    return flushing
  }

  return {
    count(tokenId, name, model, delta) {
      const key = `${tokenId}|${model}`
      const cur = pending.usage.get(key)
      if (cur) {
        cur.requests += delta.requests
        cur.errors += delta.errors
        cur.inputTokens += delta.inputTokens
        cur.outputTokens += delta.outputTokens
      } else pending.usage.set(key, { tokenId, name, model, ...delta })
      schedule()
    },
    used(tokenId, at) {
      pending.lastUsed.set(tokenId, at)
      schedule()
    },
    limits(credentialId, limits) {
      pending.limits.set(credentialId, limits)
      schedule()
    },
    disabled(credentialId, mark) {
      pending.disabled.set(credentialId, mark)
      schedule()
    },
    flush,
    async close() {
      if (timer) clearTimeout(timer)
      timer = null
      await flush().catch(() => undefined)
    },
  }
}

/** Tokens counted so far in one answer. */
export interface TokenCount {
  input: number
  output: number
}

/** Reads `usage` from a parsed body: OpenAI (`prompt_tokens`/`completion_tokens`) or Anthropic. */
export function usageOf(body: unknown, into: TokenCount): void {
  if (!body || typeof body !== 'object') return
  const b = body as Record<string, unknown>
  // Anthropic's stream puts usage on `message` in message_start.
  const u = (b.usage ?? (b.message as Record<string, unknown> | undefined)?.usage) as
    Record<string, unknown> | undefined
  if (!u || typeof u !== 'object') return
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null)
  const input =
    n(u.prompt_tokens) ??
    (n(u.input_tokens) !== null
      ? n(u.input_tokens)! +
        (n(u.cache_creation_input_tokens) ?? 0) +
        (n(u.cache_read_input_tokens) ?? 0)
      : null)
  const output = n(u.completion_tokens) ?? n(u.output_tokens)
  // Streams report running totals (Anthropic's message_delta): keep the largest seen.
  if (input !== null) into.input = Math.max(into.input, input)
  if (output !== null) into.output = Math.max(into.output, output)
}

/**
 * Watches an SSE stream go by (it is forwarded untouched) and picks the `usage` out of `data:`
 * lines. Only lines that mention "usage" are parsed, so a long stream costs a substring search.
 */
export function createSseUsageSniffer(into: TokenCount): (chunk: Uint8Array) => void {
  const decoder = new TextDecoder()
  let tail = ''
  return (chunk) => {
    const text = tail + decoder.decode(chunk, { stream: true })
    const lines = text.split('\n')
    tail = lines.pop() ?? ''
    if (tail.length > 1_000_000) tail = '' // a line this long is no usage line
    for (const line of lines) {
      if (!line.startsWith('data:') || !line.includes('"usage"')) continue
      try {
        usageOf(JSON.parse(line.slice(5)), into)
      } catch {
        // not JSON (e.g. `[DONE]`): nothing to count
      }
    }
  }
}
