/**
 * Reading a gateway request body (src-main/gateway/parse-request.ts): the model a JSON or
 * multipart body names, the client's bytes passed on untouched unless the model name or the
 * usage option must change, and a plain message (never a throw) for any body that is not a
 * request at all.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseRequest, type RouteSpec } from '../../../src-main/gateway/parse-request'

const CHAT: RouteSpec = { shape: 'openai', path: '/chat/completions', type: 'language' }
const EMBED: RouteSpec = { shape: 'openai', path: '/embeddings', type: 'embedding' }
const STT: RouteSpec = {
  shape: 'openai',
  path: '/audio/transcriptions',
  type: 'speech_to_text',
  multipart: true,
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v))

async function ok(route: RouteSpec, body: Buffer, type?: string) {
  const r = await parseRequest(route, body, type)
  if (!r.ok) throw new Error(`expected a parsed request, got: ${r.message}`)
  return r
}

describe('JSON bodies', () => {
  it('passes the exact bytes on when the upstream name is the one asked for', async () => {
    // Spacing and key order a re-serialization would lose.
    const body = Buffer.from('{ "messages": [],\n  "model" : "gpt-4o" }')
    const r = await ok(CHAT, body)
    expect(r.model).toBe('gpt-4o')
    expect(r.rewrite('gpt-4o', false)).toBe(body)
  })

  it('rewrites only the model when the upstream calls it something else', async () => {
    const r = await ok(CHAT, json({ model: 'mini', messages: [{ role: 'user', content: 'hi' }] }))
    expect(JSON.parse(r.rewrite('gpt-4o-mini-2024-07-18', false) as string)).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      messages: [{ role: 'user', content: 'hi' }],
    })
  })

  it('asks for usage on a stream that did not, keeping the other stream options', async () => {
    const r = await ok(CHAT, json({ model: 'm', stream: true, stream_options: { x: 1 } }))
    expect(r.streamsWithoutUsage).toBe(true)
    expect(JSON.parse(r.rewrite('m', true) as string)).toEqual({
      model: 'm',
      stream: true,
      stream_options: { x: 1, include_usage: true },
    })
  })

  it('marks only a streamed chat completion without include_usage', async () => {
    const streamed = { model: 'm', stream: true }
    expect((await ok(CHAT, json(streamed))).streamsWithoutUsage).toBe(true)
    expect((await ok(EMBED, json(streamed))).streamsWithoutUsage).toBe(false)
    expect((await ok(CHAT, json({ model: 'm' }))).streamsWithoutUsage).toBe(false)
    const asked = { ...streamed, stream_options: { include_usage: true } }
    expect((await ok(CHAT, json(asked))).streamsWithoutUsage).toBe(false)
  })

  it.each([
    ['not JSON', Buffer.from('{model: gpt-4o}'), 'The body is not valid JSON.'],
    ['empty', Buffer.alloc(0), 'The body is not valid JSON.'],
    ['an array', json([{ model: 'm' }]), 'The body must be a JSON object.'],
    ['null', json(null), 'The body must be a JSON object.'],
    ['a string', json('m'), 'The body must be a JSON object.'],
    ['without a model', json({ messages: [] }), 'The "model" field is missing.'],
    ['with an empty model', json({ model: '' }), 'The "model" field is missing.'],
    ['with a numeric model', json({ model: 4 }), 'The "model" field is missing.'],
  ])('refuses a body that is %s', async (_what, body, message) => {
    expect(await parseRequest(CHAT, body, 'application/json')).toEqual({ ok: false, message })
  })

  it('keeps every other field of any JSON object through a rename', async () => {
    const other = fc.dictionary(
      fc.string().filter((k) => k !== 'model'),
      fc.jsonValue(),
    )
    await fc.assert(
      fc.asyncProperty(other, fc.string({ minLength: 1 }), async (rest, name) => {
        const r = await ok(EMBED, json({ ...rest, model: 'asked' }))
        expect(r.model).toBe('asked')
        expect(JSON.parse(r.rewrite(name, false) as string)).toEqual(
          JSON.parse(JSON.stringify({ ...rest, model: name })),
        )
      }),
      { numRuns: 200 },
    )
  })

  it('answers any bytes with a parsed request or a message, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const r = await parseRequest(CHAT, Buffer.from(bytes), 'application/json')
        if (r.ok) expect(typeof r.model).toBe('string')
        else expect(r.message).toMatch(/^The /)
      }),
      { numRuns: 300 },
    )
  })
})

describe('multipart bodies (audio uploads)', () => {
  /** A real multipart body as fetch would send it: its bytes and its boundary header. */
  async function multipart(fields: Record<string, string | Blob>) {
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    const res = new Response(form)
    return {
      body: Buffer.from(await res.arrayBuffer()),
      type: res.headers.get('content-type')!,
    }
  }

  it('reads the model field and rewrites it, keeping the file', async () => {
    const clip = new Blob([new Uint8Array([82, 73, 70, 70])], { type: 'audio/wav' })
    const { body, type } = await multipart({ model: 'whisper', file: clip })
    const r = await ok(STT, body, type)
    expect(r).toMatchObject({ model: 'whisper', json: null, streamsWithoutUsage: false })
    const sent = r.rewrite('whisper-1', false) as FormData
    expect(sent.get('model')).toBe('whisper-1')
    const file = sent.get('file') as File
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([82, 73, 70, 70])
  })

  it('refuses a JSON body on an upload route', async () => {
    expect(await parseRequest(STT, json({ model: 'whisper' }), 'application/json')).toEqual({
      ok: false,
      message: 'Send the audio as multipart/form-data.',
    })
    expect(await parseRequest(STT, json({ model: 'whisper' }), undefined)).toMatchObject({
      ok: false,
    })
  })

  it('refuses a multipart body that cannot be read, or that names no model', async () => {
    const broken = await parseRequest(
      STT,
      Buffer.from('--x\r\nno headers, no end'),
      'multipart/form-data; boundary=x',
    )
    expect(broken).toEqual({ ok: false, message: 'The multipart body could not be read.' })
    const { body, type } = await multipart({ file: new Blob(['a']) })
    expect(await parseRequest(STT, body, type)).toEqual({
      ok: false,
      message: 'The "model" field is missing.',
    })
  })

  it('accepts the content type in any case', async () => {
    const { body, type } = await multipart({ model: 'whisper' })
    expect(
      (await ok(STT, body, type.replace('multipart/form-data', 'Multipart/Form-Data'))).model,
    ).toBe('whisper')
  })
})
