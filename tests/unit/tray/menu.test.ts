import { describe, expect, it } from 'vitest'
import { createMainTranslator } from '../../../src-main/i18n'
import { ageLabel, buildTrayMenu, trayHealth, type TrayState } from '../../../src-main/tray/menu'

const t = createMainTranslator('en-US')
const now = new Date('2026-11-25T12:00:00Z')
const cred = (id: string, code: string | null, at = '2026-11-25T11:55:00Z') => ({
  id,
  name: `key ${id}`,
  providerName: 'OpenAI',
  last: code ? { code: code as never, at } : null,
})

describe('tray menu', () => {
  it('says what to do when there are no credentials, and disables Test all', () => {
    const state: TrayState = { credentials: [], testing: false, now }
    const menu = buildTrayMenu(state, t)
    expect(menu[0]!.label).toBe('Credentials not tested yet')
    expect(menu.map((i) => i.label)).toContain('No credentials yet')
    expect(menu.find((i) => i.action === 'testAll')?.enabled).toBe(false)
    expect(menu.map((i) => i.action).filter(Boolean)).toEqual([
      'testAll',
      'detectLocal',
      'quickTestChat',
      'copyGatewayUrl',
      'open',
      'quit',
    ])
  })

  it('enables "Quick test chat model" only when a chat default exists', () => {
    const none = buildTrayMenu({ credentials: [], testing: false, now }, t)
    expect(none.find((i) => i.action === 'quickTestChat')).toMatchObject({
      label: 'Quick test chat model',
      enabled: false,
    })
    const set = buildTrayMenu(
      { credentials: [], testing: false, now, chatDefault: { credentialId: 'c', modelId: 'm' } },
      t,
    )
    expect(set.find((i) => i.action === 'quickTestChat')?.enabled).toBe(true)
  })

  it('shows the gateway off with Copy disabled, and on with its URL', () => {
    const off = buildTrayMenu({ credentials: [], testing: false, now }, t)
    expect(off.map((i) => i.label)).toContain('Gateway: off')
    expect(off.find((i) => i.action === 'copyGatewayUrl')?.enabled).toBe(false)
    const on = buildTrayMenu(
      {
        credentials: [],
        testing: false,
        now,
        gateway: { running: true, url: 'http://127.0.0.1:8788' },
      },
      t,
    )
    expect(on.map((i) => i.label)).toContain('Gateway: on at http://127.0.0.1:8788')
    expect(on.find((i) => i.action === 'copyGatewayUrl')).toMatchObject({
      label: 'Copy gateway URL',
      enabled: true,
    })
  })

  it('lists each credential with its mark and the age of its last result', () => {
    const state: TrayState = {
      credentials: [
        cred('a', 'ok'),
        cred('b', 'auth_invalid', '2026-11-25T09:00:00Z'),
        cred('c', null),
      ],
      testing: false,
      now,
    }
    const labels = buildTrayMenu(state, t).map((i) => i.label)
    expect(labels).toContain('✓ OpenAI · key a — 5 min ago')
    expect(labels).toContain('✗ OpenAI · key b — 3 hours ago')
    expect(labels).toContain('– OpenAI · key c — untested')
  })

  it('computes the overall health', () => {
    expect(
      trayHealth({
        credentials: [cred('a', 'ok'), cred('b', 'ok_rate_limited')],
        testing: false,
        now,
      }),
    ).toBe('healthy')
    expect(
      trayHealth({ credentials: [cred('a', 'ok'), cred('b', 'timeout')], testing: false, now }),
    ).toBe('degraded')
    expect(
      trayHealth({ credentials: [cred('a', 'network'), cred('b', null)], testing: false, now }),
    ).toBe('failing')
    expect(trayHealth({ credentials: [cred('a', null)], testing: false, now })).toBe('untested')
  })

  it('shows progress while testing and disables a second run', () => {
    const menu = buildTrayMenu({ credentials: [cred('a', null)], testing: true, now }, t)
    const item = menu.find((i) => i.action === 'testAll')!
    expect(item.label).toBe('Testing…')
    expect(item.enabled).toBe(false)
  })

  it('words ages', () => {
    expect(ageLabel('2026-11-25T11:59:30Z', now, t)).toBe('just now')
    expect(ageLabel('2026-11-25T11:59:00Z', now, t)).toBe('1 min ago')
    expect(ageLabel('2026-11-24T11:00:00Z', now, t)).toBe('1 day ago')
    expect(ageLabel('2026-11-20T11:00:00Z', now, t)).toBe('5 days ago')
  })
})

describe('tray menu: a downloaded update', () => {
  it('offers a quiet "restart to update" item only when one is ready', () => {
    const base: TrayState = { credentials: [], testing: false, now }
    expect(buildTrayMenu(base, t).some((i) => i.action === 'restartToUpdate')).toBe(false)
    const menu = buildTrayMenu({ ...base, updateReady: '1.2.0' }, t)
    const item = menu.find((i) => i.action === 'restartToUpdate')
    expect(item?.label).toContain('1.2.0')
    expect(item?.enabled ?? true).toBe(true)
  })

  it('speaks the chosen language', () => {
    const it = createMainTranslator('it-IT')
    const en = buildTrayMenu({ credentials: [], testing: false, now, updateReady: '1.2.0' }, t)
    const itMenu = buildTrayMenu({ credentials: [], testing: false, now, updateReady: '1.2.0' }, it)
    expect(itMenu.find((i) => i.action === 'restartToUpdate')?.label).not.toBe(
      en.find((i) => i.action === 'restartToUpdate')?.label,
    )
  })
})
