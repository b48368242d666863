/**
 * electron-updater at the edge (src-main/electron/updater.ts), with stand-ins for `electron` and
 * `electron-updater`: a development run has no updater; a packaged one gets electron-updater's
 * with its own (unscrubbed) logger switched off.
 */
import { describe, expect, it, vi } from 'vitest'

const electronApp = { isPackaged: false }
const autoUpdater = { logger: console as unknown, checkForUpdates: () => undefined }
vi.mock('electron', () => ({ app: electronApp }))
vi.mock('electron-updater', () => ({ autoUpdater }))

const { createAppUpdater } = await import('../../../src-main/electron/updater')

describe('createAppUpdater', () => {
  it('gives no updater to a development run and leaves electron-updater alone', () => {
    expect(createAppUpdater()).toBeNull()
    expect(autoUpdater.logger).toBe(console)
  })

  it("gives a packaged app electron-updater's updater with its logger off", () => {
    electronApp.isPackaged = true
    expect(createAppUpdater()).toBe(autoUpdater)
    expect(autoUpdater.logger).toBeNull()
  })
})
