/**
 * src-main/vault/source-order.ts: DESIGN §4's "first source that is available wins", with every
 * source's report, and a probe that throws counted as unavailable rather than ending the search.
 */
import { describe, expect, it } from 'vitest'
import { createSourceOrder } from '../../../src-main/vault/source-order'
import type { KeySourceId } from '../../../src-preload/contract/vault'
import type { Availability, KeySource } from '../../../src-main/vault/types'

/** A source whose probe answers `probe` (or throws it) and counts its calls. */
function source(id: KeySourceId, probe: Availability | Error) {
  const calls = { probe: 0 }
  const s: KeySource = {
    id,
    probe: async () => {
      calls.probe++
      if (probe instanceof Error) throw probe
      return probe
    },
    current: async () => null,
    stage: async () => ({ key: Buffer.alloc(32), salt: null }),
    staged: async () => null,
    promote: async () => undefined,
  }
  return { s, calls }
}

const no = (reason: string): Availability => ({ available: false, reason })
const yes: Availability = { available: true, reason: null }

describe('createSourceOrder', () => {
  it('picks the first available source and stops probing there', async () => {
    const env = source('env', no('not_set'))
    const keychain = source('keychain', yes)
    const safe = source('safeStorage', yes)
    const order = createSourceOrder([env.s, keychain.s, safe.s])
    const { source: picked, reports } = await order.pick()
    expect(picked?.id).toBe('keychain')
    expect(reports).toEqual([
      { id: 'env', available: false, reason: 'not_set' },
      { id: 'keychain', available: true, reason: null },
    ])
    expect(safe.calls.probe).toBe(0)
  })

  it('answers no source (the vault is locked) when none is available', async () => {
    const order = createSourceOrder([
      source('env', no('not_set')).s,
      source('keychain', no('keytar_missing')).s,
    ])
    const { source: picked, reports } = await order.pick()
    expect(picked).toBeNull()
    expect(reports.map((r) => r.reason)).toEqual(['not_set', 'keytar_missing'])
  })

  it('reports a probe that throws as unavailable with reason "error" and moves on', async () => {
    const boom = source('keychain', new Error('dbus went away'))
    const safe = source('safeStorage', yes)
    const order = createSourceOrder([boom.s, safe.s])
    expect((await order.pick()).source?.id).toBe('safeStorage')
    const all = await order.probeAll()
    expect(all[0]).toMatchObject({ id: 'keychain', available: false, reason: 'error' })
    expect(all[0]!.detail).toContain('dbus went away')
    expect(all[1]).toEqual({ id: 'safeStorage', available: true, reason: null })
  })

  it('probeAll probes every source, in order', async () => {
    const a = source('env', yes)
    const b = source('keychain', yes)
    const order = createSourceOrder([a.s, b.s])
    expect((await order.probeAll()).map((r) => r.id)).toEqual(['env', 'keychain'])
    expect([a.calls.probe, b.calls.probe]).toEqual([1, 1])
    expect(order.sources).toEqual([a.s, b.s])
  })
})
