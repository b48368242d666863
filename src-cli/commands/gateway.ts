/**
 * `gateway serve|token add|token list|token remove|usage` and `run --gateway` (DESIGN §14).
 * `serve` runs the gateway in the foreground until SIGINT/SIGTERM; `token add` prints the token
 * once; `run --gateway` gives the child the gateway's URL and a token minted for it (revoked when
 * it exits), never a provider key.
 */
import { parseDuration } from '../../src-main/gateway/tokens'
import { runChild } from '../child'
import { defineCommand, invalid, type CliCommand, type RunContext } from '../command'
import { table } from '../format'

/** `--port N`: 0 picks a free port; otherwise 1024–65535. */
function portFlag(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || (n !== 0 && (n < 1024 || n > 65535)))
    throw invalid('--port takes 0 (any free port) or a number from 1024 to 65535', 'port')
  return n
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (sig: NodeJS.Signals) => {
      process.off('SIGINT', on)
      process.off('SIGTERM', on)
      resolve(sig)
    }
    process.on('SIGINT', on)
    process.on('SIGTERM', on)
  })
}

/** The flags of `gateway token add`. */
interface TokenFlags {
  name?: string
  model?: string[]
  rpm?: string
  'expires-in'?: string
}

function tokenInput(flags: TokenFlags) {
  const name = typeof flags.name === 'string' ? flags.name.trim() : ''
  if (!name) throw invalid('give the token a name: --name N', 'name')
  if (name.length > 100) throw invalid('the name is longer than 100 characters', 'name')
  let rpm: number | null = null
  if (flags.rpm !== undefined) {
    rpm = Number(flags.rpm)
    if (!Number.isInteger(rpm) || rpm < 1 || rpm > 100_000)
      throw invalid('--rpm takes a whole number from 1 to 100000', 'rpm')
  }
  let expiresInMs: number | null = null
  if (flags['expires-in'] !== undefined) {
    expiresInMs = parseDuration(String(flags['expires-in']))
    if (expiresInMs === null || expiresInMs < 60_000)
      throw invalid(
        '--expires-in takes a duration of at least a minute: 30m, 12h, 7d, 2w',
        'expiresIn',
      )
  }
  const models = (flags.model ?? []).map((m) => m.trim()).filter(Boolean)
  if (models.some((m) => m.length > 300)) throw invalid('a model name is too long', 'model')
  return { name, models, rpm, expiresInMs }
}

/** The `error.code` of a JSON error body (`{"error":{"code":…}}`), if it has one. */
function errorCodeOf(body: unknown): unknown {
  if (!body || typeof body !== 'object' || !('error' in body)) return undefined
  const error = body.error
  return error && typeof error === 'object' && 'code' in error ? error.code : undefined
}

/**
 * Where a gateway already answers for this store: the configured port, identified by its
 * `invalid_token` answer to a request without a token. Null when nothing (or something else)
 * listens there.
 */
async function runningGateway(port: number): Promise<string | null> {
  const url = `http://127.0.0.1:${port}`
  try {
    const res = await fetch(`${url}/v1/models`, { signal: AbortSignal.timeout(1_000) })
    const body: unknown = await res.json()
    return res.status === 401 && errorCodeOf(body) === 'invalid_token' ? url : null
  } catch {
    return null
  }
}

/**
 * `run --gateway`: uses the gateway that is running on the configured port (the app's, or a
 * `gateway serve`), else starts one in this process on a free port for the child's lifetime.
 * The child's token is limited to `--model` when given and removed when the child exits.
 */
