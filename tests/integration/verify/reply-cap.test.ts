/**
 * The verification check shows at most MAX_REPLY_CHARS (16,000) characters of a streamed reply
 * (src-main/services/verify-run.ts): a longer reply is cut at exactly that many characters, the
 * rest is read to its end but not shown, and the run still ends `done` with the tokens the
 * provider reported in its last chunk. The fake is OpenAI's streamed chat
 * (tests/fixtures/openai-server.ts, frames from openai-compat-shapes.ts).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_REPLY_CHARS } from '../../../src-main/services/verify-run'
import { startOpenAiServer } from '../../fixtures/openai-server'
import { check, cleanWorlds, endOf, track, worldOn } from './helpers'

const KEY = 'sk-proj-REPLYCAP0123456789abcdefXYZ'
afterEach(cleanWorlds)

async function world() {
  const server = track(await startOpenAiServer({ key: KEY }))
  return worldOn(
    server,
    { provider: 'openai', name: 'Fake', baseUrl: server.url, apiKey: KEY },
    { name: 'gpt-4o-mini', type: 'language' },
  )
}

/**
 * `count` pieces of 300 characters, each distinct, so a cut in the wrong place shows; 300 does
 * not divide 16,000, so the cap falls inside a piece (chars 15,900–16,200 of the 54th).
 */
const pieces = (count: number, size = 300) =>
  Array.from({ length: count }, (_, i) => `[${String(i).padStart(3, '0')}]`.padEnd(size, '.'))

describe('verify: the reply cap', () => {
  it('is 16,000 characters', () => {
    expect(MAX_REPLY_CHARS).toBe(16_000)
  })

  it('cuts a 20,100-character reply at the cap and still ends done with the usage', async () => {
    const w = await world()
    w.server.streaming.pieces = pieces(67)
    const full = w.server.streaming.pieces.join('')
    expect(full.length).toBe(20_100)
    const run = await check(w.h, w.target)
    expect(run.text).toBe(full.slice(0, MAX_REPLY_CHARS))
    // The last piece shown is the one the cap falls in, cut; nothing after it is sent.
    const deltas = run.events.filter((e) => e.kind === 'delta')
    expect(deltas.at(-1)).toEqual({ kind: 'delta', text: full.slice(15_900, MAX_REPLY_CHARS) })
    expect(endOf(run.events)).toMatchObject({ kind: 'done', tokens: { input: 12, output: 67 } })
    // The whole stream was read to its usage chunk (the fake counts one output token per piece,
    // all 67), in one request: the cap hides the rest, it does not abandon the stream.
    expect(w.server.requests).toHaveLength(1)
  })

  it('shows a reply of exactly the cap whole', async () => {
    const w = await world()
    w.server.streaming.pieces = pieces(40, 400)
    const run = await check(w.h, w.target)
    expect(run.text).toBe(w.server.streaming.pieces.join(''))
    expect(run.text).toHaveLength(MAX_REPLY_CHARS)
    expect(endOf(run.events)).toMatchObject({ kind: 'done' })
  })
})
