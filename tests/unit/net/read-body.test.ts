import { describe, expect, it } from 'vitest'
import { readJson, readText, statusToCode } from '../../../src-main/net/read-body'
import { rejection } from '../../support/rejection'

describe('statusToCode', () => {
  it.each([
    [200, 'ok'],
    [204, 'ok'],
    [401, 'auth_invalid'],
    [403, 'auth_forbidden'],
    [429, 'ok_rate_limited'],
    [400, 'server_error'],
    [404, 'server_error'],
    [500, 'server_error'],
    [503, 'server_error'],
    [302, 'server_error'],
  ])('%i → %s', (status, code) => expect(statusToCode(status)).toBe(code))
})

describe('readJson', () => {
  it('parses JSON', async () => {
    expect(await readJson(new Response('{"data":[1,2]}'))).toEqual({ data: [1, 2] })
  })

  it('turns garbage into server_error/invalid_body', async () => {
    const err = await rejection(readJson(new Response('<html>oops</html>', { status: 200 })))
    expect(err.code).toBe('server_error')
    expect(err.params).toMatchObject({ reason: 'invalid_body', status: 200 })
  })

  it('refuses a body larger than the cap while streaming', async () => {
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        pulled++
        ctl.enqueue(new Uint8Array(1024).fill(32))
        if (pulled > 1000) ctl.close()
      },
    })
    const err = await rejection(readJson(new Response(stream), { maxBytes: 10 * 1024 }))
    expect(err.params).toMatchObject({ reason: 'invalid_body' })
    expect(pulled).toBeLessThan(20) // stopped early, did not read the rest
  })

  it('refuses by Content-Length before reading', async () => {
    const res = new Response('{}', { headers: { 'content-length': String(6 * 1024 * 1024) } })
    const err = await rejection(readJson(res))
    expect(err.message).toMatch(/5 MB/)
  })

  it('reads text and empty bodies', async () => {
    expect(await readText(new Response(null, { status: 204 }))).toBe('')
    expect(await readText(new Response('héllo'))).toBe('héllo')
  })
})
