/**
 * The tray service (src-main/electron/tray.ts) with an injected tray and a stand-in `electron`
 * Menu / nativeImage: render(state) is idempotent, the icon follows the health, menu items call
 * their actions, and a new translator redraws at once.
 */
import { describe, expect, it, vi } from 'vitest'
import type { TrayAction, TrayState } from '../../../src-main/tray/menu'

interface Item {
  label?: string
  type?: string
  enabled?: boolean
  click?: () => void
}
vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (items: Item[]) => ({ items }) },
  nativeImage: { createFromPath: (p: string) => ({ path: p }) },
  Tray: class {},
}))

const { TrayService } = await import('../../../src-main/electron/tray')

function fakeTray() {
  const calls: string[] = []
  const menus: Item[][] = []
  const images: string[] = []
  const tips: string[] = []
  const tray = {
    setImage: (i: { path: string }) => (calls.push('setImage'), images.push(i.path)),
    setToolTip: (t: string) => (calls.push('setToolTip'), tips.push(t)),
    setContextMenu: (m: { items: Item[] } | null) => (
      calls.push('setContextMenu'),
      menus.push(m!.items)
    ),
    destroy: () => calls.push('destroy'),
  }
  return { tray, calls, menus, images, tips }
}

const state = (code: 'ok' | 'auth_invalid' | null, testing = false): TrayState => ({
  credentials: [
    {
      id: 'c1',
      name: 'Work',
      providerName: 'OpenAI',
      last: code ? { code, at: '2026-01-01T00:00:00.000Z' } : null,
    },
  ],
  testing,
  now: new Date('2026-01-01T00:10:00.000Z'),
})

function service(t = (key: string) => key) {
  const f = fakeTray()
  const created: string[] = []
  const clicked: TrayAction[] = []
  const actions = new Proxy({} as Record<TrayAction, () => void>, {
    get: (_o, name) => () => clicked.push(name as TrayAction),
  })
  const svc = new TrayService('/assets', t, actions, (icon) => {
    created.push((icon as unknown as { path: string }).path)
    return f.tray as never
  })
  return { svc, created, clicked, ...f }
}

describe('TrayService', () => {
  it('creates the tray once, with the icon of the health', () => {
    const s = service()
    s.svc.render(state(null))
    expect(s.created).toEqual(['/assets/tray/untested.png'])
    s.svc.render(state('auth_invalid'))
    expect(s.created).toHaveLength(1)
    expect(s.images).toEqual(['/assets/tray/failing.png'])
    s.svc.render(state('ok'))
    expect(s.images.at(-1)).toBe('/assets/tray/healthy.png')
  })

  it('does nothing when the menu and icon would not change', () => {
    const s = service()
    s.svc.render(state('ok'))
    const before = s.calls.length
    s.svc.render(state('ok'))
    expect(s.calls.length).toBe(before)
    s.svc.render(state('ok', true))
    expect(s.calls.length).toBeGreaterThan(before)
  })

  it('wires each item to its action and keeps disabled lines disabled', () => {
    const s = service()
    s.svc.render(state('ok'))
    const menu = s.menus.at(-1)!
    expect(menu[0]).toMatchObject({ label: 'tray:health.healthy', enabled: false })
    expect(menu.some((i) => i.type === 'separator')).toBe(true)
    menu.find((i) => i.label === 'tray:testAll')!.click!()
    menu.find((i) => i.label === 'tray:quit')!.click!()
    expect(s.clicked).toEqual(['testAll', 'quit'])
    expect(menu.find((i) => i.label?.startsWith('✓ OpenAI · Work'))?.click).toBeUndefined()
    expect(s.tips.at(-1)).toBe('tray:tooltip — tray:health.healthy')
  })

  it('redraws at once in a new language, and destroys the tray', () => {
    const s = service()
    s.svc.render(state('ok'))
    s.svc.setTranslator((key) => `it:${key}`)
    expect(s.menus.at(-1)![0]!.label).toBe('it:tray:health.healthy')
    s.svc.destroy()
    expect(s.calls.at(-1)).toBe('destroy')
    // After destroy a render makes a new tray.
    s.svc.render(state('ok'))
    expect(s.created).toHaveLength(2)
  })
})
