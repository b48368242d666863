/**
 * An Ollama error answer made safe for the `ollama` SDK. The SDK reads a non-2xx JSON body and
 * throws `new ResponseError(body.error || …, status)`; `new Error(v)` turns `v` into text, which
 * throws a TypeError for a value that cannot become text (`{"error": {"toString": 1}}`), and
 * then the status (401, 404, …) that should decide the error code is lost. The Ollama adapter
 * and the local Ollama library both hand every answer through here first; it lives in
 * providers/ so both can import it (providers-not-local).
 */

/**
 * `res` unchanged, unless it is a non-2xx JSON answer that is not an object or whose `error` is
 * not a string: then the same answer with a body of `{}`, so the SDK falls back to its own
 * "Error <status>" text. Ollama itself always sends `{"error": "<text>"}` (docs/api.md "Errors").
 */
export async function withTextualError(res: Response): Promise<Response> {
  if (res.ok || !/json/i.test(res.headers.get('content-type') ?? '')) return res
  const text = await res.text()
  let body = text
  try {
    const j: unknown = JSON.parse(text)
    const object = typeof j === 'object' && j !== null && !Array.isArray(j)
    if (!object || ('error' in j && typeof j.error !== 'string')) body = '{}'
  } catch {
    // Not JSON: the SDK keeps its own message, as it would have.
  }
  return new Response(body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  })
}
