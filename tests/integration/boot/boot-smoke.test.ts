/**
 * Boot smoke (DESIGN §13): the built main bundle starts in Node with a stand-in `electron`
 * module. Without an Electron binary this is our proof that the real app starts: it must boot
 * without throwing, create its window with the secure options, register a handler for every
 * channel of the contract and no other, serve the renderer over app:// and build the tray.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { channelNames } from '../../../src-preload/contract'
import { ROOT, ensureBuilt } from '../../fixtures/built'
import { tmpHome } from '../../support/home'

interface BootRecord {
  events: string[]
  windows: { options: { webPreferences: Record<string, unknown>; show: boolean }; urls: string[] }[]
  ipcChannels: string[]
  protocolHandlers: string[]
  privilegedSchemes: { scheme: string; beforeReady: boolean; privileges: Record<string, boolean> }[]
  trays: {
    image: string
    menus: { label?: string; type?: string; hasClick: boolean }[][]
    tooltips: string[]
  }[]
  permissionHandlers: number
  appListeners: string[]
  errors: string[]
  protocolProbe?: { index: number; csp: string; escape: number }
  ipcProbe?: Record<'own' | 'foreign' | 'subFrame' | 'foreignWebContents' | 'noFrame', Answer>
  warnings: string[]
  ipcListeners: string[]
  languageProbe?: {
    before: { label?: string; type?: string; hasClick: boolean }[]
    answer: { ok: boolean; data: { language: string } }
    after: { label?: string; type?: string; hasClick: boolean }[]
  }
}

interface Answer {
  ok: boolean
  error?: { code: string }
}

let home = ''

let record: BootRecord
let stderr = ''

beforeAll(() => {
  ensureBuilt()
  home = tmpHome('sb-boot-')
  const out = path.join(home, 'boot-record.json')
  try {
    execFileSync(
      process.execPath,
      [
        '-r',
        path.join(ROOT, 'tests/fixtures/register-fake-electron.cjs'),
        path.join(ROOT, 'out/main/index.js'),
      ],
      {
        env: {
          PATH: process.env.PATH,
          SWITCHBOARD_HOME: home,
          SWITCHBOARD_ENCRYPTION_KEY: 'boot smoke passphrase',
          BOOT_RECORD: out,
          BOOT_APP_PATH: ROOT,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 20_000,
      },
    )
  } catch (err) {
    stderr = String((err as { stderr?: Buffer }).stderr ?? err)
  }
  record = JSON.parse(fs.readFileSync(out, 'utf8')) as BootRecord
}, 120_000)

describe('boot smoke: the built main bundle under a stand-in electron', () => {
  it('boots without throwing', () => {
    expect(stderr).toBe('')
    expect(record.errors).toEqual([])
    expect(record.events).toContain('requestSingleInstanceLock')
    expect(record.events).toContain('window.show')
  })

  it('creates one window with the secure options, shown on ready-to-show', () => {
    expect(record.windows).toHaveLength(1)
    const { options, urls } = record.windows[0]!
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    })
    const preload = options.webPreferences.preload as string
    expect(path.resolve(preload)).toBe(path.join(ROOT, 'out/preload/index.cjs'))
    expect(fs.existsSync(preload)).toBe(true)
    expect(urls).toEqual(['app://switchboard/index.html'])
  })

  it('registers a handler for every channel of the contract and no other', () => {
    expect([...record.ipcChannels].sort()).toEqual([...channelNames].sort())
    expect(new Set(record.ipcChannels).size).toBe(record.ipcChannels.length)
  })

  // The mode bench/cold-start.bench.ts runs: no settling, the first IPC answered as soon as the
  // handlers are registered and the window loads. Checked for order and success, never time.
  it('answers the first IPC call right after boot in the cold-start bench mode', () => {
    const home = tmpHome('sb-boot-bench-')
    try {
      const stdout = execFileSync(
        process.execPath,
        [
          '-r',
          path.join(ROOT, 'tests/fixtures/register-fake-electron.cjs'),
          path.join(ROOT, 'out/main/index.js'),
        ],
        {
          env: {
            PATH: process.env.PATH,
            SWITCHBOARD_HOME: home,
            SWITCHBOARD_ENCRYPTION_KEY: 'boot bench passphrase',
            BOOT_BENCH: '1',
            BOOT_APP_PATH: ROOT,
          },
          encoding: 'utf8',
          timeout: 20_000,
        },
      )
      const run = JSON.parse(stdout.trim()) as {
        start: number
        marks: Record<string, number>
        errors: string[]
      }
      expect(run.errors).toEqual([])
      const order = ['electronRequired', 'bundleEvaluated', 'windowLoading', 'firstIpcAnswered']
      expect(Object.keys(run.marks).sort()).toEqual([...order].sort())
      const times = order.map((m) => run.marks[m]!)
      expect([run.start, ...times]).toEqual([run.start, ...times].sort((a, b) => a - b))
    } finally {
      fs.rmSync(home, { recursive: true, force: true })
    }
  })

  it('trusts a sender by its WebContents and main frame, not by its URL', () => {
    const probe = record.ipcProbe!
    expect(probe.own.ok).toBe(true)
    // Each of these shows (or claims) our URL but is not our window's main frame.
    for (const who of ['foreign', 'subFrame', 'foreignWebContents', 'noFrame'] as const) {
      expect([who, probe[who]]).toEqual([
        who,
        expect.objectContaining({
          ok: false,
          error: expect.objectContaining({ code: 'forbidden_sender' }),
        }),
      ])
    }
    // One line per refusal in the app's log file, naming the channel, never the payload.
    const logFile = path.join(home, 'logs', 'main.log')
    const refused = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes(' warn  ipc: refused app:info '))
    expect(refused).toHaveLength(4)
    expect(refused.some((l) => l.includes('webContents 999'))).toBe(true)
  })

  it('serves the renderer from app:// with the CSP, registered before ready, and never outside its folder', () => {
    expect(record.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        beforeReady: true,
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ])
    expect(record.protocolHandlers).toEqual(['app'])
    expect(record.protocolProbe?.index).toBe(200)
    expect(record.protocolProbe?.csp).toContain("default-src 'none'")
    expect(record.protocolProbe?.escape).toBe(404)
  })

  it('denies permissions and guards every web contents', () => {
    expect(record.permissionHandlers).toBe(2)
    expect(record.appListeners).toContain('web-contents-created')
    expect(record.appListeners).toContain('second-instance')
  })

  it('builds the tray with its menu and an icon that exists', () => {
    expect(record.trays).toHaveLength(1)
    const tray = record.trays[0]!
    expect(fs.existsSync(tray.image)).toBe(true)
    // The menu as built at start, before the language probe switches it to Italian.
    const menu = record.languageProbe?.before ?? tray.menus.at(-1)!
    const labels = menu.map((i) => i.label)
    for (const label of ['Test all now', 'Detect local servers', 'Open Switchboard', 'Quit']) {
      expect(labels).toContain(label)
    }
    expect(menu.find((i) => i.label === 'Quit')?.hasClick).toBe(true)
  })

  it('leaves no raw IPC listener behind (electron-store adds one; main removes it)', () => {
    expect(record.ipcListeners).toEqual([])
  })

  it('redraws the tray in the language chosen in Settings, and keeps it in preferences.json', () => {
    const probe = record.languageProbe!
    expect(probe.answer).toMatchObject({ ok: true, data: { language: 'it-IT' } })
    const labels = (menu: { label?: string }[]) => menu.map((i) => i.label)
    expect(labels(probe.before)).toContain('Quit')
    expect(labels(probe.after)).not.toContain('Quit')
    const it = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'src-shared/i18n/locales/it-IT.json'), 'utf8'),
    ) as { tray: Record<string, string> }
    expect(labels(probe.after)).toContain(it.tray.quit)
    expect(labels(probe.after)).toContain(it.tray.open)
    const saved = JSON.parse(fs.readFileSync(path.join(home, 'preferences.json'), 'utf8'))
    expect(saved).toMatchObject({ language: 'it-IT', launchAtLogin: false })
  })
})

describe('the built preload', () => {
  const file = path.join(ROOT, 'out/preload/index.cjs')

  it('is one CommonJS file that requires nothing but electron', () => {
    const dir = fs.readdirSync(path.dirname(file))
    expect(dir.filter((f) => /\.(c|m)?js$/.test(f))).toEqual(['index.cjs'])
    const code = fs.readFileSync(file, 'utf8')
    const requires = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(new Set(requires)).toEqual(new Set(['electron']))
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(code).not.toMatch(/\bimport\(/)
  })

  it('carries the channel names only, not the zod contract', () => {
    const code = fs.readFileSync(file, 'utf8')
    // ~180 KB when it bundled the zod contract; names only it is a few KB.
    expect(code.length).toBeLessThan(16 * 1024)
    // zod's runtime (the comment naming it may stay): its error class, parser and internals.
    expect(code).not.toMatch(/ZodError|safeParse|\b_zod\b|\$ZodType|\bz\.object\(/)
    for (const name of channelNames) expect(code).toMatch(new RegExp(`["'\`]${name}["'\`]`))
  })

  it('exposes window.switchboard with a method for every channel', () => {
    const exposed: Record<string, unknown> = {}
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: { invoke: async () => ({ ok: true, data: null }), on() {}, removeListener() {} },
    }
    const sandboxRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`)
      return fakeElectron
    }
    const module = { exports: {} }
    new Function('require', 'module', 'exports', fs.readFileSync(file, 'utf8'))(
      sandboxRequire,
      module,
      module.exports,
    )
    const api = exposed.switchboard as Record<string, Record<string, unknown>>
    expect(api).toBeTruthy()
    for (const name of channelNames) {
      const [domain, verb] = name.split(':') as [string, string]
      expect(typeof api[domain]?.[verb], name).toBe('function')
    }
  })
})
