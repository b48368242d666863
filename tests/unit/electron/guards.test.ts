/**
 * App-wide guards (src-main/electron/guards.ts) under a stand-in `electron`: every web contents
 * denies new windows (handing only safe links to the browser), stays on our renderer through
 * navigations and redirects, attaches no webview; the session grants no permission.
 */
import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const opened: string[] = []
const app = new EventEmitter()
const session = {
  request: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  check: null as null | (() => boolean),
}
vi.mock('electron', () => ({
  app,
  shell: { openExternal: async (url: string) => void opened.push(url) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof session.request) => (session.request = fn),
      setPermissionCheckHandler: (fn: typeof session.check) => (session.check = fn),
    },
  },
}))

const { installGuards, openExternalSafe } = await import('../../../src-main/electron/guards')

const OWN = 'app://switchboard/index.html'
const DOCS = 'https://platform.openai.com/api-keys'

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn
  }
}

/** Emits `name` with a preventable event; true when the guard prevented it. */
function prevented(contents: FakeContents, name: string, url?: string): boolean {
  let stopped = false
  contents.emit(name, { preventDefault: () => (stopped = true) }, url)
  return stopped
}

beforeEach(() => {
  opened.length = 0
  app.removeAllListeners()
})

describe('installGuards', () => {
  it('keeps every web contents on our renderer and opens no window', async () => {
    installGuards((url) => url.startsWith('app://switchboard/'))
    const contents = new FakeContents()
    app.emit('web-contents-created', {}, contents)
    expect(prevented(contents, 'will-navigate', 'https://evil.example/')).toBe(true)
    expect(prevented(contents, 'will-navigate', OWN)).toBe(false)
    expect(prevented(contents, 'will-redirect', 'http://127.0.0.1:9229/')).toBe(true)
    expect(prevented(contents, 'will-redirect', OWN)).toBe(false)
    expect(prevented(contents, 'will-attach-webview')).toBe(true)
    expect(contents.openHandler!({ url: DOCS })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    await Promise.resolve()
    // The docs link goes to the browser; the unknown one goes nowhere.
    expect(opened).toEqual([DOCS])
  })

  it('grants no permission request or check', () => {
    installGuards(() => true)
    const answers: boolean[] = []
    session.request!({}, 'media', (ok) => answers.push(ok))
    session.request!({}, 'notifications', (ok) => answers.push(ok))
    expect(answers).toEqual([false, false])
    expect(session.check!()).toBe(false)
  })
})

describe('openExternalSafe', () => {
  it('opens https links to known hosts only', async () => {
    expect(await openExternalSafe(DOCS)).toBe(true)
    for (const url of [
      'http://platform.openai.com/',
      'https://user:pw@platform.openai.com/',
      'file:///etc/passwd',
      'https://platform.openai.com.evil.example/',
      'not a url',
    ]) {
      expect(await openExternalSafe(url), url).toBe(false)
    }
    expect(opened).toEqual([DOCS])
  })
})
