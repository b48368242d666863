/**
 * One click from a detected server to a usable credential (DESIGN §8): the credential
 * (`ollama`, `lmstudio`, else `openai_compatible`), its models registered with their types, and
 * optionally the empty default slots filled. The services it needs are passed in as functions,
 * so this stays a plain use case the app and the CLI (`detect --register`) both call.
 */
import type { ConnectResult, DetectedServer, ServerKind } from '../../src-preload/contract/local'
import type { ModelType } from '../../src-preload/contract/models-shared'
import { AppError } from '../errors'

export interface ConnectDeps {
  /** Creates the credential (with the key of a server that wants one). */
  createCredential(input: {
    provider: DetectedServer['provider']
    name: string
    baseUrl: string
    apiKey?: string
  }): Promise<{ id: string }>
  /** Lists a credential's models with its key (detection probes never send one); throws the
   * provider's coded error (a wrong key is auth_invalid). */
  discoverModels?(credentialId: string): Promise<{ id: string; type: ModelType }[]>
  /** Removes a credential this connect just created (its key turned out wrong). */
  removeCredential?(credentialId: string): Promise<void>
  /** Registers models on a credential; existing ones are not created twice. */
  registerModels(
    credentialId: string,
    models: { name: string; type: ModelType }[],
  ): Promise<{ created: number; existing: number }>
  /** Fills empty default slots from this credential's models; returns the slots it filled. */
  autoAssignDefaults?(credentialId: string): Promise<string[]>
  /** An existing credential for the same provider and base URL, reused instead of a duplicate. */
  findCredential?(
    provider: DetectedServer['provider'],
    baseUrl: string,
  ): Promise<{ id: string } | null>
}

export interface ConnectOptions {
  name?: string
  /** Register only these (default: every model the server listed). */
  models?: { id: string; type: ModelType }[]
  autoAssignDefaults?: boolean
  /** The key of a server that wants one (state `auth_required`). */
  apiKey?: string
}

const KIND_NAMES: Record<ServerKind, string> = {
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
  llamacpp: 'llama.cpp',
  vllm: 'vLLM',
  jan: 'Jan',
  localai: 'LocalAI',
  koboldcpp: 'KoboldCpp',
  textgen: 'text-generation-webui',
  omlx: 'oMLX',
  openai_compatible: 'OpenAI-compatible server',
}

/** The display name of a server kind. */
export function kindName(kind: ServerKind): string {
  return KIND_NAMES[kind]
}

/** Turns a detected server into a credential with its models registered. */
export async function connectServer(
  server: DetectedServer,
  deps: ConnectDeps,
  opts: ConnectOptions = {},
): Promise<ConnectResult> {
  // A server that wants a key gets a credential only with one: without it, the credential
  // could only fail its test (LM Studio with API tokens on, Jan).
  if (server.state === 'auth_required' && !opts.apiKey?.trim()) {
    throw new AppError(
      'validation',
      `${kindName(server.kind)} at ${server.baseUrl} wants an API key: enter it to connect.`,
      { field: 'apiKey', reason: 'key_required', kind: server.kind },
    )
  }
  const chosen = opts.models ?? server.models.map((m) => ({ id: m.id, type: m.type }))
  const known = new Set(server.models.map((m) => m.id))
  const unknown = chosen.find((m) => !known.has(m.id))
  if (opts.models && unknown) {
    throw new AppError('validation', 'That model is not offered by this server.', {
      model: unknown.id,
    })
  }
  const host = new URL(server.baseUrl).host
  const name = opts.name?.trim() || `${kindName(server.kind)} (${host})`
  const existing = await deps.findCredential?.(server.provider, server.credentialBaseUrl)
  const apiKey = opts.apiKey?.trim()
  const credential =
    existing ??
    (await deps.createCredential({
      provider: server.provider,
      name,
      baseUrl: server.credentialBaseUrl,
      ...(apiKey ? { apiKey } : {}),
    }))
  // Detection could not list a keyed server's models; with the key stored, discovery can. A
  // key the server refuses leaves nothing behind: the new credential could only fail.
  if (!opts.models && !chosen.length && apiKey && deps.discoverModels) {
    try {
      chosen.push(...(await deps.discoverModels(credential.id)))
    } catch (err) {
      const refused =
        err instanceof AppError && (err.code === 'auth_invalid' || err.code === 'auth_forbidden')
      if (refused && !existing) await deps.removeCredential?.(credential.id)
      throw err
    }
  }
  const counts = chosen.length
    ? await deps.registerModels(
        credential.id,
        chosen.map((m) => ({ name: m.id, type: m.type })),
      )
    : { created: 0, existing: 0 }
  const defaultsAssigned =
    opts.autoAssignDefaults && deps.autoAssignDefaults
      ? await deps.autoAssignDefaults(credential.id)
      : []
  return {
    credentialId: credential.id,
    provider: server.provider,
    registered: counts.created,
    existing: counts.existing,
    defaultsAssigned,
  }
}
