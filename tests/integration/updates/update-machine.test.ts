/**
 * The update state machine against a local feed (issue 15), driving electron-updater's own
 * AppImageUpdater in plain Node: its yml parsing, version comparison, download and sha512 check
 * are the real ones. Only the Electron parts are swapped: the app adapter (version, paths) and
 * the HTTP executor (Node's http instead of Electron's net, the same `download` as
 * electron-updater's electronHttpExecutor.ts).
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import {
  HttpExecutor,
  configureRequestOptions,
  configureRequestUrl,
  type DownloadOptions,
} from 'builder-util-runtime'
import { AppImageUpdater } from 'electron-updater/out/AppImageUpdater'
import type { AppAdapter } from 'electron-updater/out/AppAdapter'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../../src-preload/contract/updates'
import {
  DAY_MS,
  createUpdateMachine,
  type UpdaterLike,
} from '../../../src-main/updates/update-machine'
import { startUpdateFeed, type UpdateFeed } from '../../fixtures/update-feed'
import { tmpHome } from '../../support/home'

class NodeHttpExecutor extends HttpExecutor<http.ClientRequest> {
  createRequest(options: http.RequestOptions, callback: (res: http.IncomingMessage) => void) {
    const req = http.request(options)
    req.on('response', callback)
    return req
  }
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers || undefined, redirect: 'manual' }
      configureRequestUrl(url, requestOptions)
      configureRequestOptions(requestOptions)
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      )
    })
  }
}

/** The real AppImageUpdater; installing is recorded instead of replacing this process. */
class RecordingUpdater extends AppImageUpdater {
  installs: [boolean | undefined, boolean | undefined][] = []
  override quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter])
  }
}

let dir = ''
let feed: UpdateFeed
let savedAppImage: string | undefined

