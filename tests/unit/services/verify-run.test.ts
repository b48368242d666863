/**
 * One verification run of an embedding, TTS or STT model (src-main/services/verify-run.ts) over
 * a scripted adapter: `done` carries the dimensions, a playable clip or the transcript; an
 * answer that is not what was asked is a server_error; a failed model test keeps its code (an
 * unknown one becomes server_error); and no text from the provider reaches an event or error
 * with the credential's key in it. The streamed chat path is driven end to end by
 * tests/integration/verify/.
 */
import { describe, expect, it } from 'vitest'
import { getProvider } from '../../../src-main/providers/catalog'
import type { ModelTestOutcome, ProviderAdapter } from '../../../src-main/providers/adapter-types'
import { runVerification } from '../../../src-main/services/verify-run'
import type { StoredModel } from '../../../src-main/store/schema'
import type { VerifyEvent } from '../../../src-preload/contract/verify'

const KEY = 'sk-verify-run-SECRET-0123456789'

function run(type: StoredModel['type'], outcome: ModelTestOutcome) {
  const events: VerifyEvent[] = []
  const adapter = { modelTest: async () => outcome } as unknown as ProviderAdapter
  const done = runVerification({
    model: {
      id: 'm',
      name: 'model-x',
      provider: 'openai',
      type,
      credentialId: 'c',
      createdAt: '',
    },
    cred: { id: 'c', provider: 'openai', apiKey: KEY } as never,
    secrets: [KEY],
    entry: getProvider('openai'),
    adapter,
    ctx: {} as never,
    prompt: 'hi',
    emit: (e) => void events.push(e),
    elapsed: () => 7,
  })
  return { done, events }
}

const ok = (result: ModelTestOutcome['result']): ModelTestOutcome => ({
  ok: true,
  code: 'ok',
  message: 'ok',
  result,
  latencyMs: 42,
})
const wav = () => {
  const b = Buffer.alloc(44)
  b.write('RIFF', 0)
  b.write('WAVE', 8)
  return new Uint8Array(b)
}

describe('runVerification (embedding, speech)', () => {
  it("reports an embedding's dimensions", async () => {
    const r = await run('embedding', ok({ dimensions: 1536 }))
    await r.done
    expect(r.events).toEqual([
      expect.objectContaining({ kind: 'done', dimensions: 1536, latencyMs: 42 }),
    ])
  })

  it('refuses an answer that is not what was asked', async () => {
    await expect((await run('embedding', ok({}))).done).rejects.toMatchObject({
      code: 'server_error',
      params: { reason: 'invalid_body' },
    })
    const junk = ok({ audio: { mime: 'audio/mpeg', data: new Uint8Array([1, 2, 3]) } })
    await expect((await run('text_to_speech', junk)).done).rejects.toMatchObject({
      code: 'server_error',
    })
  })

  it('hands on a clip that plays', async () => {
    const r = await run('text_to_speech', ok({ audio: { mime: 'audio/wav', data: wav() } }))
    await r.done
    expect(r.events[0]).toMatchObject({ kind: 'done', audio: { mime: 'audio/wav' } })
  })

  it('scrubs the key from a transcript and from a failure message', async () => {
    const r = await run('speech_to_text', ok({ transcript: `the key is ${KEY}` }))
    await r.done
    expect(r.events[0]).toMatchObject({ kind: 'done' })
    expect(JSON.stringify(r.events)).not.toContain(KEY)

    const failed = await run('speech_to_text', {
      ok: false,
      code: 'auth_invalid',
      message: `Incorrect API key provided: ${KEY}`,
    })
    const err = await failed.done.catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'auth_invalid' })
    expect((err as Error).message).not.toContain(KEY)
    expect(failed.events).toEqual([])
  })

  it('reports a failure code it does not know as server_error', async () => {
    const r = await run('embedding', { ok: false, code: 'ok_weird' as never, message: 'x' })
    await expect(r.done).rejects.toMatchObject({ code: 'server_error' })
  })
})
