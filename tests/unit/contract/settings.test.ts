/**
 * The settings domain's request schemas (src-preload/contract/settings.ts): backup paths (no NUL,
 * bounded), the export passphrase's minimum length (an import takes whatever the file was sealed
 * with), and the preferences patch.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BackupPassphrase,
  BackupPath,
  settingsChannels,
} from '../../../src-preload/contract/settings'

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  schema.safeParse(v).success

describe('settings contract', () => {
  it('refuses a backup path holding a NUL anywhere, empty, or over 4096 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        expect(ok(BackupPath, `${a}\u0000${b}`)).toBe(false)
        expect(ok(BackupPath, `/tmp/${a}${b}`)).toBe(!`${a}${b}`.includes('\u0000'))
      }),
    )
    expect(ok(BackupPath, '')).toBe(false)
    expect(ok(BackupPath, `/${'p'.repeat(4095)}`)).toBe(true)
    expect(ok(BackupPath, `/${'p'.repeat(4096)}`)).toBe(false)
  })

  it('asks 8 characters of a new backup passphrase, and any of an import one', () => {
    expect(ok(BackupPassphrase, '1234567')).toBe(false)
    expect(ok(BackupPassphrase, '12345678')).toBe(true)
    const exp = settingsChannels['settings:exportBackup'].request
    const imp = settingsChannels['settings:importBackup'].request
    expect(ok(exp, { path: '/tmp/b', passphrase: 'short' })).toBe(false)
    expect(ok(exp, { path: '/tmp/b', passphrase: 'long enough', overwrite: true })).toBe(true)
    expect(ok(imp, { path: '/tmp/b', passphrase: 'short' })).toBe(true)
    expect(ok(imp, { path: '/tmp/b', passphrase: '' })).toBe(false)
    expect(ok(imp, { path: '/tmp/b', passphrase: 'p'.repeat(1025) })).toBe(false)
  })

  it('takes a preferences patch of known fields and values only', () => {
    const set = settingsChannels['settings:setPreferences'].request
    expect(ok(set, { theme: 'dark', updates: { autoCheck: false } })).toBe(true)
    expect(ok(set, { theme: 'neon' })).toBe(false)
    expect(ok(set, { updates: { channel: 'stable', feedUrl: 'https://evil.example' } })).toBe(false)
    expect(ok(settingsChannels['settings:migrateEnv'].request, { dryRun: 'yes' })).toBe(false)
  })
})
