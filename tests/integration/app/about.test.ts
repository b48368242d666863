/**
 * The About panel's channels and the service-account file picker (issue 15), over the real IPC
 * pipeline with the Electron-only pieces (clipboard, file manager, open dialog) recorded.
 *
 * Drives src-main/ipc/handlers/app (info, data folder, diagnostics copied only when asked,
 * openLink's host check), src-main/ipc/handlers/dialog (the picked file read and checked, only
 * public identifiers summarised, a cancel answered with nulls), src-preload/contract/dialog (an
 * unknown purpose refused) and src-main/services/diagnostics (versions, vault source, counts;
 * no key, hint, name, URL or model name in the text).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppContext, type PlatformBridge } from '../../../src-main/app-context'
import { createMainTranslator } from '../../../src-main/i18n'
import { tmpHome } from '../../support/home'
import { OWN, ownDispatch } from '../../support/ipc-harness'

// Fake keys for this test only; the point is that none of them appears in any answer.
const KEY = 'sk-proj-FAKEdiagnostics0000000000000000000000wxyz'
const ANTHROPIC_KEY = 'sk-ant-api03-FAKEdiagnostics111111111111111111111qrst'
const PRIVATE_KEY =
  '-----BEGIN PRIVATE KEY-----\\nFAKEFAKEFAKEnotarealkey\\n-----END PRIVATE KEY-----\\n'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

function world(platform: PlatformBridge = {}) {
  const home = tmpHome('sb-about-')
  dirs.push(home)
  const app = createAppContext({
    home,
    env: { SWITCHBOARD_ENCRYPTION_KEY: 'about tests passphrase' },
    version: '1.4.2',
    platform,
  })
  const dispatch = ownDispatch(app)
  const outputs: string[] = []
  const call = async (channel: string, payload: unknown, sender = OWN) => {
    const r = (await dispatch(channel, payload, sender)) as {
      ok: boolean
      data?: any // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted per test
      error?: { code: string; params?: Record<string, unknown> }
    }
    outputs.push(JSON.stringify(r))
    return r
  }
  return { home, app, call, outputs }
}

describe('About: versions, data folder, diagnostics', () => {
  it('reports the Electron, Chromium and Node versions', async () => {
    const w = world({ versions: { electron: '45.5.0', chrome: '142.0.0.0', node: '22.20.0' } })
    const info = await w.call('app:info', {})
    expect(info.data).toMatchObject({
      version: '1.4.2',
      dataDir: w.home,
      versions: { electron: '45.5.0', chrome: '142.0.0.0', node: '22.20.0' },
    })
  })

  it('opens the data folder in the file manager', async () => {
    const opened: string[] = []
    const w = world({ openPath: async (dir) => (opened.push(dir), true) })
    expect(await w.call('app:openDataFolder', {})).toMatchObject({
      ok: true,
      data: { opened: true },
    })
    expect(opened).toEqual([w.home])
  })

  it('copies versions, vault source and counts — and never a key, hint, name or URL', async () => {
    const clipboard: string[] = []
    const w = world({
      versions: { electron: '45.5.0', chrome: '142.0.0.0', node: '22.20.0' },
      writeClipboard: (text) => clipboard.push(text),
    })
    const a = await w.call('credentials:create', {
      provider: 'openai',
      name: 'Zeta personal account',
      apiKey: KEY,
      baseUrl: 'https://proxy.zeta.example/v1',
    })
    expect(a.ok).toBe(true)
    await w.call('credentials:create', {
      provider: 'anthropic',
      name: 'Work',
      apiKey: ANTHROPIC_KEY,
    })
    const reg = await w.app.models.register(a.data.id, [{ name: 'gpt-zeta-1', type: 'language' }])
    await w.app.defaults.set('chat', reg.created[0]!.id)

    const r = await w.call('app:diagnostics', { copy: true })
    expect(r.ok).toBe(true)
    const text = r.data.text as string
    expect(r.data.copied).toBe(true)
    expect(clipboard).toEqual([text])
    expect(text).toContain('Switchboard 1.4.2')
    expect(text).toContain('Electron 45.5.0 · Chromium 142.0.0.0 · Node 22.20.0')
    expect(text).toMatch(/Vault unlocked, key source env/)
    expect(text).toContain('Credentials 2 (providers: anthropic, openai)')
    expect(text).toContain('Models 1 (language 1)')
    expect(text).toContain('Default slots set 1')
    for (const secretish of [
      KEY,
      ANTHROPIC_KEY,
      KEY.slice(-4),
      ANTHROPIC_KEY.slice(-4),
      'Zeta personal account',
      'proxy.zeta.example',
      'gpt-zeta-1',
      'about tests passphrase',
    ]) {
      expect(text).not.toContain(secretish)
    }
  })

  it('answers without copying when there is no clipboard or copy is not asked', async () => {
    const w = world()
    expect((await w.call('app:diagnostics', { copy: true })).data.copied).toBe(false)
    expect((await w.call('app:diagnostics', { copy: 'yes' })).error?.code).toBe('validation')
    const clipboard: string[] = []
    const withClipboard = world({ writeClipboard: (text) => clipboard.push(text) })
    expect((await withClipboard.call('app:diagnostics', {})).data.copied).toBe(false)
    expect(clipboard).toEqual([])
  })
})

describe('app:openLink', () => {
  it('opens https links to known provider sites and refuses anything else as url_blocked', async () => {
    const opened: string[] = []
    const w = world({ openLink: async (url) => void opened.push(url) })
    const docs = 'https://platform.openai.com/api-keys'
    expect(await w.call('app:openLink', { url: docs })).toMatchObject({
      ok: true,
      data: { opened: true },
    })
    for (const url of ['http://platform.openai.com/api-keys', 'https://evil.example/']) {
      expect((await w.call('app:openLink', { url })).error?.code, url).toBe('url_blocked')
    }
    expect(opened).toEqual([docs])
    // Without a browser to hand (the CLI, a test) nothing opens, and the answer says so.
    expect((await world().call('app:openLink', { url: docs })).data).toEqual({ opened: false })
  })
})

describe('dialog:openFile for the Vertex service-account JSON', () => {
  const serviceAccount = (dir: string, body: string, name = 'sa.json') => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, body)
    return file
  }
  const validSa = JSON.stringify({
    type: 'service_account',
    project_id: 'zeta-project',
    private_key_id: 'abc123',
    private_key: PRIVATE_KEY,
    client_email: 'bot@zeta-project.iam.gserviceaccount.com',
  })

  it('reads the picked file in main and gives back its path and public facts only', async () => {
    const titles: string[] = []
    let file = ''
    const w = world({
      translate: createMainTranslator('it-IT'),
      pickFile: async ({ title, filters }) => {
        titles.push(title)
        expect(filters).toEqual([{ name: 'JSON', extensions: ['json'] }])
        return file
      },
    })
    file = serviceAccount(w.home, validSa)
    const r = await w.call('dialog:openFile', { purpose: 'serviceAccountJson' })
    expect(r).toMatchObject({
      ok: true,
      data: {
        path: file,
        fileName: 'sa.json',
        summary: {
          type: 'service_account',
          projectId: 'zeta-project',
          clientEmail: 'bot@zeta-project.iam.gserviceaccount.com',
        },
      },
    })
    // The dialog's title is in the chosen language, not a raw key.
    const it = createMainTranslator('it-IT')('apiKeys:form.pickServiceAccount')
    expect(titles).toEqual([it])
    expect(it).not.toContain('pickServiceAccount')
    // The picked path then creates the credential: main reads the file again and encrypts it.
    const created = await w.call('credentials:create', {
      provider: 'vertex',
      name: 'Vertex',
      project: 'zeta-project',
      location: 'us-central1',
      credentialsPath: r.data.path,
    })
    expect(created.ok).toBe(true)
    for (const out of w.outputs) {
      expect(out).not.toContain('FAKEFAKEFAKE')
      expect(out).not.toContain('abc123')
    }
  })

  it('refuses a file that is too big or not JSON, with the form field named', async () => {
    let file = ''
    const w = world({ pickFile: async () => file })
    file = serviceAccount(w.home, 'x'.repeat(70 * 1024), 'big.json')
    expect(await w.call('dialog:openFile', { purpose: 'serviceAccountJson' })).toMatchObject({
      ok: false,
      error: { code: 'validation', params: { field: 'credentialsPath', reason: 'unreadable' } },
    })
    file = serviceAccount(w.home, 'not: json', 'notes.json')
    expect(await w.call('dialog:openFile', { purpose: 'serviceAccountJson' })).toMatchObject({
      ok: false,
      error: { code: 'validation', params: { field: 'credentialsPath', reason: 'invalid_json' } },
    })
  })

  it('answers a cancelled dialog with no path, and refuses unknown purposes and foreign senders', async () => {
    let asked = 0
    const w = world({ pickFile: async () => (asked++, null) })
    expect((await w.call('dialog:openFile', { purpose: 'serviceAccountJson' })).data).toEqual({
      path: null,
      fileName: null,
      summary: null,
    })
    expect((await w.call('dialog:openFile', { purpose: 'anything' })).error?.code).toBe(
      'validation',
    )
    expect(
      (await w.call('dialog:openFile', { purpose: 'serviceAccountJson' }, 'https://x.test/')).error
        ?.code,
    ).toBe('forbidden_sender')
    expect(asked).toBe(1)
  })
})
