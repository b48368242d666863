/**
 * The verification check of models that do not chat (issue 16), through the real IPC handlers
 * against the fakes: an embedding model answers its vector's dimensions, a TTS model a clip the
 * panel can play (the exact mime and bytes it gets), an STT model the transcript of the bundled
 * clip (which is what the fake received). And the deadline: a run whose provider never answers
 * ends with `timeout` (a short deadline injected; no time is asserted).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { VerifyEvent } from '../../../src-preload/contract/verify'
import { STT_CLIP_FILE } from '../../../src-main/services/stt-clip'
import { startGoogleServer } from '../../fixtures/google-server'
import { startOpenAiServer } from '../../fixtures/openai-server'
import {
  check,
  cleanWorlds,
  track,
  directVerify,
  endOf,
  until,
  verifyWorld,
  worldOn,
} from './helpers'

const KEY = 'sk-proj-VERIFYKEY0123456789abcdefXYZ'
const GOOGLE_KEY = 'AIzaSyVERIFYkey0123456789abcdefghijklmn'
afterEach(cleanWorlds)

async function openAiWorld(model: { name: string; type: string }, dimensions?: number) {
  const server = await startOpenAiServer({ key: KEY, ...(dimensions ? { dimensions } : {}) })
  track(server)
  return worldOn(
    server,
    { provider: 'openai', name: 'OpenAI', baseUrl: server.url, apiKey: KEY },
    model,
  )
}

/** A one-shot run: started, then done — no first token, no pieces. */
function doneOf(events: VerifyEvent[]) {
  expect(events.map((e) => e.kind)).toEqual(['started', 'done'])
  const done = endOf(events)
  if (done.kind !== 'done') throw new Error('not done')
  expect(done).toMatchObject({ firstTokenMs: null, tokens: null, latencyMs: expect.any(Number) })
  return done
}

describe('verify: embedding, TTS and STT models', () => {
  it('an embedding model answers its dimensions', async () => {
    const w = await openAiWorld({ name: 'text-embedding-3-large', type: 'embedding' }, 3072)
    const done = doneOf((await check(w.h, w.target)).events)
    expect(done).toMatchObject({ dimensions: 3072, audio: null, transcript: null })
    expect(w.server.requests.at(-1)!.path).toBe('/v1/embeddings')
  })

  it('a TTS model answers a clip the panel can play: the fake’s MP3 bytes, as audio/mpeg', async () => {
    const w = await openAiWorld({ name: 'tts-1', type: 'text_to_speech' })
    const done = doneOf((await check(w.h, w.target)).events)
    expect(done.audio?.mime).toBe('audio/mpeg')
    const data = Buffer.from(done.audio!.data)
    // tests/fixtures/openai-server.ts AUDIO: an ID3 tag, then 2048 bytes.
    expect(data.length).toBe(3 + 2048)
    expect(data.subarray(0, 3).toString('latin1')).toBe('ID3')
    expect(done.audio!.data.constructor).toBe(Uint8Array)
  })

  it('Gemini TTS’s raw PCM reaches the panel as a WAV at the rate its MIME type named', async () => {
    const server = await startGoogleServer({ key: GOOGLE_KEY })
    track(server)
    const w = await verifyWorld(
      { provider: 'google', name: 'Gemini', baseUrl: server.url, apiKey: GOOGLE_KEY },
      { name: 'gemini-2.5-flash-preview-tts', type: 'text_to_speech' },
    )
    const done = doneOf(
      (await check(w.h, { credentialId: w.credentialId, modelId: w.modelId })).events,
    )
    expect(done.audio?.mime).toBe('audio/wav')
    const wav = Buffer.from(done.audio!.data)
    // The fake's 4800 bytes of audio/L16;codec=pcm;rate=24000 behind a 44-byte header.
    expect(wav.length).toBe(44 + 4800)
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF')
    expect(wav.readUInt32LE(24)).toBe(24000)
  })

  it('an STT model answers the transcript of the bundled clip, which is what it was sent', async () => {
    const w = await openAiWorld({ name: 'whisper-1', type: 'speech_to_text' })
    const done = doneOf((await check(w.h, w.target)).events)
    expect(done).toMatchObject({ transcript: 'Hello there.', audio: null, dimensions: null })
    const sent = w.server.requests.at(-1)!
    expect(sent.path).toBe('/v1/audio/transcriptions')
    const clip = fs.readFileSync(path.join(process.cwd(), 'assets', 'audio', STT_CLIP_FILE))
    expect(sent.body.includes(clip)).toBe(true)
  })

  it('a refused key and a 429 end a one-shot run with their codes, without the key', async () => {
    const w = await openAiWorld({ name: 'tts-1', type: 'text_to_speech' })
    w.server.mode = 'unauthorized'
    expect(endOf((await check(w.h, w.target)).events)).toMatchObject({
      kind: 'failed',
      error: { code: 'auth_invalid' },
    })
    w.server.mode = 'rate_limited'
    expect(endOf((await check(w.h, w.target)).events)).toMatchObject({ kind: 'failed' })
    expect(JSON.stringify(w.h.events) + w.h.outputs.join('')).not.toContain(KEY)
  })
})

describe('verify: the deadline', () => {
  it('a provider that never answers ends the run with `timeout`', async () => {
    const w = await openAiWorld({ name: 'gpt-4o-mini', type: 'language' })
    const via = directVerify(w.h, { timeoutMs: 200 })
    w.server.mode = 'held'
    try {
      const { events } = await check(w.h, w.target, undefined, via)
      expect(endOf(events)).toMatchObject({ kind: 'failed', error: { code: 'timeout' } })
      expect(events.some((e) => e.kind === 'delta')).toBe(false)
    } finally {
      w.server.release()
    }
  })

  it('a stream that stops answering before its end ends with `timeout`', async () => {
    const w = await openAiWorld({ name: 'gpt-4o-mini', type: 'language' })
    const via = directVerify(w.h, { timeoutMs: 500 })
    w.server.streaming.hold = true
    try {
      const { events } = await check(w.h, w.target, undefined, via)
      expect(w.server.streaming.started).toBe(1)
      expect(endOf(events)).toMatchObject({ kind: 'failed', error: { code: 'timeout' } })
    } finally {
      w.server.streaming.hold = false
      await until(() => !w.server.streaming.atHold)
    }
  })
})
