/**
 * The HTTP layer the bespoke adapters share (src-main/providers/adapters/http) over the real
 * guarded fetch and a fake API: one call with its status, text, safe URL and rate limits; JSON
 * and audio reads that fail as codes, never as SyntaxError; paging; a broken body read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/errors'
import {
  bodyReadError,
  call,
  displayUrl,
  fetchBytes,
  fetchJson,
  isObject,
  readPages,
  staticList,
  throwOutcome,
} from '../../../../src-main/providers/adapters/http'
import { getProvider } from '../../../../src-main/providers/catalog'
import type { FakeServer } from '../../../fixtures/recording-server'
import { auth, cred, ctx, KEY, startHttpFake } from './world'

let server: FakeServer
beforeAll(async () => {
  server = await startHttpFake()
})
afterAll(() => server.close())

const hasData = (j: unknown): j is { data: unknown[] } => isObject(j) && Array.isArray(j.data)

describe('the adapters’ HTTP layer', () => {
  it('calls with the key, and answers the status, text, URL without query and limits', async () => {
    const a = await call(ctx(), cred, { url: `${server.url}/models?x=1`, headers: auth })
    expect(a).toMatchObject({
      status: 200,
      url: `${server.url}/models`,
      contentType: 'application/json',
    })
    expect(JSON.parse(a.text)).toEqual({ data: [{ id: 'm1' }] })
    expect(a.limits).toMatchObject({ remaining: 41, limit: 50 })
    const denied = await call(ctx(), cred, { url: `${server.url}/models` })
    expect(denied.status).toBe(401)
  })

  it('reads JSON of the expected shape; anything else is a coded error with the secret scrubbed', async () => {
    const spec = { url: `${server.url}/models`, headers: auth }
    expect(await fetchJson(ctx(), cred, spec, [KEY], hasData)).toEqual({ data: [{ id: 'm1' }] })
    const wrong = fetchJson(ctx(), cred, { url: `${server.url}/models` }, [KEY], hasData)
    await expect(wrong).rejects.toMatchObject({ code: 'auth_invalid', params: { status: 401 } })
    await wrong.catch((e: AppError) => expect(e.message).not.toContain(KEY))
    const html = fetchJson(ctx(), cred, { url: `${server.url}/page`, headers: auth }, [], hasData)
    await expect(html).rejects.toMatchObject({
      code: 'server_error',
      params: { reason: 'invalid_body' },
    })
    const shape = fetchJson(
      ctx(),
      cred,
      spec,
      [],
      (j): j is { nope: 1 } => isObject(j) && 'nope' in j,
    )
    await expect(shape).rejects.toMatchObject({ params: { reason: 'invalid_body' } })
  })

  it('reads audio as bytes; an empty or text answer is not audio', async () => {
    const bytes = await fetchBytes(ctx(), cred, { url: `${server.url}/audio`, headers: auth }, [])
    expect([...bytes]).toEqual([1, 2, 3, 4])
    for (const path of ['/empty-audio', '/page', '/models']) {
      await expect(
        fetchBytes(ctx(), cred, { url: `${server.url}${path}`, headers: auth }, []),
      ).rejects.toMatchObject({ params: { reason: 'invalid_body' } })
    }
  })

  it('follows a cursor until it repeats or ends, at most maxPages pages', async () => {
    const page = async (url: string) => {
      const j = await fetchJson(ctx(), cred, { url, headers: auth }, [], isObject)
      return { items: j.items as number[], next: j.next as string | null }
    }
    expect(await readPages(`${server.url}/list?limit=2`, 'after', 10, page)).toEqual([1, 2, 3, 4])
    expect(await readPages(`${server.url}/list?limit=2`, 'after', 2, page)).toEqual([1, 2, 3])
    expect(server.requests.at(-1)?.url).toBe('/v1/list?limit=2&after=b')
  })

  it('names a broken body read by its cause', () => {
    const aborted = new AbortController()
    aborted.abort()
    expect(bodyReadError(new Error('x'), { ...ctx(), signal: aborted.signal }).code).toBe(
      'cancelled',
    )
    const timeout = Object.assign(new Error('t'), { name: 'TimeoutError' })
    expect(bodyReadError(timeout, ctx()).code).toBe('timeout')
    expect(bodyReadError(new Error('socket'), ctx())).toMatchObject({
      code: 'network',
      params: { reason: 'reset' },
    })
    const own = new AppError('server_error', 'big')
    expect(bodyReadError(own, ctx())).toBe(own)
  })

  it('shows URLs without query, lists static models, and throws an outcome as an error', () => {
    expect(displayUrl('https://api.example/v1/models?key=secret#x')).toBe(
      'https://api.example/v1/models',
    )
    expect(displayUrl('not a url')).toBe('')
    const deepgram = getProvider('deepgram')
    expect(staticList(deepgram).every((m) => m.typeSource === 'static')).toBe(true)
    expect(staticList(deepgram).length).toBe(deepgram.staticModels?.length)
    expect(() => throwOutcome({ code: 'not_configured', message: 'no key' })).toThrow(
      expect.objectContaining({ code: 'not_configured', message: 'no key' }),
    )
    expect(() => throwOutcome({ code: 'auth_invalid', message: 'bad' })).toThrow(
      expect.objectContaining({ code: 'auth_invalid' }),
    )
  })
})
