/**
 * One view of an upstream answer for the gateway (src-main/gateway/answer.ts), whichever path
 * fetched it: a WHATWG Response (multipart uploads through the guarded fetch) or the request
 * path's Node stream (JSON bodies). Headers read by name (absent: null; repeated: joined), the
 * body as byte chunks, and `discard` dropping an unread body without an unhandled error.
 */
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { fromResponse, fromStream, type Answer } from '../../../src-main/gateway/answer'

async function text(a: Answer): Promise<string> {
  const chunks: Uint8Array[] = []
  for await (const c of a.body!) chunks.push(c)
  return Buffer.concat(chunks).toString('utf8')
}

describe('fromResponse', () => {
  it('reads status, headers in any case and the body', async () => {
    const a = fromResponse(
      new Response('{"ok":true}', {
        status: 201,
        headers: { 'Content-Type': 'application/json', 'x-request-id': 'req_1' },
      }),
    )
    expect(a.status).toBe(201)
    expect(a.header('content-type')).toBe('application/json')
    expect(a.header('X-Request-Id')).toBe('req_1')
    expect(a.header('retry-after')).toBeNull()
    expect(await text(a)).toBe('{"ok":true}')
  })

  it('has no body for a bodiless answer, and discards an unread one', async () => {
    expect(fromResponse(new Response(null, { status: 204 })).body).toBeNull()
    const res = new Response('unread')
    fromResponse(res).discard()
    await expect(res.text()).rejects.toThrow() // cancelled: nothing is left to read
  })
})

describe('fromStream', () => {
  it('joins a repeated header and answers null for an absent one', async () => {
    const a = fromStream({
      status: 429,
      headers: { 'retry-after': '3', 'set-cookie': ['a=1', 'b=2'] },
      body: Readable.from([Buffer.from('slow '), Buffer.from('down')]),
    })
    expect(a.status).toBe(429)
    expect(a.header('retry-after')).toBe('3')
    expect(a.header('set-cookie')).toBe('a=1, b=2')
    expect(a.header('content-type')).toBeNull()
    expect(await text(a)).toBe('slow down')
  })

  it('drains a discarded body and swallows its later error', async () => {
    const body = new Readable({ read() {} })
    const a = fromStream({ status: 500, headers: {}, body })
    a.discard()
    body.push('dropped')
    body.destroy(new Error('socket hang up'))
    // Resumed (flowing) and an error listener attached: no unhandled 'error' event.
    expect(body.readableFlowing).toBe(true)
    expect(body.listenerCount('error')).toBeGreaterThan(0)
    await new Promise((resolve) => body.once('close', resolve))
  })
})
