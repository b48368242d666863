import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fitToDisplays, loadWindowState, saveWindowState } from '../../src-main/window-state'
import { tmpHome } from '../support/home'

const tmp = () => tmpHome('sb-ws-')

describe('window state', () => {
  it('round-trips bounds and the maximised flag', () => {
    const home = tmp()
    saveWindowState(home, { x: 10, y: 20, width: 900, height: 650, maximized: true })
    expect(loadWindowState(home)).toEqual({
      x: 10,
      y: 20,
      width: 900,
      height: 650,
      maximized: true,
    })
  })

  it('falls back to defaults on a missing or malformed file and enforces the minimum size', () => {
    const home = tmp()
    expect(loadWindowState(home)).toMatchObject({ width: 1120, height: 760, maximized: false })
    fs.writeFileSync(path.join(home, 'window-state.json'), '{not json')
    expect(loadWindowState(home)).toMatchObject({ width: 1120 })
    fs.writeFileSync(
      path.join(home, 'window-state.json'),
      JSON.stringify({ width: 10, height: 'x' }),
    )
    expect(loadWindowState(home)).toMatchObject({ width: 760, height: 760 })
  })

  it('drops a position that is on no display any more', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }]
    expect(
      fitToDisplays({ x: 100, y: 100, width: 800, height: 600, maximized: false }, displays),
    ).toHaveProperty('x', 100)
    expect(
      fitToDisplays({ x: 4000, y: 100, width: 800, height: 600, maximized: false }, displays),
    ).not.toHaveProperty('x')
  })
})
