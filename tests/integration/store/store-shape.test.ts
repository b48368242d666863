/**
 * A store file that parses but has the wrong types (issue 11) is set aside and reported as
 * `store_corrupt` naming the copy — by the store and by every CLI command — instead of bricking
 * every command with `internal`. The copy keeps the original bytes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppError } from '../../../src-main/errors'
import { blankCredential } from '../../../src-main/store/blank-credential'
import { createFileStore, STORE_FILE } from '../../../src-main/store/file-store'
import { runCli } from '../../../src-cli/main'
import { tmpHome } from '../vault/helpers'
import { UNCONVERTIBLE } from '../../support/unconvertible'

const cred = (over: Record<string, unknown> = {}) => ({
  ...blankCredential('openai', {
    id: 'c1',
    name: 'Work',
    isPrimary: true,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
  }),
  ...over,
})
const store = (over: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  salt: '',
  keyCheck: null,
  keySource: null,
  credentials: [cred()],
  models: [],
  defaults: { slots: {}, cleared: [] },
  lastTests: {},
  settings: { language: null, theme: 'system', localTargets: [] },
  ...over,
})

/** Type-broken stores found by the hostile review, and their relatives. */
const BROKEN: [string, unknown][] = [
  ['"credentials": null', store({ credentials: null })],
  ['a null credential', store({ credentials: [null] })],
  ['a numeric salt', store({ salt: 42 })],
  ['a numeric keyCheck', store({ keyCheck: 7 })],
  ['a credential without an id', store({ credentials: [cred({ id: undefined })] })],
  ['an unknown provider', store({ credentials: [cred({ provider: 'nope' })] })],
  ['a numeric name', store({ credentials: [cred({ name: 12 })] })],
  [
    'a sealed secret that is not a string',
    store({ credentials: [cred({ secrets: { apiKey: 1 } })] }),
  ],
  ['secrets: null', store({ credentials: [cred({ secrets: null })] })],
  ['a string numCtx', store({ credentials: [cred({ numCtx: '4096' })] })],
  ['two credentials with one id', store({ credentials: [cred(), cred({ name: 'Twin' })] })],
  [
    'a model of an unknown type',
    store({
      models: [
        {
          id: 'm',
          name: 'x',
          provider: 'openai',
          type: 'video',
          credentialId: 'c1',
          createdAt: '',
        },
      ],
    }),
  ],
  ['models: {}', store({ models: {} })],
  ['a slot holding a number', store({ defaults: { slots: { chat: 5 }, cleared: [] } })],
  ['an unknown cleared slot', store({ defaults: { slots: {}, cleared: ['nope'] } })],
  [
    'a last test without latency',
    store({ lastTests: { c1: { code: 'ok', message: '', at: '' } } }),
  ],
  ['a theme that does not exist', store({ settings: { theme: 'neon' } })],
  ['localTargets: "x"', store({ settings: { localTargets: 'x' } })],
  ['a negative schemaVersion', store({ schemaVersion: -1 })],
  ['a fractional schemaVersion', store({ schemaVersion: 0.5 })],
  ['a string schemaVersion', store({ schemaVersion: '1' })],
  // Made the shape check throw a TypeError (an internal error) instead of failing (session 13).
  ...UNCONVERTIBLE.map((v, i): [string, unknown] => [
    `a name that cannot become text (${i + 1})`,
    store({ credentials: [cred({ name: v })] }),
  ]),
  ['a salt that cannot become text', store({ salt: UNCONVERTIBLE[0] })],
]

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (err) {
    return err as AppError
  }
  throw new Error('expected a failure')
}

const copies = (home: string) =>
  fs.readdirSync(home).filter((n) => n.startsWith(`${STORE_FILE}.corrupt-`))

describe('store shape', () => {
  for (const [label, doc] of BROKEN) {
    it(`sets aside a store with ${label} as store_corrupt, bytes kept`, async () => {
      const home = tmpHome()
      const file = path.join(home, STORE_FILE)
      const bytes = JSON.stringify(doc, null, 1)
      fs.writeFileSync(file, bytes)
      const err = await failure(createFileStore(home).read())
      expect(err.code).toBe('store_corrupt')
      const [copy] = copies(home)
      expect(copy).toBeDefined()
      expect(err.params).toEqual({ file: path.join(home, copy!) })
      expect(err.message).toContain(path.join(home, copy!))
      expect(fs.readFileSync(path.join(home, copy!), 'utf8')).toBe(bytes)
      // The next command starts from an empty store instead of failing again.
      expect((await createFileStore(home).read()).credentials).toEqual([])
    })
  }

  it('refuses a broken store inside update too, and writes nothing', async () => {
    const home = tmpHome()
    const bytes = JSON.stringify(store({ credentials: [null] }))
    fs.writeFileSync(path.join(home, STORE_FILE), bytes)
    const err = await failure(createFileStore(home).update((d) => void d.credentials.push()))
    expect(err.code).toBe('store_corrupt')
    expect(fs.existsSync(path.join(home, STORE_FILE))).toBe(false)
    expect(fs.readFileSync(path.join(home, copies(home)[0]!), 'utf8')).toBe(bytes)
  })

  it('never overwrites an earlier set-aside copy', async () => {
    const home = tmpHome()
    const clock = () => new Date('2030-01-02T03:04:05.678Z')
    for (const salt of [1, 2]) {
      fs.writeFileSync(path.join(home, STORE_FILE), JSON.stringify(store({ salt })))
      await failure(createFileStore(home, { clock }).read())
    }
    const kept = copies(home).map((n) => fs.readFileSync(path.join(home, n), 'utf8'))
    expect(kept.map((t) => JSON.parse(t).salt).sort()).toEqual([1, 2])
  })

  it('fills fields an older or hand-written file lacks, and keeps fields it does not know', async () => {
    const home = tmpHome()
    const file = path.join(home, STORE_FILE)
    const lean = { id: 'c1', provider: 'groq', name: 'Lean', createdAt: 'a', updatedAt: 'a' }
    fs.writeFileSync(
      file,
      JSON.stringify({ schemaVersion: 1, credentials: [lean], futureField: { kept: true } }),
    )
    const s = createFileStore(home)
    const data = await s.read()
    expect(data.credentials[0]).toMatchObject({ baseUrl: null, secrets: {}, isPrimary: false })
    await s.update((d) => void (d.settings.theme = 'light'))
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).futureField).toEqual({ kept: true })
  })

  it('every CLI command reports store_corrupt naming the copy, not internal', async () => {
    for (const args of [['list'], ['models'], ['defaults'], ['show', 'c1'], ['vault', 'status']]) {
      const home = tmpHome()
      fs.writeFileSync(path.join(home, STORE_FILE), JSON.stringify(store({ credentials: null })))
      const out: string[] = []
      const code = await runCli(
        ['--json', ...args],
        {
          out: (t) => out.push(t),
          err: () => undefined,
          readStdin: async () => '',
          env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'shape test passphrase' },
        },
        { version: '0.0.0-test' },
      )
      const body = JSON.parse(out.join('')) as { error: { code: string; message: string } }
      expect(body.error.code, args.join(' ')).toBe('store_corrupt')
      expect(body.error.message).toContain(path.join(home, copies(home)[0]!))
      expect(code).toBe(1)
    }
  })
})
