/**
 * Hostile provider replies for the adapter tests: each route of a fake provider answers its
 * documented body (the test files cite the docs) with a few fields, at any depth, swapped for a
 * value that cannot become text or a number (tests/support/unconvertible.ts) or for other junk,
 * or answers an error status with the provider's error body treated the same way. The fake sits
 * behind an in-memory guarded fetch, so the adapters run their real code from `fetch` on, and
 * the checks say what an adapter makes of any of it: a coded outcome or AppError, a listing
 * whose entries are well typed, never a TypeError (an `internal` error, or "unexpected failure").
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import { AppError } from '../../../../src-main/errors'
import type {
  AdapterContext,
  DecryptedCredential,
  GuardedFetch,
  ModelTestOutcome,
  ProviderAdapter,
  TestOutcome,
} from '../../../../src-main/providers/adapter-types'
import { getProvider } from '../../../../src-main/providers/catalog'
import type { ProviderId } from '../../../../src-main/providers/catalog-types'
import type { ModelType } from '../../../../src-preload/contract/models-shared'
import { UNCONVERTIBLE } from '../../../support/unconvertible'

/** A route's answer: a status and a JSON body (or audio bytes). */
export interface Reply {
  status: number
  body: unknown
}

/** A fake provider: the documented 2xx body per path ending, and its error body. */
export interface FakeApi {
  routes: Record<string, unknown>
  error: unknown
}

/**
 * UNCONVERTIBLE's values break code that reads their `length` (`v.length > 3`); their `length`
 * values themselves break `${v}`, String(v), a join or a regex test.
 */
export const CANNOT_CONVERT: readonly unknown[] = [
  ...UNCONVERTIBLE,
  ...UNCONVERTIBLE.map((v) => (v as { length: unknown }).length),
]

const JUNK: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CANNOT_CONVERT) },
  { weight: 2, arbitrary: fc.constantFrom(null, 0, -1, 1e308, '', 'x', true, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
)

type Path = (string | number)[]

const copy = (v: unknown): unknown => (v === undefined ? v : JSON.parse(JSON.stringify(v)))

/** Every path into `v` (object keys and array indexes), parents before children. */
function pathsOf(v: unknown, at: Path = []): Path[] {
  const out: Path[] = at.length ? [at] : []
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])))
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]))
  return out
}

function withValue(root: unknown, path: Path, value: unknown): unknown {
  let node = root as Record<string | number, unknown>
  for (const k of path.slice(0, -1)) {
    const next = node?.[k]
    // A parent already swapped for junk: the child is gone with it.
    if (!next || typeof next !== 'object') return root
    node = next as Record<string | number, unknown>
  }
  node[path[path.length - 1]!] = value
  return root
}

/** `template` as it came, with one to three fields swapped for junk, or wholly junk. */
export function near(template: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(template)
  const swapped = fc
    .subarray(paths, { minLength: 1, maxLength: Math.min(3, paths.length) })
    .chain((chosen) =>
      fc.tuple(...chosen.map(() => JUNK)).map((vs) =>
        chosen.reduce(
          // Copies: a shared junk value set at two paths, then into, would make a cycle.
          (acc, p, i) => withValue(acc, p, copy(vs[i])),
          copy(template),
        ),
      ),
    )
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(template) },
    { weight: paths.length ? 6 : 0, arbitrary: paths.length ? swapped : fc.constant(template) },
    { weight: 1, arbitrary: JUNK },
  )
}

const ERROR_STATUSES = [400, 401, 402, 403, 404, 405, 429, 500, 503]

/** A reply per route: mostly its 2xx body near the documented one, else an error near `error`. */
export function world(api: FakeApi): fc.Arbitrary<Record<string, Reply>> {
  const reply = (body: unknown): fc.Arbitrary<Reply> =>
    body instanceof Uint8Array
      ? fc.constant({ status: 200, body })
      : fc.oneof(
          { weight: 4, arbitrary: near(body).map((b) => ({ status: 200, body: b })) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.constantFrom(...ERROR_STATUSES), near(api.error))
              .map(([status, b]) => ({ status, body: b })),
          },
        )
  return fc.record(Object.fromEntries(Object.entries(api.routes).map(([k, v]) => [k, reply(v)])))
}

/**
 * A guarded fetch answering from `replies` by the longest path ending that fits (`exact`: only
 * the very path, for servers whose routes end alike); else 404.
 */
