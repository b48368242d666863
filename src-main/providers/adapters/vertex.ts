/**
 * Google Vertex AI adapter. Auth: the imported service-account JSON → a JWT signed RS256 with
 * node:crypto → an OAuth access token from the JSON's `token_uri` (so a test can point it at a
 * fake) → `Authorization: Bearer` on `{location}-aiplatform.googleapis.com` (or the credential's
 * base URL override). Test: a free `countTokens` on the catalog's test model, which proves the
 * token, the project, the region and that the Vertex AI API is enabled. Discovery: the catalog's
 * static list (Vertex has no per-project listing of Google's publisher models worth showing).
 */
import { createSign } from 'node:crypto'
import { AppError } from '../../errors'
import { vertexRoot } from '../base-url'
import type {
  AdapterContext,
  DecryptedCredential,
  ProviderAdapter,
  TestOutcome,
} from '../adapter-types'
import { geminiRunners, type GeminiPost } from './gemini-shapes'
import { call, fetchJson, isObject, parseJson, staticList } from './http'
import { headersWith, postJson } from './api-request'
import { probe } from './probe'
import { isOutcome, MODEL_TEST_MS, modelTestByType } from './model-test'
import {
  errorOutcome,
  failureOutcome,
  notConfigured,
  responseError,
  type FailureFacts,
} from './outcome'
import { upstreamText } from './upstream-text'

const SCOPE = 'https://www.googleapis.com/auth/cloud-platform'
const DEFAULT_TOKEN_URI = 'https://oauth2.googleapis.com/token'

interface ServiceAccount {
  clientEmail: string
  privateKey: string
  privateKeyId?: string
  tokenUri: string
  projectId?: string
}

export interface VertexSetup {
  sa: ServiceAccount
  project: string
  location: string
  /** The API root including `/v1`. */
  root: string
  /** Secrets to scrub: the private key, the raw JSON, and the access token once issued. */
  secrets: string[]
}

/** Parses the imported service-account JSON; a broken file is auth_invalid without echoing it. */
export function parseServiceAccount(json: string): ServiceAccount {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    throw new AppError(
      'auth_invalid',
      'The service-account JSON could not be read (it is not valid JSON).',
      {
        reason: 'credentials_file',
      },
    )
  }
  const missing = ['client_email', 'private_key'].filter(
    (k) => !isObject(raw) || typeof raw[k] !== 'string' || !raw[k],
  )
  if (!isObject(raw) || missing.length) {
    throw new AppError(
      'auth_invalid',
      `The service-account JSON is not a service-account key (missing ${missing.join(', ') || 'fields'}).`,
      { reason: 'credentials_file' },
    )
  }
  const str = (k: string) => (typeof raw[k] === 'string' && raw[k] ? (raw[k] as string) : undefined)
  return {
    clientEmail: str('client_email')!,
    privateKey: str('private_key')!,
    privateKeyId: str('private_key_id'),
    tokenUri: str('token_uri') ?? DEFAULT_TOKEN_URI,
    projectId: str('project_id'),
  }
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url')

/** A signed JWT assertion for the OAuth 2.0 JWT bearer grant (RFC 7523), valid one hour. */
export function signAssertion(
  sa: ServiceAccount,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const header = { alg: 'RS256', typ: 'JWT', ...(sa.privateKeyId ? { kid: sa.privateKeyId } : {}) }
  const claims = {
    iss: sa.clientEmail,
    scope: SCOPE,
    aud: sa.tokenUri,
    iat: nowSeconds,
    exp: nowSeconds + 3600,
  }
  const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`
  let signature: Buffer
  try {
    signature = createSign('RSA-SHA256').update(unsigned).sign(sa.privateKey)
  } catch {
    throw new AppError(
      'auth_invalid',
      'The private key in the service-account JSON could not be used.',
      {
        reason: 'credentials_file',
      },
    )
  }
  return `${unsigned}.${b64url(signature)}`
}

/** Project, location, account and root, or the not_configured / auth_invalid outcome. */
export function vertexSetup(
  cred: DecryptedCredential,
  ctx: AdapterContext,
): VertexSetup | TestOutcome {
  if (!cred.serviceAccountJson) {
    return notConfigured(
      ctx.entry,
      'no service-account JSON has been imported.',
      `Import the service account's JSON key file in the credential. How to create one: ${ctx.entry.docsUrl}`,
    )
  }
  const secrets = [cred.serviceAccountJson]
  let sa: ServiceAccount
  try {
    sa = parseServiceAccount(cred.serviceAccountJson)
  } catch (err) {
    return errorOutcome(err, { entry: ctx.entry, secrets })
  }
  secrets.push(sa.privateKey, ...pemBody(sa.privateKey))
  const project = cred.project?.trim() || sa.projectId
  if (!project) return notConfigured(ctx.entry, 'no Google Cloud project is set.')
  const location = cred.location?.trim()
  if (!location) return notConfigured(ctx.entry, 'no location (region) is set, e.g. us-central1.')
  try {
    const root = cred.baseUrl?.trim()
      ? `${cred.baseUrl.trim().replace(/\/+$/, '').replace(/\/v1$/, '')}/v1`
      : vertexRoot(location)
    return { sa, project, location, root, secrets }
  } catch (err) {
    return notConfigured(
      ctx.entry,
      err instanceof AppError ? err.message : 'the location is not valid.',
    )
  }
}

