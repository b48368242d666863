/**
 * The checks every streaming provider's verification test makes, over a world from ./helpers.ts
 * and a recording fake (tests/fixtures/recording-server.ts): what a good stream shows, that an
 * echoed secret never reaches the renderer, and that the failures a stream can have end the run
 * with their codes.
 */
import { expect } from 'vitest'
import type { VerifyEvent, VerifyTokens } from '../../../src-preload/contract/verify'
import type { VerifyService } from '../../../src-main/services/verify-model'
import { DEFAULT_PIECES, type FakeMode, type FakeStreaming } from '../../fixtures/recording-server'
import { check, endOf, type verifyWorld } from './helpers'

type World = Awaited<ReturnType<typeof verifyWorld>> & {
  server: { mode: FakeMode; streaming: FakeStreaming }
  target: { credentialId: string; modelId: string }
}

/**
 * A good run: `started`, `firstToken` before any piece, the fake's pieces in order as the reply,
 * `done` with the first-token and total latency and the tokens the provider reported.
 */
export function expectStreamed(
  run: { events: VerifyEvent[]; text: string },
  tokens: VerifyTokens | null,
): void {
  const { events, text } = run
  expect(events[0]).toMatchObject({ kind: 'started', modelType: 'language' })
  expect(events[1]).toMatchObject({ kind: 'firstToken', latencyMs: expect.any(Number) })
  expect(events.slice(2, -1).every((e) => e.kind === 'delta')).toBe(true)
  expect(text).toBe(DEFAULT_PIECES.join(''))
  const done = endOf(events)
  expect(done).toMatchObject({
    kind: 'done',
    tokens,
    dimensions: null,
    transcript: null,
    audio: null,
  })
  if (done.kind !== 'done') return
  expect(done.firstTokenMs).toBe((events[1] as { latencyMs: number }).latencyMs)
  expect(done.latencyMs).toBeGreaterThanOrEqual(done.firstTokenMs!)
}

/** The secret, written by `encode`, echoed inside the reply (split in two pieces) is redacted. */
export async function expectEchoRedacted(
  w: World,
  secret: string,
  encode: (s: string) => string,
  via?: VerifyService,
): Promise<void> {
  w.server.streaming.echoSecret = true
  w.server.streaming.echoAs = encode
  try {
    const { events, text } = await check(w.h, w.target, undefined, via)
    expect(endOf(events)).toMatchObject({ kind: 'done' })
    expect(text).toContain('[redacted]')
    const everything = JSON.stringify(w.h.events) + w.h.outputs.join('')
    expect(everything).not.toContain(secret)
    expect(everything).not.toContain(encode(secret))
  } finally {
    w.server.streaming.echoSecret = false
    delete w.server.streaming.echoAs
  }
}

/**
 * The failures, one run each: the key refused (`codes.unauthorized`), a 429 (`server_error`,
 * reason `rate_limited`: the key works; not for a local server, `rateLimit: false`), a frame that is not the provider's JSON (`invalid_body`)
 * and a connection cut before the end (`network`). Each run shows no reply it did not get.
 */
export async function expectFailures(
  w: World,
  codes: { unauthorized: string; rateLimit?: false },
  via?: VerifyService,
): Promise<void> {
  const run = () => check(w.h, w.target, undefined, via)
  const st = w.server.streaming
  try {
    w.server.mode = 'unauthorized'
    const refused = await run()
    expect(endOf(refused.events)).toMatchObject({
      kind: 'failed',
      error: { code: codes.unauthorized },
    })
    expect(refused.text).toBe('')
    if (codes.rateLimit !== false) {
      w.server.mode = 'rate_limited'
      expect(endOf((await run()).events)).toMatchObject({
        kind: 'failed',
        error: { code: 'server_error', params: { reason: 'rate_limited' } },
      })
    }
    w.server.mode = 'ok'
    st.garbage = true
    expect(endOf((await run()).events)).toMatchObject({
      kind: 'failed',
      error: { code: 'server_error', params: { reason: 'invalid_body' } },
    })
    st.garbage = false
    st.cutAfter = 2
    const cut = await run()
    expect(endOf(cut.events)).toMatchObject({ kind: 'failed', error: { code: 'network' } })
    expect(cut.text.length).toBeLessThan(DEFAULT_PIECES.join('').length)
  } finally {
    w.server.mode = 'ok'
    st.garbage = false
    st.cutAfter = null
  }
}

/**
 * The provider's own error event inside a 200 stream (overloaded, internal) ends the run as
 * `server_error`, reason `stream_error`, with the provider's words.
 */
export async function expectErrorEvent(
  w: World,
  words: string,
  via?: VerifyService,
): Promise<void> {
  w.server.streaming.failMidway = true
  try {
    const end = endOf((await check(w.h, w.target, undefined, via)).events)
    expect(end).toMatchObject({
      kind: 'failed',
      error: { code: 'server_error', params: { reason: 'stream_error' } },
    })
    expect(JSON.stringify(end)).toContain(words)
  } finally {
    w.server.streaming.failMidway = false
  }
}