export async function runWithGateway(
  input: RunContext & { flags: { model?: string[] } },
): Promise<number> {
  const app = input.app()
  const models = (input.flags.model ?? []).map((m) => m.trim())
  const status = await app.gateway.status()
  let url = await runningGateway(status.port)
  const ownServer = !url
  if (!url) url = (await app.gateway.start({ port: 0 })).url
  const label = input.rest.join(' ').slice(0, 60)
  const minted = await app.gateway.createToken({
    name: `run: ${label}`,
    ...(models.length ? { models } : {}),
  })
  // No SWITCHBOARD_* secret (the passphrase, its key file) reaches the child. Imported here:
  // it pulls in the vault and the contract's schemas, which `--help` must not load (issue 17).
  const { childEnvironment } = await import('../../src-main/services/env-export')
  const env = childEnvironment(input.io.env, {
    // OpenAI SDKs append /chat/completions to a base URL ending in /v1; Anthropic's SDKs add /v1.
    OPENAI_BASE_URL: `${url}/v1`,
    OPENAI_API_KEY: minted.token,
    ANTHROPIC_BASE_URL: url,
    ANTHROPIC_API_KEY: minted.token,
  })
  try {
    return await runChild(input.rest, env)
  } finally {
    await app.gateway.removeToken(minted.id).catch(() => undefined)
    if (ownServer) await app.gateway.stop()
  }
}

export const gatewayCommands: CliCommand[] = [
  defineCommand({
    name: 'gateway serve',
    usage: '[--port N]',
    summary:
      'Run the local gateway in the foreground (127.0.0.1 only) until Ctrl-C; --port 0 picks a free port',
    flags: { port: { type: 'string' } },
    printsItself: true,
    run: async ({ flags, io, app }) => {
      const port = portFlag(flags.port)
      const ctx = app()
      const { url } = await ctx.gateway.start(port === undefined ? {} : { port })
      if (io.json) io.out(JSON.stringify({ url }))
      else io.err(`Gateway listening on ${url} (Ctrl-C stops it)`)
      await untilSignal()
      await ctx.gateway.stop()
      return undefined
    },
  }),
  defineCommand({
    name: 'gateway token add',
    usage: '--name N [--model M ...] [--rpm N] [--expires-in DURATION]',
    summary: 'Create a gateway token (printed once; keep it like a password)',
    flags: {
      name: { type: 'string' },
      model: { type: 'string', multiple: true },
      rpm: { type: 'string' },
      'expires-in': { type: 'string' },
    },
    run: async ({ flags, app }) => app().gateway.createToken(tokenInput(flags)),
    human: (t, io) => {
      io.err(`Created "${t.name}" (${t.id}). The token is shown only now:`)
      io.out(t.token)
    },
  }),
  defineCommand({
    name: 'gateway token list',
    usage: '',
    summary: 'List gateway tokens (never the tokens themselves)',
    flags: {},
    run: async ({ app }) =>
      (await app().gateway.listTokens()).map((t) => ({
        id: t.id,
        name: t.name,
        models: t.models,
        rpm: t.rpm,
        expiresAt: t.expiresAt,
        createdAt: t.createdAt,
        lastUsedAt: t.lastUsedAt,
      })),
    human: (list, io) => {
      if (!list.length)
        return io.err('No gateway tokens. Create one: switchboard gateway token add --name N')
      io.out(
        table([
          ['ID', 'NAME', 'MODELS', 'RPM', 'EXPIRES', 'LAST USED'],
          ...list.map((t) => [
            t.id,
            t.name,
            t.models?.join(',') ?? 'all',
            t.rpm ?? '-',
            t.expiresAt ?? 'never',
            t.lastUsedAt ?? 'never',
          ]),
        ]),
      )
    },
  }),
  defineCommand({
    name: 'gateway token remove',
    usage: '<id>',
    summary: 'Revoke a gateway token',
    flags: {},
    positionals: [1, 1],
    run: async ({ positionals, app }) => app().gateway.removeToken(positionals[0]!),
    human: (r, io) => io.err(`Removed token ${r.id}`),
  }),
  defineCommand({
    name: 'gateway usage',
    usage: '',
    summary: 'Requests, errors and tokens per gateway token and model',
    flags: {},
    run: async ({ app }) => app().gateway.usage(),
    human: (rows, io) => {
      if (!rows.length) return io.err('No gateway requests yet.')
      io.out(
        table([
          ['TOKEN', 'MODEL', 'REQUESTS', 'ERRORS', 'INPUT', 'OUTPUT'],
          ...rows.map((u) => [
            u.name,
            u.model,
            u.requests,
            u.errors,
            u.inputTokens,
            u.outputTokens,
          ]),
        ]),
      )
    },
  }),
]
