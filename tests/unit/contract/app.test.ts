/**
 * The app domain's schemas (src-preload/contract/app.ts): `app:openLink` takes one bounded URL
 * (main then allows only https to known hosts), the other requests no field at all, and
 * `AppInfo` is the shape the About page reads.
 */
import { describe, expect, it } from 'vitest'
import { AppInfo, appChannels } from '../../../src-preload/contract/app'

const ok = (channel: keyof typeof appChannels, v: unknown) =>
  appChannels[channel].request.safeParse(v).success

describe('app contract', () => {
  it('takes one URL of at most 2048 characters to open', () => {
    expect(ok('app:openLink', { url: 'https://platform.openai.com/api-keys' })).toBe(true)
    expect(ok('app:openLink', { url: 'not a url' })).toBe(false)
    expect(ok('app:openLink', { url: `https://a.example/${'p'.repeat(2048)}` })).toBe(false)
    expect(ok('app:openLink', { url: 'https://a.example', target: '_blank' })).toBe(false)
  })

  it('asks nothing of info and the data folder, and a boolean copy of diagnostics', () => {
    expect(ok('app:info', {})).toBe(true)
    expect(ok('app:openDataFolder', { path: '/' })).toBe(false)
    expect(ok('app:diagnostics', { copy: true })).toBe(true)
    expect(ok('app:diagnostics', { copy: 'yes' })).toBe(false)
  })

  it('describes the running app with versions of Electron, Chromium and Node', () => {
    const info = {
      name: 'Switchboard',
      version: '1.0.0',
      platform: 'linux',
      dataDir: '/home/u/.config/Switchboard',
      locale: 'en-US',
      versions: { electron: '', chrome: '', node: '20.0.0' },
    }
    expect(AppInfo.parse(info)).toEqual(info)
    expect(AppInfo.safeParse({ ...info, versions: { node: '20' } }).success).toBe(false)
  })
})
