/**
 * The gateway's `default:<slot>` model aliases over HTTP (src-main/gateway/routing resolveModel,
 * used by src-main/gateway/server for requests and for `GET /v1/models`): each slot's alias
 * reaches the model chosen for that slot right now — on its own route, under the provider's own
 * model id — and an unset slot is the coded `model_not_found` (404) with nothing sent upstream,
 * its text saying the job's default is not set and how to set it (not that no model has a name).
 * The upstream is tests/fixtures/gateway-upstream.ts (OpenAI's chat, embeddings and speech routes,
 * each citing the API reference it copies).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeUpstream, type FakeUpstream } from '../../fixtures/gateway-upstream'
import { chat, createGatewayWorld, post, type GatewayWorld } from './world'

const KEY = 'sk-test-fake-key-ALIASALIASALIASALIAS'

let world: GatewayWorld
let up: FakeUpstream
const ids: Record<string, string> = {}

beforeEach(async () => {
  world = await createGatewayWorld()
  up = await startFakeUpstream('openai', KEY, 'A')
  const cred = await world.addCredential('openai', 'Key', up.url, KEY)
  ids.mini = await world.register(cred, 'gpt-4o-mini')
  ids.big = await world.register(cred, 'gpt-4.1')
  ids.emb = await world.register(cred, 'text-embedding-3-small', 'embedding')
  ids.tts = await world.register(cred, 'tts-1', 'text_to_speech')
})

afterEach(async () => {
  await world.close()
  await up.close()
})

const sentModel = () => JSON.parse(up.requests.at(-1)!.body.toString()).model as string
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error
const unset = (slot: string, also = '') =>
  `No default model is set for ${slot}${also}. Set one on the Models page, or run: ` +
  `switchboard defaults set ${slot} <modelId>`
const speech = (model: string) => ({ model, input: 'hi', voice: 'alloy' })
const embed = (model: string) => ({ model, input: 'hi' })

describe('gateway: default:<slot> aliases', () => {
  it('each alias reaches the model its slot names now, under the provider’s own id', async () => {
    await world.ctx.defaults.set('chat', ids.big!)
    await world.ctx.defaults.set('embedding', ids.emb!)
    await world.ctx.defaults.set('textToSpeech', ids.tts!)
    const token = await world.token()

    expect((await post(world, '/v1/chat/completions', token, chat('default:chat'))).status).toBe(
      200,
    )
    expect(sentModel()).toBe('gpt-4.1')
    expect((await post(world, '/v1/embeddings', token, embed('default:embedding'))).status).toBe(
      200,
    )
    expect(sentModel()).toBe('text-embedding-3-small')
    expect(
      (await post(world, '/v1/audio/speech', token, speech('default:textToSpeech'))).status,
    ).toBe(200)
    expect(sentModel()).toBe('tts-1')

    // The slot is read per request: re-pointing it moves the alias at once.
    await world.ctx.defaults.set('chat', ids.mini!)
    expect((await post(world, '/v1/chat/completions', token, chat('default:chat'))).status).toBe(
      200,
    )
    expect(sentModel()).toBe('gpt-4o-mini')
  })

  it('an unset slot is model_not_found (404), sent nowhere, and not listed', async () => {
    await world.ctx.defaults.set('chat', ids.big!)
    await world.ctx.defaults.set('textToSpeech', null)
    await world.ctx.defaults.set('embedding', null)
    const token = await world.token()
    const before = up.requests.length

    const tts = await post(world, '/v1/audio/speech', token, speech('default:textToSpeech'))
    expect(tts.status).toBe(404)
    expect(await errorOf(tts)).toMatchObject({
      code: 'model_not_found',
      type: 'not_found_error',
      message: unset('textToSpeech'),
    })
    const emb = await post(world, '/v1/embeddings', token, embed('default:Embedding'))
    expect(emb.status).toBe(404)
    expect(await errorOf(emb)).toMatchObject({
      code: 'model_not_found',
      message: unset('embedding'),
    })
    expect(up.requests.length).toBe(before)

    const listed = await fetch(`${world.url}/v1/models`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const names = ((await listed.json()) as { data: { id: string }[] }).data.map((m) => m.id)
    expect(names).toContain('default:chat')
    expect(names).not.toContain('default:textToSpeech')
    expect(names).not.toContain('default:embedding')
  })

  it('an optional language slot follows chat, and is unset when chat is', async () => {
    const token = await world.token()
    await world.ctx.defaults.set('chat', ids.big!)
    await world.ctx.defaults.set('largeContext', null)
    expect(
      (await post(world, '/v1/chat/completions', token, chat('default:largeContext'))).status,
    ).toBe(200)
    expect(sentModel()).toBe('gpt-4.1')

    await world.ctx.defaults.set('chat', null)
    const none = await post(world, '/v1/chat/completions', token, chat('default:largeContext'))
    expect(none.status).toBe(404)
    expect(await errorOf(none)).toMatchObject({
      code: 'model_not_found',
      message: unset('largeContext', ' (nor chat, which it falls back to)'),
    })
    // Anthropic's route answers Anthropic's error envelope, with the same code and text.
    const msg = await post(world, '/v1/messages', token, { ...chat('default:chat'), max_tokens: 5 })
    expect(msg.status).toBe(404)
    expect(await msg.json()).toMatchObject({
      type: 'error',
      error: { code: 'model_not_found', message: unset('chat') },
    })
    // A name that is no slot is still just an unknown model.
    const bogus = await post(world, '/v1/chat/completions', token, chat('default:nosuch'))
    expect((await errorOf(bogus)).message).toBe('No registered model is named "default:nosuch".')
  })
})
