/**
 * Every IPC channel of the contract, fuzzed with fast-check through the real dispatcher over a
 * real app context on a temp data directory (issue 11, "fuzz the ways in"). Payloads are hostile:
 * wrong types, huge strings, `__proto__` / `constructor` keys, deep nesting, NaN and Infinity.
 * For bad input the answer is always a `validation` envelope (never `internal`, never a throw),
 * it does not echo the payload, nothing is polluted and the store file's bytes do not change.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames, channels, type ChannelName } from '../../../src-preload/contract'
import { parseUntrusted } from '../../../src-preload/contract/parse-untrusted'
import { createAppContext, type AppContext } from '../../../src-main/app-context'
import { type Dispatch } from '../../../src-main/ipc/dispatch'
import { closedPort } from '../../fixtures/local-servers'
import { tmpHome } from '../../support/home'
import { OWN, ownDispatch } from '../../support/ipc-harness'
import { UNCONVERTIBLE } from '../../support/unconvertible'

const RUNS = 40

/** A value nested `depth` levels deep, alternating objects and arrays. */
function nest(depth: number): unknown {
  let v: unknown = 'bottom'
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}

const HUGE = 'x'.repeat(200_000)
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => s.replace(/^\//, 'x')), // never an absolute path
  fc.constantFrom(
    HUGE,
    '',
    '__proto__',
    'constructor',
    'prototype',
    'a\u0000b',
    '\u001b]0;pwned\u0007\u001b[2J',
    'line\r\nbreak',
    '$(touch pwned)`id`',
    'javascript:alert(1)',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd20:ce::254]/',
    '../../../../etc/passwd',
    '\ud800', // a lone surrogate
  ),
)
const hostileNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -1, 2 ** 53 + 2, 1e308),
  fc.double(),
  fc.integer(),
)
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown,
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as unknown,
  JSON.parse('{"__proto__":[1,2],"id":"x"}') as unknown,
)
const deep = fc.constantFrom(64, 1000, 10_000).map(nest)
const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'),
)
const { hostile } = fc.letrec((tie) => ({
  hostile: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileNumber,
    fc.constantFrom(null, undefined, true, false, 10n),
    pollution,
    deep,
    fc.constantFrom(...UNCONVERTIBLE),
    fc.array(tie('hostile'), { maxLength: 4 }),
    fc.dictionary(key, tie('hostile'), { maxKeys: 4 }),
  ),
}))

/** The request schema's own field names (strict objects), so payloads hit the real fields. */
function fieldsOf(channel: ChannelName): string[] {
  const shape = (channels[channel].request as unknown as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape) : []
}

/** Objects with the channel's own keys holding hostile values (sometimes one key dropped). */
function shaped(channel: ChannelName) {
  const fields = fieldsOf(channel)
  if (!fields.length) return hostile
  return fc.record(Object.fromEntries(fields.map((f) => [f, hostile])), { requiredKeys: [] })
}

let home: string
let app: AppContext
let dispatch: Dispatch
let storeFile: string

beforeAll(async () => {
  home = tmpHome('sb-ipc-fuzz-')
  const closed = await closedPort()
  app = createAppContext({
    home,
    env: {
      SWITCHBOARD_HOME: home,
      SWITCHBOARD_ENCRYPTION_KEY: 'fuzz passphrase',
      SWITCHBOARD_DETECT_DEFAULTS: '0',
      OLLAMA_HOST: closed,
    },
  })
  dispatch = ownDispatch(app)
  // Something real in the store, so "unchanged" compares real bytes.
  const created = await dispatch(
    'credentials:create',
    {
      provider: 'openai_compatible',
      name: 'Fuzz target',
      baseUrl: `${closed}/v1`,
      apiKey: 'sk-fuzz-key-0000',
    },
    OWN,
  )
  expect(created.ok).toBe(true)
  storeFile = path.join(home, 'switchboard.json')
  expect(fs.existsSync(storeFile)).toBe(true)
})
afterAll(() => fs.rmSync(home, { recursive: true, force: true }))

const isBad = (channel: ChannelName, payload: unknown) =>
  !parseUntrusted(channels[channel].request, payload ?? {}).success

describe('IPC fuzz: bad input on every channel', () => {
  it.each(channelNames.map((c) => [c]))('%s', async (channel) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostile, shaped(channel)).filter((p) => isBad(channel, p)),
        async (payload) => {
          const before = fs.readFileSync(storeFile)
          const res = await dispatch(channel, payload, OWN)
          expect(res).toMatchObject({ ok: false, error: { code: 'validation' } })
          // The answer names a field and an issue; it never carries the payload back.
          expect(JSON.stringify(res).length).toBeLessThan(2_000)
          expect(fs.readFileSync(storeFile).equals(before)).toBe(true)
        },
      ),
      { numRuns: RUNS },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
  })
})

// Each field of each channel, in turn, holding a value that cannot become a number or a string:
// zod's length and pattern checks threw on these (110 field/value pairs), so the dispatcher
// rejected its promise instead of answering. Every pair, not a sample.
describe('IPC: values that cannot become text', () => {
  it.each(channelNames.map((c) => [c]))(
    '%s: a validation answer, nothing stored',
    async (channel) => {
      const before = fs.readFileSync(storeFile)
      for (const field of fieldsOf(channel)) {
        for (const value of UNCONVERTIBLE) {
          const res = await dispatch(channel, { [field]: value }, OWN)
          expect(res).toMatchObject({ ok: false, error: { code: 'validation' } })
        }
      }
      expect(fs.readFileSync(storeFile).equals(before)).toBe(true)
    },
  )
})

// Calls that pass the schema run their handler for real; a valid call to these writes the store
// by design (a rotation, a test-all that saves results as they arrive), so only bad input above.
const WRITES_WHEN_VALID = new Set<string>(['vault:rotate', 'credentials:testAll'])

describe('IPC fuzz: hostile values in the right fields', () => {
  it.each(channelNames.filter((c) => !WRITES_WHEN_VALID.has(c)).map((c) => [c]))(
    '%s: never internal, nothing stored on refusal',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(shaped(channel), async (payload) => {
          const before = fs.readFileSync(storeFile)
          const res = await dispatch(channel, payload, OWN)
          if (!res.ok) {
            expect([channel, res.error.code]).not.toEqual([channel, 'internal'])
            expect(fs.readFileSync(storeFile).equals(before)).toBe(true)
          }
        }),
        { numRuns: 15 },
      )
    },
  )
})
