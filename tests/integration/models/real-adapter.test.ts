/**
 * The models service over the product's own catalog entry and adapter registry (Anthropic):
 * pagination is followed end to end and a bad key comes back as auth_invalid with no models.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { getAdapter } from '../../../src-main/providers/adapters'
import { getProvider } from '../../../src-main/providers/catalog'
import { startAnthropicServer } from '../../fixtures/anthropic-server'
import type { FakeServer } from '../../fixtures/recording-server'
import { closeWorlds, createWorld } from './world'

const KEY = 'zz-ANTHROPICKEY-0123456789'

let server: FakeServer | null = null
afterEach(async () => {
  await closeWorlds()
  await server?.close()
  server = null
})

async function setup(key: string) {
  server = await startAnthropicServer({ key, pageCap: 2 })
  const entry = getProvider('anthropic')
  const world = createWorld({ adapter: getAdapter(entry), entry })
  await world.addCredential('cred-a', 'anthropic', server.url, KEY)
  return world
}

describe('discovery through the real Anthropic adapter', () => {
  it('follows pages and types every model as language', async () => {
    const world = await setup(KEY)
    const res = await world.models.discover('cred-a')
    expect(res.error).toBeNull()
    expect(res.models.map((m) => [m.name, m.type, m.registered])).toEqual([
      ['claude-opus-4-1-20250805', 'language', false],
      ['claude-sonnet-4-20250514', 'language', false],
      ['claude-3-5-haiku-20241022', 'language', false],
    ])
    expect(server!.requests.filter((r) => r.path === '/v1/models').length).toBeGreaterThan(1)
  })

  it('returns auth_invalid and no models for a key the server refuses', async () => {
    const world = await setup('zz-OTHERKEY-000000000')
    const res = await world.models.discover('cred-a')
    expect(res).toMatchObject({ models: [], error: { code: 'auth_invalid' } })
    expect(JSON.stringify(res)).not.toContain('ANTHROPICKEY')
  })
})
