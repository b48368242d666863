import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { resolveHome } from '../../../src-main/store/home'

describe('resolveHome', () => {
  it('lets SWITCHBOARD_HOME win on every platform', () => {
    for (const p of ['linux', 'darwin', 'win32'] as const) {
      expect(resolveHome({ SWITCHBOARD_HOME: '/tmp/sb-x' }, p, '/home/u')).toBe(
        path.resolve('/tmp/sb-x'),
      )
    }
  })

  it('uses XDG_CONFIG_HOME, else ~/.config on Linux', () => {
    expect(resolveHome({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/Switchboard')
    expect(resolveHome({}, 'linux', '/home/u')).toBe('/home/u/.config/Switchboard')
  })

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(resolveHome({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Switchboard',
    )
    expect(
      resolveHome({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u'),
    ).toBe('C:\\Users\\u\\AppData\\Roaming\\Switchboard')
    expect(resolveHome({}, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Switchboard',
    )
  })
})

describe('SWITCHBOARD_HOME that cannot be meant', () => {
  for (const [label, value, reason] of [
    ['empty', '', 'empty'],
    ['blank', '   ', 'empty'],
    ['relative', 'data/switchboard', 'relative'],
    ['dot', '.', 'relative'],
  ] as const) {
    it(`refuses a ${label} value instead of falling back to the default folder`, () => {
      for (const p of ['linux', 'darwin', 'win32'] as const) {
        let err: unknown
        try {
          resolveHome({ SWITCHBOARD_HOME: value }, p, '/home/u')
        } catch (e) {
          err = e
        }
        expect(err).toBeInstanceOf(AppError)
        expect(err).toMatchObject({
          code: 'validation',
          params: { field: 'SWITCHBOARD_HOME', reason },
        })
        expect((err as AppError).message).toContain('SWITCHBOARD_HOME')
      }
    })
  }
})
