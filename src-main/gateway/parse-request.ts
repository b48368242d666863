/**
 * Reads a gateway request body: the model it names, and how to send it with the provider's model
 * id instead (JSON bodies pass through byte for byte unless something must change; multipart
 * audio uploads get their `model` field rewritten).
 */
import type { ModelType } from '../../src-preload/contract/models-shared'
import { streamsWithoutUsage, withUsageOption } from './stream-usage'

export interface RouteSpec {
  shape: 'openai' | 'anthropic'
  /** Path under the provider's API root. */
  path: string
  type: ModelType
  multipart?: boolean
}

export type Parsed =
  | {
      ok: true
      model: string
      /** The body with the upstream's model name (and, when asked, the usage stream option). */
      rewrite: (name: string, askUsage: boolean) => string | Buffer | FormData
      /** A streamed chat completion that does not ask for usage (stream-usage.ts). */
      streamsWithoutUsage: boolean
      /** The parsed JSON body (null for multipart). */
      json: Record<string, unknown> | null
    }
  | { ok: false; message: string }

/** Reads the model a request names and how to send it with the provider's model id instead. */
export async function parseRequest(
  route: RouteSpec,
  body: Buffer,
  contentType: string | undefined,
): Promise<Parsed> {
  if (route.multipart) {
    if (!contentType?.toLowerCase().startsWith('multipart/form-data'))
      return { ok: false, message: 'Send the audio as multipart/form-data.' }
    let form: FormData
    try {
      form = await new Request('http://gateway.invalid/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: body as unknown as NonNullable<RequestInit['body']>,
      }).formData()
    } catch {
      return { ok: false, message: 'The multipart body could not be read.' }
    }
    const model = form.get('model')
    if (typeof model !== 'string' || !model)
      return { ok: false, message: 'The "model" field is missing.' }
    return {
      ok: true,
      model,
      rewrite: (name) => {
        form.set('model', name)
        return form
      },
      streamsWithoutUsage: false,
      json: null,
    }
  }
  let json: unknown
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    return { ok: false, message: 'The body is not valid JSON.' }
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, message: 'The body must be a JSON object.' }
  const obj = json as Record<string, unknown>
  if (typeof obj.model !== 'string' || !obj.model)
    return { ok: false, message: 'The "model" field is missing.' }
  const asked = obj.model
  return {
    ok: true,
    model: asked,
    // The bytes the client sent go on unchanged unless the model name or options change.
    rewrite: (name, askUsage) =>
      askUsage
        ? JSON.stringify(withUsageOption({ ...obj, model: name }))
        : name === asked
          ? body
          : JSON.stringify({ ...obj, model: name }),
    streamsWithoutUsage: route.path === '/chat/completions' && streamsWithoutUsage(obj),
    json: obj,
  }
}