export function fakeFetch(replies: Record<string, Reply>, exact = false): GuardedFetch {
  const keys = Object.keys(replies).sort((a, b) => b.length - a.length)
  return async (url) => {
    const path = new URL(String(url)).pathname
    const key = keys.find((k) => (exact ? path === k : path.endsWith(k)))
    const r = key ? replies[key]! : { status: 404, body: { error: 'not found' } }
    if (r.body instanceof Uint8Array) {
      const audio = new Uint8Array(r.body)
      return new Response(audio, { status: r.status, headers: { 'content-type': 'audio/mpeg' } })
    }
    return new Response(JSON.stringify(r.body), {
      status: r.status,
      headers: { 'content-type': 'application/json' },
    })
  }
}

/** A context for `provider` over the fake, with a speech clip for speech-to-text tests. */
export function hostileCtx(provider: ProviderId, replies: Record<string, Reply>): AdapterContext {
  return {
    entry: getProvider(provider),
    fetch: fakeFetch(replies),
    sttClip: async () => Buffer.from('RIFF0000WAVEfmt '),
  }
}

/** What a TypeError's message looks like when it leaks into an outcome or an error. */
export const LEAK =
  /unexpected failure|cannot convert|is not a function|cannot read propert|is not iterable|cannot use 'in'|of null|of undefined/i
const TYPES: readonly ModelType[] = ['language', 'embedding', 'text_to_speech', 'speech_to_text']

const isPlain = (v: unknown) => ['string', 'number', 'boolean', 'undefined'].includes(typeof v)

function expectCoded(o: { message: string; params?: Record<string, unknown> }): void {
  expect(typeof o.message).toBe('string')
  expect(o.message).not.toMatch(LEAK)
  for (const v of Object.values(o.params ?? {})) expect(isPlain(v)).toBe(true)
}

/** A connection test: an outcome with a coded message and plain params, never a throw. */
export function expectTestOutcome(o: TestOutcome): void {
  expectCoded(o)
  if (o.hint !== undefined) expect(typeof o.hint).toBe('string')
  for (const v of [o.details?.credit, o.limits?.credit, o.details?.modelCount]) {
    if (v !== undefined && v !== null) expect(Number.isFinite(v)).toBe(true)
  }
}

/** A discovery: well-typed models, or an AppError that says what went wrong. */
export async function expectDiscovery(run: () => Promise<unknown[]>): Promise<void> {
  let models: unknown[]
  try {
    models = await run()
  } catch (err) {
    expect(err).toBeInstanceOf(AppError)
    expectCoded(err as AppError)
    return
  }
  for (const raw of models) {
    const m = raw as Record<string, unknown>
    expect(typeof m.name === 'string' && m.name !== '', JSON.stringify(m)).toBe(true)
    expect(TYPES).toContain(m.type)
    if (m.displayName !== undefined) expect(typeof m.displayName).toBe('string')
    for (const k of ['contextLength', 'sizeBytes']) {
      if (m[k] !== undefined) expect(Number.isFinite(m[k]) && (m[k] as number) >= 0).toBe(true)
    }
    if (m.loaded !== undefined) expect(typeof m.loaded).toBe('boolean')
  }
}

/** A model test: a coded outcome; a passed one carries well-typed results. */
export function expectModelTest(o: ModelTestOutcome): void {
  expectCoded(o)
  const r = o.result
  if (!r) return
  for (const k of ['reply', 'transcript'] as const) {
    if (r[k] !== undefined) expect(typeof r[k]).toBe('string')
  }
  for (const k of ['dimensions', 'bytes'] as const) {
    if (r[k] !== undefined) expect(Number.isFinite(r[k]) && r[k]! > 0).toBe(true)
  }
  if (r.audio) expect(typeof r.audio.mime).toBe('string')
}

/** Runs test, discovery and each model test of `adapter` against hostile replies of `api`. */
export async function assertAdapterCopes(spec: {
  provider: ProviderId
  adapter: ProviderAdapter
  cred: DecryptedCredential
  api: FakeApi
  models?: { name: string; type: ModelType }[]
  numRuns?: number
}): Promise<void> {
  await fc.assert(
    fc.asyncProperty(world(spec.api), async (replies) => {
      const ctx = hostileCtx(spec.provider, replies)
      expectTestOutcome(await spec.adapter.test(spec.cred, ctx))
      await expectDiscovery(() => spec.adapter.discover(spec.cred, ctx))
      for (const model of spec.models ?? []) {
        expectModelTest(await spec.adapter.modelTest(spec.cred, model, ctx))
      }
    }),
    { numRuns: spec.numRuns ?? 150 },
  )
}

/** A credential for `provider` at the fake (any host: the fetch is in memory). */
export const credFor = (
  provider: ProviderId,
  extra: Partial<DecryptedCredential> = {},
): DecryptedCredential => ({
  id: `hostile-${provider}`,
  provider,
  name: 'Hostile',
  baseUrl: 'http://127.0.0.1:9',
  apiKey: 'sk-hostile-0123456789abcdef',
  ...extra,
})
