/**
 * Issue 13: "a test proves no secret reaches the log". A real app context and the real
 * dispatcher with the app's logging wiring: a key is added (so the vault knows it), then a
 * handler fails with an error that carries the key in several encodings. The log file and the
 * IPC answer say what failed and where, and never the key.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppContext } from '../../../src-main/app-context'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { AppError } from '../../../src-main/errors'
import { OWN, ownDispatch } from '../../support/ipc-harness'
import { tmpHome } from '../../support/home'

const KEY = 'sk-proj-LogTestSecretValue0123456789abcdef'
const MASTER = 'log test master passphrase'

function setup(fail: (secret: string) => Error) {
  const home = tmpHome('sb-log-ipc-')
  const app = createAppContext({ home, env: { SWITCHBOARD_ENCRYPTION_KEY: MASTER } })
  const handlers = createHandlers(app)
  const dispatch = ownDispatch(app, {
    ...handlers,
    'app:info': () => {
      throw fail(KEY)
    },
  })
  const logText = () => {
    const file = path.join(home, 'logs', 'main.log')
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  }
  return { app, dispatch, logText }
}

const encodings = (s: string) => [
  s,
  Buffer.from(s).toString('base64'),
  Buffer.from(`user:${s}`).toString('base64'),
  encodeURIComponent(s),
  Buffer.from(s).toString('hex'),
]

describe('no secret reaches the log', () => {
  it('an unexpected failure is logged with its channel, scrubbed of a key the vault sealed', async () => {
    const { dispatch, logText } = setup(
      (k) => new TypeError(`upstream said ${encodings(k).join(' | ')}`),
    )
    const added = await dispatch(
      'credentials:create',
      { provider: 'openai', name: 'work', apiKey: KEY },
      OWN,
    )
    expect(added.ok).toBe(true)
    const res = await dispatch('app:info', {}, OWN)
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } })
    const log = logText()
    expect(log).toContain('error ipc: handler failed')
    expect(log).toContain('"channel":"app:info"')
    for (const form of [...encodings(KEY), MASTER]) {
      expect(log).not.toContain(form)
      expect(JSON.stringify(res)).not.toContain(form)
    }
  })

  it('a key opened (not sealed) by this process is scrubbed too', async () => {
    const first = setup(() => new Error('unused'))
    await first.dispatch('credentials:create', { provider: 'openai', name: 'w', apiKey: KEY }, OWN)
    // A second process over the same folder: it never sealed the key, it opens it for `env`.
    const home = first.app.home
    const app = createAppContext({ home, env: { SWITCHBOARD_ENCRYPTION_KEY: MASTER } })
    const exported = await app.envExport.variables()
    expect(JSON.stringify(exported)).toContain(KEY)
    const dispatch = ownDispatch(app, {
      ...createHandlers(app),
      'app:info': () => {
        throw new RangeError(`bad ${KEY}`)
      },
    })
    await dispatch('app:info', {}, OWN)
    const log = fs.readFileSync(path.join(home, 'logs', 'main.log'), 'utf8')
    expect(log).toContain('handler failed')
    expect(log).not.toContain(KEY)
  })

  it('a coded outcome is not a fault: nothing is written at the default level', async () => {
    const { dispatch, logText } = setup(() => new AppError('not_found', 'No such thing.'))
    const res = await dispatch('app:info', {}, OWN)
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(logText()).toBe('')
  })
})
