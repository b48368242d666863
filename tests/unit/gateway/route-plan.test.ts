/**
 * Where a gateway request goes at its provider (src-main/gateway/route-plan.ts): the client's
 * own route when the provider serves it in that shape, the other shape's chat route through a
 * translation for a chat request, otherwise `unsupported` naming the route that would work.
 */
import { describe, expect, it } from 'vitest'
import { planRoute } from '../../../src-main/gateway/route-plan'
import { getProvider } from '../../../src-main/providers/catalog'
import { servedRoutes } from '../../../src-main/providers/upstream/upstream-routes'

const NAMES = { canonical: 'p/m', asked: 'm' }
const now = () => Date.UTC(2026, 0, 1)
const CHAT_BODY = { model: 'm', messages: [{ role: 'user', content: 'hi' }] }
const served = (id: string) => servedRoutes(getProvider(id))

describe('planRoute', () => {
  it('keeps the route when the provider serves it in the client shape', () => {
    const openai = served('openai')
    for (const path of ['/chat/completions', '/embeddings']) {
      expect(planRoute(openai, { shape: 'openai', path }, CHAT_BODY, NAMES, now)).toEqual({
        ok: true,
        path,
        translation: null,
      })
    }
    expect(
      planRoute(served('anthropic'), { shape: 'anthropic', path: '/messages' }, {}, NAMES, now),
    ).toEqual({ ok: true, path: '/messages', translation: null })
  })

  it('translates a chat request to the other shape, both ways', () => {
    const toAnthropic = planRoute(
      served('anthropic'),
      { shape: 'openai', path: '/chat/completions' },
      CHAT_BODY,
      NAMES,
      now,
    )
    expect(toAnthropic).toMatchObject({ ok: true, path: '/messages' })
    if (!toAnthropic.ok) return
    expect(JSON.parse(toAnthropic.translation!.request('claude-x', false))).toMatchObject({
      model: 'claude-x',
      messages: [{ role: 'user', content: 'hi' }],
    })
    const toOpenAi = planRoute(
      served('openai'),
      { shape: 'anthropic', path: '/messages' },
      { model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] },
      NAMES,
      now,
    )
    expect(toOpenAi).toMatchObject({ ok: true, path: '/chat/completions' })
  })

  it('refuses a chat request the translation cannot carry as invalid_request', () => {
    const plan = planRoute(
      served('anthropic'),
      { shape: 'openai', path: '/chat/completions' },
      { model: 'm', messages: [] },
      NAMES,
      now,
    )
    expect(plan).toEqual({
      ok: false,
      code: 'invalid_request',
      message: 'The "messages" field must be a non-empty array.',
    })
  })

  it('says which route would work when the shape is wrong for a non-chat route', () => {
    // Embeddings are an OpenAI route; an Anthropic client cannot ask for them as such.
    const plan = planRoute(
      served('openai'),
      { shape: 'anthropic', path: '/embeddings' },
      {},
      NAMES,
      now,
    )
    expect(plan).toEqual({
      ok: false,
      code: 'unsupported',
      message: 'p/m is not reachable through /v1/embeddings (use /v1/embeddings).',
    })
  })

  it('points a route the provider lacks at the provider itself', () => {
    const plan = planRoute(
      served('anthropic'),
      { shape: 'openai', path: '/embeddings' },
      { model: 'm' },
      NAMES,
      now,
    )
    expect(plan).toMatchObject({
      ok: false,
      code: 'unsupported',
      message: 'p/m is not reachable through /v1/embeddings (use the provider directly).',
    })
    // A provider the gateway cannot reach at all (no served routes) is the same answer.
    expect(
      planRoute(null, { shape: 'openai', path: '/chat/completions' }, CHAT_BODY, NAMES, now),
    ).toMatchObject({ ok: false, code: 'unsupported', message: /use the provider directly/ })
  })

  it('does not translate a multipart request (no JSON body)', () => {
    const plan = planRoute(
      served('anthropic'),
      { shape: 'openai', path: '/chat/completions' },
      null,
      NAMES,
      now,
    )
    expect(plan).toMatchObject({
      ok: false,
      code: 'unsupported',
      message: 'p/m is not reachable through /v1/chat/completions (use /v1/messages).',
    })
  })
})
