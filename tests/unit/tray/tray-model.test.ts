import { describe, expect, it } from 'vitest'
import { createMainTranslator } from '../../../src-main/i18n'
import type { TrayState } from '../../../src-main/tray/menu'
import { createTrayModel } from '../../../src-main/tray/tray-model'

const t = createMainTranslator('en-US')

describe('tray model', () => {
  it('publishes each result as it arrives and posts one summary notification', async () => {
    const notes: string[] = []
    const seen: TrayState[] = []
    const creds = [
      { id: 'a', name: 'A', providerName: 'OpenAI', last: null },
      { id: 'b', name: 'B', providerName: 'Groq', last: null },
    ]
    const model = createTrayModel({
      listCredentials: async () => creds,
      testAll: async (onResult) => {
        await new Promise((r) => setTimeout(r, 5))
        onResult({ credentialId: 'b', code: 'auth_invalid' })
        await new Promise((r) => setTimeout(r, 5))
        onResult({ credentialId: 'a', code: 'ok' })
      },
      detectLocal: async () => 2,
      notify: (title, body) => notes.push(`${title}: ${body}`),
      t,
    })
    await model.refresh()
    model.subscribe((s) => seen.push(s))
    await model.testAll()
    const testing = seen.filter((s) => s.testing)
    expect(testing.length).toBeGreaterThanOrEqual(3) // start, then one per result
    expect(testing.at(-1)!.credentials.map((c) => c.last?.code)).toEqual(['ok', 'auth_invalid'])
    expect(seen.at(-1)!.testing).toBe(false)
    expect(notes).toEqual(['Switchboard test results: 1 working, 1 failing'])
  })

  it('ignores a second Test all while one runs', async () => {
    let runs = 0
    let release!: () => void
    const model = createTrayModel({
      listCredentials: async () => [],
      testAll: () => {
        runs++
        return new Promise<void>((r) => (release = r))
      },
      detectLocal: async () => 0,
      notify: () => undefined,
      t,
    })
    const first = model.testAll()
    await model.testAll()
    release()
    await first
    expect(runs).toBe(1)
  })

  it('keeps the last list when listing fails (locked vault) and reports detection', async () => {
    const notes: string[] = []
    let fail = false
    const model = createTrayModel({
      listCredentials: async () => {
        if (fail) throw new Error('locked')
        return [{ id: 'a', name: 'A', providerName: 'OpenAI', last: null }]
      },
      testAll: async () => undefined,
      detectLocal: async () => 1,
      notify: (title, body) => notes.push(`${title}: ${body}`),
      t,
    })
    await model.refresh()
    fail = true
    await model.refresh()
    expect(model.state().credentials).toHaveLength(1)
    await model.detectLocal()
    expect(notes).toEqual(['Local servers: Found 1 local model server'])
  })
})

describe('tray model when the vault cannot open', () => {
  it('says why instead of a count, and does not throw', async () => {
    const notes: string[] = []
    const model = createTrayModel({
      listCredentials: async () => [],
      testAll: async () => {
        throw Object.assign(new Error('locked'), { code: 'vault_locked' })
      },
      detectLocal: async () => 0,
      notify: (title, body) => notes.push(`${title}: ${body}`),
      t,
    })
    await expect(model.testAll()).resolves.toBeUndefined()
    expect(notes).toEqual([
      'Switchboard test results: The vault is locked: there is no safe place for the master key.',
    ])
    expect(model.state().testing).toBe(false)
  })
})