beforeEach(async () => {
  dir = tmpHome('sb-update-')
  feed = await startUpdateFeed()
  savedAppImage = process.env.APPIMAGE
  // AppImageUpdater updates the file named by $APPIMAGE (the running AppImage).
  process.env.APPIMAGE = path.join(dir, 'Switchboard-1.0.0.AppImage')
  fs.writeFileSync(process.env.APPIMAGE, 'the running version')
})
afterEach(async () => {
  if (savedAppImage === undefined) delete process.env.APPIMAGE
  else process.env.APPIMAGE = savedAppImage
  await feed.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function makeUpdater(version = '1.0.0'): RecordingUpdater {
  // electron-builder bakes this file into a packaged app (from `publish`); here it names our feed.
  const config = path.join(dir, 'app-update.yml')
  fs.writeFileSync(config, `provider: generic\nurl: ${feed.url}\nupdaterCacheDirName: sb-test\n`)
  const app: AppAdapter = {
    version,
    name: 'Switchboard',
    isPackaged: true,
    appUpdateConfigPath: config,
    userDataPath: dir,
    baseCachePath: path.join(dir, 'cache'),
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  }
  const updater = new RecordingUpdater(null, app)
  ;(updater as unknown as { httpExecutor: HttpExecutor<http.ClientRequest> }).httpExecutor =
    new NodeHttpExecutor()
  updater.logger = null
  return updater
}

function machine(
  updater: RecordingUpdater,
  settings = { autoCheck: true, channel: 'stable' as const },
) {
  const timers: (() => void)[] = []
  const m = createUpdateMachine({
    updater: updater as unknown as UpdaterLike,
    currentVersion: '1.0.0',
    settings,
    every: (fn, ms) => {
      expect(ms).toBe(DAY_MS)
      timers.push(fn)
      return () => timers.splice(timers.indexOf(fn), 1)
    },
  })
  const phases: string[] = []
  m.subscribe((s) => {
    if (phases.at(-1) !== s.phase) phases.push(s.phase)
  })
  return { m, timers, phases }
}

const settled = (m: ReturnType<typeof createUpdateMachine>, phase: UpdateStatus['phase']) =>
  new Promise<UpdateStatus>((resolve) => {
    if (m.status().phase === phase) return resolve(m.status())
    const off = m.subscribe((s) => {
      if (s.phase === phase) {
        off()
        resolve(s)
      }
    })
  })

describe('update state machine against a local feed', () => {
  it('finds a newer version, downloads and verifies it, then waits for the restart click', async () => {
    feed.releases.set('latest', { version: '1.1.0', payload: Buffer.from('new AppImage bytes') })
    const updater = makeUpdater()
    const { m, phases } = machine(updater)
    expect(m.restart()).toBe(false) // nothing to install yet
    m.start()
    const ready = await settled(m, 'ready')
    expect(ready).toMatchObject({ phase: 'ready', version: '1.1.0', percent: 100, error: null })
    expect(phases).toEqual(['checking', 'downloading', 'ready'])
    expect(feed.requests).toContain('/latest-linux.yml')
    expect(feed.requests).toContain('/Switchboard-1.1.0.AppImage')
    // Never installed on its own: only the restart click does it.
    expect(updater.installs).toEqual([])
    expect(m.restart()).toBe(true)
    expect(updater.installs).toEqual([[false, true]])
  })

  it('says up to date when the feed has the running version', async () => {
    feed.releases.set('latest', { version: '1.0.0', payload: Buffer.from('same') })
    const { m } = machine(makeUpdater())
    const s = await m.check()
    expect(s).toMatchObject({ phase: 'upToDate', version: null })
    expect(s.lastCheck).not.toBeNull()
    expect(feed.requests).not.toContain('/Switchboard-1.0.0.AppImage')
  })

  it('never offers a download whose checksum does not match', async () => {
    feed.releases.set('latest', { version: '1.2.0', payload: Buffer.from('x'), wrongSha: true })
    const updater = makeUpdater()
    const { m } = machine(updater)
    const s = await m.check()
    expect(s.phase).toBe('error')
    expect(s.error?.code).toBe('internal')
    expect(m.restart()).toBe(false)
    expect(updater.installs).toEqual([])
  })

  it('reports a feed without a channel file as an error, not as up to date', async () => {
    const { m } = machine(makeUpdater())
    const s = await m.check()
    expect(s).toMatchObject({ phase: 'error' })
    expect(s.error!.message.length).toBeLessThanOrEqual(200)
  })

  it('reads the beta channel file when the person picks beta', async () => {
    feed.releases.set('latest', { version: '1.0.0', payload: Buffer.from('same') })
    feed.releases.set('beta', { version: '1.1.0-beta.1', payload: Buffer.from('beta bytes') })
    const { m } = machine(makeUpdater(), { autoCheck: false, channel: 'stable' })
    expect((await m.check()).phase).toBe('upToDate')
    m.configure({ autoCheck: false, channel: 'beta' })
    const s = await m.check()
    expect(s).toMatchObject({ phase: 'ready', version: '1.1.0-beta.1', channel: 'beta' })
    expect(feed.requests.filter((r) => r.endsWith('.yml'))).toEqual([
      '/latest-linux.yml',
      '/beta-linux.yml',
    ])
  })

  it('checks at start and daily only when auto-check is on', async () => {
    feed.releases.set('latest', { version: '1.0.0', payload: Buffer.from('same') })
    const off = machine(makeUpdater(), { autoCheck: false, channel: 'stable' })
    off.m.start()
    expect(off.timers).toHaveLength(0)
    expect(off.m.status().phase).toBe('idle')
    expect(feed.requests).toEqual([])

    const on = machine(makeUpdater(), { autoCheck: true, channel: 'stable' })
    on.m.start()
    await settled(on.m, 'upToDate')
    expect(on.timers).toHaveLength(1)
    on.timers[0]!() // a day later
    await new Promise((r) => setTimeout(r, 50))
    await on.m.check()
    expect(feed.requests.filter((r) => r === '/latest-linux.yml').length).toBeGreaterThanOrEqual(2)
    on.m.configure({ autoCheck: false, channel: 'stable' })
    expect(on.timers).toHaveLength(0)
  })
})