/** The base64 lines of a PEM key: a leak of any of them is a leak of the key. */
function pemBody(pem: string): string[] {
  return pem
    .split(/\r?\n|\\n/)
    .map((l) => l.trim())
    .filter((l) => l.length >= 40 && !l.startsWith('-----'))
}

/** An access token and its `expires_in` (seconds), null when not a finite number. */
export type VertexGrant = { token: string; expiresIn: number | null }

/** Exchanges the signed assertion at the JSON's token URI for an access token. */
export const vertexAccessToken = async (
  cred: DecryptedCredential,
  ctx: AdapterContext,
  s: VertexSetup,
) => (await vertexGrant(cred, ctx, s)).token

/** The exchange itself; Google answers `{access_token, expires_in: 3599, token_type}`. */
export async function vertexGrant(
  cred: DecryptedCredential,
  ctx: AdapterContext,
  s: VertexSetup,
): Promise<VertexGrant> {
  const body = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion: signAssertion(s.sa),
  }).toString()
  const answer = await call(ctx, cred, {
    url: s.sa.tokenUri,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  })
  const facts: FailureFacts = {
    entry: ctx.entry,
    secrets: s.secrets,
    url: answer.url,
    status: answer.status,
    body: answer.text,
  }
  // OAuth errors: 400 invalid_grant (bad signature, unknown or disabled key), 401 invalid_client.
  if (answer.status === 400 || answer.status === 401) {
    const why = upstreamText(answer.text, s.secrets)
    throw new AppError(
      'auth_invalid',
      `Google refused the service account (${why || answer.status}).`,
      {
        status: answer.status,
        reason: 'token_exchange',
      },
    )
  }
  if (answer.status < 200 || answer.status >= 300)
    throw responseError({ ...facts, status: answer.status })
  const j = parseJson(
    answer,
    facts,
    (j): j is { access_token: string; expires_in?: unknown } =>
      isObject(j) && typeof j.access_token === 'string' && j.access_token.length > 0,
  )
  s.secrets.push(j.access_token)
  const e = j.expires_in
  return {
    token: j.access_token,
    expiresIn: typeof e === 'number' && Number.isFinite(e) ? e : null,
  }
}

export const modelUrl = (s: VertexSetup, model: string, method: string) =>
  `${s.root}/projects/${encodeURIComponent(s.project)}/locations/${encodeURIComponent(s.location)}` +
  `/publishers/google/models/${encodeURIComponent(model)}:${method}`

const bearer = (token: string) => headersWith({ authorization: `Bearer ${token}` })

const isPredictEmbedding = (
  j: unknown,
): j is { predictions: { embeddings: { values: number[] } }[] } =>
  isObject(j) &&
  Array.isArray(j.predictions) &&
  isObject(j.predictions[0]) &&
  isObject(j.predictions[0].embeddings) &&
  Array.isArray(j.predictions[0].embeddings.values)

/** The Vertex AI adapter (apiShape `vertex`). */
export const vertexAdapter: ProviderAdapter = {
  async test(cred, ctx) {
    const s = vertexSetup(cred, ctx)
    if (isOutcome(s)) return s
    const model = ctx.entry.testModel ?? 'gemini-2.5-flash'
    let token: string
    try {
      token = await vertexAccessToken(cred, ctx, s)
    } catch (err) {
      return errorOutcome(err, { entry: ctx.entry, secrets: s.secrets, url: s.sa.tokenUri })
    }
    return probe(
      ctx,
      cred,
      postJson(modelUrl(s, model, 'countTokens'), bearer(token), {
        contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
      }),
      {
        secrets: s.secrets,
        onOk: (answer, facts) => {
          parseJson(
            answer,
            facts,
            (j): j is { totalTokens: number } => isObject(j) && typeof j.totalTokens === 'number',
          )
          return {
            code: 'ok',
            message: `Connected to project ${s.project} in ${s.location} as ${s.sa.clientEmail}.`,
            params: { provider: ctx.entry.id, project: s.project, location: s.location },
          }
        },
        // The token and project were accepted; only the test model is missing in this region.
        onStatus: (answer, facts) =>
          answer.status === 404 ? failureOutcome('ok_test_model_unavailable', facts) : null,
      },
    )
  },

  async discover(cred, ctx) {
    const s = vertexSetup(cred, ctx)
    if (isOutcome(s))
      throw new AppError(s.code === 'not_configured' ? 'not_configured' : 'auth_invalid', s.message)
    return staticList(ctx.entry)
  },

  async modelTest(cred, model, ctx) {
    return modelTestByType(
      ctx,
      model.type,
      () => vertexSetup(cred, ctx),
      (s) => s.secrets,
      geminiRunners(async (s) => {
        const token = await vertexAccessToken(cred, ctx, s)
        const post: GeminiPost = (method, payload, isShape, timeoutMs = MODEL_TEST_MS) => {
          const spec = postJson(modelUrl(s, model.name, method), bearer(token), payload, timeoutMs)
          return fetchJson(ctx, cred, spec, s.secrets, isShape)
        }
        return {
          post,
          embedDimensions: async () => {
            const payload = { instances: [{ content: 'This is a test.' }] }
            return (await post('predict', payload, isPredictEmbedding)).predictions[0]!.embeddings
              .values.length
          },
          ...(ctx.sttClip ? { sttClip: ctx.sttClip } : {}),
        }
      }),
    )
  },
}
