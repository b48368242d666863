import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { emptyStoreData, migrate, migrations } from '../../../src-main/store/migrations'
import { SCHEMA_VERSION } from '../../../src-main/store/schema'

describe('store migrations', () => {
  it('has one step per schema version', () => {
    expect(migrations).toHaveLength(SCHEMA_VERSION)
  })

  it('brings a v0 file (no schemaVersion) to the current version, keeping its data', () => {
    const v0 = {
      credentials: [{ id: 'a', provider: 'openai', name: 'Mine' }],
      defaults: { slots: { chat: 'm1' } },
      settings: { theme: 'dark' },
    }
    const { data, migrated } = migrate(v0)
    expect(migrated).toBe(true)
    expect(data.schemaVersion).toBe(SCHEMA_VERSION)
    expect(data.credentials).toEqual(v0.credentials)
    expect(data.defaults.slots.chat).toBe('m1')
    expect(data.defaults.slots.embedding).toBeNull()
    expect(data.defaults.cleared).toEqual([])
    expect(data.settings).toEqual({ language: null, theme: 'dark', localTargets: [] })
    expect(data.models).toEqual([])
    expect(data.lastTests).toEqual({})
  })

  it('gives a v1 file the gateway section, off with no tokens, keeping its data', () => {
    const v1 = { ...emptyStoreData(), schemaVersion: 1 } as Record<string, unknown>
    delete v1.gateway
    v1.credentials = [{ id: 'a', provider: 'openai', name: 'Mine' }]
    const { data, migrated } = migrate(v1)
    expect(migrated).toBe(true)
    expect(data.schemaVersion).toBe(SCHEMA_VERSION)
    expect(data.credentials).toEqual(v1.credentials)
    expect(data.gateway).toEqual({
      enabled: false,
      port: 8788,
      tokens: [],
      usage: [],
      limits: {},
      disabled: {},
    })
  })

  it('leaves a current document alone', () => {
    const doc = emptyStoreData()
    const { data, migrated } = migrate(JSON.parse(JSON.stringify(doc)))
    expect(migrated).toBe(false)
    expect(data).toEqual(doc)
  })

  it('refuses a file written by a newer Switchboard', () => {
    let err: unknown
    try {
      migrate({ schemaVersion: SCHEMA_VERSION + 1 })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('unsupported')
  })
})
