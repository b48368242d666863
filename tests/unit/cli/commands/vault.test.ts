/**
 * `vault status` and `vault rotate` (src-cli/commands/vault): where the master key comes from,
 * exit 3 when the vault does not open, and a rotation that re-encrypts the stored secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vaultCommands } from '../../../../src-cli/commands/vault'
import { runTable } from '../../../fixtures/cli-in-process'
import { cliWorld } from './world'

let world: Awaited<ReturnType<typeof cliWorld>>
beforeAll(async () => {
  world = await cliWorld()
  await world.addCredential()
})
afterAll(() => world.close())

describe('switchboard vault', () => {
  it('reports the source of the master key and every other source with its reason', async () => {
    const json = await runTable(vaultCommands, ['--json', 'vault', 'status'], world.env)
    expect(json.code).toBe(0)
    expect(json.json).toMatchObject({ state: 'unlocked', source: 'env' })
    const human = await runTable(vaultCommands, ['vault', 'status'], world.env)
    expect(human.stdout.split('\n')[0]).toBe('vault: unlocked (master key from env)')
    expect(human.stdout).toMatch(/^ {2}✓ env/m)
  })

  it('exits 3 when the passphrase does not open the stored secrets', async () => {
    const env = { ...world.env, SWITCHBOARD_ENCRYPTION_KEY: 'another passphrase' }
    const r = await runTable(vaultCommands, ['--json', 'vault', 'status'], env)
    expect(r.json.state).toBe('wrong_key')
    expect(r.code).toBe(3)
  })

  it('re-encrypts every secret with a new key', async () => {
    const r = await runTable(vaultCommands, ['vault', 'rotate'], world.env)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/^Re-encrypted 1 secret with a new key in env\.$/)
  })
})
