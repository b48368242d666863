import { describe, expect, it } from 'vitest'
import { createAppContext } from '../../src-main/app-context'
import { AppError } from '../../src-main/errors'
import { createDispatcher, isOwnRendererUrl, trustedByIdentity } from '../../src-main/ipc/dispatch'
import { createHandlers } from '../../src-main/ipc/handlers'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { OWN } from '../support/ipc-harness'

function dispatcher(overrides: Record<string, unknown> = {}) {
  const app = createAppContext({
    home: mkdtempSync(path.join(os.tmpdir(), 'sb-')),
    version: '1.2.3',
  })
  const handlers = { ...createHandlers(app), ...overrides } as ReturnType<typeof createHandlers>
  return createDispatcher(handlers, {
    isTrustedSender: (u) => isOwnRendererUrl(u),
    knownSecrets: () => ['sk-test-SECRETSECRETSECRET'],
  })
}

describe('IPC dispatcher', () => {
  it('answers an ok envelope from the handler', async () => {
    const res = await dispatcher()('app:info', {}, OWN)
    expect(res.ok).toBe(true)
    if (res.ok) expect(res.data).toMatchObject({ name: 'Switchboard', version: '1.2.3' })
  })

  it('rejects a malformed payload with a validation envelope and never calls the handler', async () => {
    let called = false
    const d = dispatcher({ 'app:openLink': () => ((called = true), { opened: true }) })
    const res = await d('app:openLink', { url: 42 }, OWN)
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'validation', params: { field: 'url' } },
    })
    const extra = await d('app:info', { surprise: true }, OWN)
    expect(extra).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(called).toBe(false)
  })

  it('refuses a call from a foreign frame', async () => {
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://other/index.html',
      'nonsense',
    ]) {
      const res = await dispatcher()('app:info', {}, url)
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'forbidden_sender' },
      })
    }
  })

  it('refuses an unknown channel', async () => {
    const res = await dispatcher()('vault:dumpEverything', {}, OWN)
    expect(res).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('maps a coded error to its envelope and scrubs secrets from it', async () => {
    const d = dispatcher({
      'app:info': () => {
        throw new AppError('server_error', 'upstream said: bad key sk-test-SECRETSECRETSECRET', {
          detail: 'Authorization: Bearer sk-test-SECRETSECRETSECRET',
        })
      },
    })
    const res = await d('app:info', {}, OWN)
    expect(res.ok).toBe(false)
    expect(JSON.stringify(res)).not.toContain('SECRETSECRET')
    expect(res).toMatchObject({ error: { code: 'server_error' } })
  })

  it('turns an unexpected throw into `internal` without its message or stack', async () => {
    const d = dispatcher({
      'app:info': () => {
        throw new Error('ENOENT /home/user/.secret sk-test-SECRETSECRETSECRET')
      },
    })
    const res = await d('app:info', {}, OWN)
    expect(res).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } })
    expect(JSON.stringify(res)).not.toMatch(/ENOENT|SECRET|at /)
  })
})

describe('dispatcher construction', () => {
  it('refuses a handler map that does not match the contract', () => {
    const app = createAppContext({ home: mkdtempSync(path.join(os.tmpdir(), 'sb-')) })
    const handlers = createHandlers(app) as Record<string, unknown>
    const { 'app:info': _removed, ...missing } = handlers
    expect(() => createDispatcher(missing as never, { isTrustedSender: () => true })).toThrow(
      /missing: app:info/,
    )
    expect(() =>
      createDispatcher({ ...handlers, 'app:extra': () => null } as never, {
        isTrustedSender: () => true,
      }),
    ).toThrow(/extra: app:extra/)
  })

  it('lists exactly the channels it handles', () => {
    const app = createAppContext({ home: mkdtempSync(path.join(os.tmpdir(), 'sb-')) })
    const d = createDispatcher(createHandlers(app), { isTrustedSender: () => true })
    expect(d.channels).toContain('app:info')
  })
})

describe("sender trust by identity (the app's check)", () => {
  const OWN_WC = 7
  const lines: string[] = []
  const app = createAppContext({ home: mkdtempSync(path.join(os.tmpdir(), 'sb-')), version: '1' })
  let called = 0
  const d = createDispatcher(
    { ...createHandlers(app), 'credentials:create': () => (called++, null) } as never,
    {
      isTrustedSender: trustedByIdentity({
        isOwnUrl: (u) => isOwnRendererUrl(u),
        isOwnWebContents: (id) => id === OWN_WC,
      }),
      log: (line) => lines.push(line),
    },
  )

  it("answers our window's main frame", async () => {
    const res = await d('app:info', {}, { url: OWN, webContentsId: OWN_WC, isMainFrame: true })
    expect(res.ok).toBe(true)
  })

  it.each([
    ['a foreign WebContents showing our URL', { url: OWN, webContentsId: 8, isMainFrame: true }],
    [
      'a sub-frame of our window showing our URL',
      { url: OWN, webContentsId: OWN_WC, isMainFrame: false },
    ],
    ['a sender without a WebContents id', { url: OWN, isMainFrame: true }],
    [
      'our main frame after it navigated away',
      { url: 'https://evil.example/', webContentsId: OWN_WC, isMainFrame: true },
    ],
    ['a bare URL string (no identity at all)', OWN],
  ])(
    'refuses %s with forbidden_sender, logged in one line without the payload',
    async (_, sender) => {
      lines.length = 0
      const secret = 'sk-test-PAYLOADSECRET-0123456789'
      const res = await d(
        'credentials:create',
        { provider: 'openai', name: 'x', apiKey: secret },
        sender,
      )
      expect(res).toEqual({
        ok: false,
        error: { code: 'forbidden_sender', message: expect.any(String) },
      })
      expect(called).toBe(0)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toContain('credentials:create')
      expect(lines[0]).not.toMatch(/\n/)
      expect(lines[0]).not.toContain(secret)
      expect(lines[0]).not.toContain('openai')
    },
  )
})
