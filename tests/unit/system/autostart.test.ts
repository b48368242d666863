/** Launch at login on Linux: the XDG autostart entry, written and removed under a temp HOME. */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  autostartPath,
  linuxAutostartEnabled,
  setLinuxAutostart,
} from '../../../src-main/system/autostart'
import { tmpHome } from '../../support/home'

const dirs: string[] = []
const home = () => {
  const d = tmpHome('sb-autostart-')
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

describe('XDG autostart entry', () => {
  it('is written to ~/.config/autostart and removed again', () => {
    const h = home()
    const options = { env: {}, homedir: h, execPath: '/opt/Switchboard/switchboard-app' }
    expect(linuxAutostartEnabled({}, h)).toBe(false)
    const file = setLinuxAutostart(true, options)
    expect(file).toBe(path.join(h, '.config', 'autostart', 'switchboard.desktop'))
    const text = fs.readFileSync(file, 'utf8')
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\n/)
    expect(text).toContain('Exec="/opt/Switchboard/switchboard-app" --hidden')
    expect(linuxAutostartEnabled({}, h)).toBe(true)
    setLinuxAutostart(false, options)
    expect(fs.existsSync(file)).toBe(false)
    setLinuxAutostart(false, options) // removing twice is fine
  })

  it('follows XDG_CONFIG_HOME and starts the AppImage file, quoted, when running from one', () => {
    const h = home()
    const env = {
      XDG_CONFIG_HOME: path.join(h, 'cfg'),
      APPIMAGE: '/apps/My "Apps"/Switchboard.AppImage',
    }
    const file = setLinuxAutostart(true, {
      env,
      homedir: h,
      execPath: '/tmp/.mount_x/switchboard-app',
    })
    expect(file).toBe(autostartPath(env, h))
    expect(file.startsWith(path.join(h, 'cfg', 'autostart'))).toBe(true)
    expect(fs.readFileSync(file, 'utf8')).toContain(
      'Exec="/apps/My \\"Apps\\"/Switchboard.AppImage" --hidden',
    )
  })
})
