/**
 * `discover`, `register`, `models`, `model-test`, `unregister` (src-cli/commands/models) over a
 * real store and an OpenAI-shaped fake: DESIGN §9's model JSON, types from discovery or from
 * `NAME:TYPE`, and the refusals that name the flag at fault.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { modelCommands } from '../../../../src-cli/commands/models'
import { runTable } from '../../../fixtures/cli-in-process'
import { cliWorld } from './world'

let world: Awaited<ReturnType<typeof cliWorld>>
let id = ''
beforeAll(async () => {
  world = await cliWorld()
  id = await world.addCredential()
})
afterAll(() => world.close())

const run = (...args: string[]) => runTable(modelCommands, args, world.env)

describe('switchboard model commands', () => {
  it('discovers the listing, typed, with DESIGN §9 fields only in --json', async () => {
    const r = await run('--json', 'discover', id)
    expect(r.code).toBe(0)
    expect(Object.keys(r.json)).toEqual(['credentialId', 'provider', 'models', 'error'])
    const chat = r.json.models.find((m: { name: string }) => m.name === 'gpt-4o-mini')
    expect(chat).toEqual({
      id: expect.any(String),
      name: 'gpt-4o-mini',
      type: 'language',
      registered: false,
    })
    const human = await run('discover', id)
    expect(human.stdout).toMatch(/^NAME\s+TYPE\s+REGISTERED/)
    expect(human.stderr).toContain('3 models')
  })

  it('registers by name (type from discovery) and by NAME:TYPE; refuses an unknown name', async () => {
    const r = await run(
      '--json',
      'register',
      id,
      '--model',
      'gpt-4o-mini',
      '--model',
      'custom:embedding',
    )
    expect(r.code).toBe(0)
    expect(r.json.created.map((m: { name: string; type: string }) => [m.name, m.type])).toEqual([
      ['gpt-4o-mini', 'language'],
      ['custom', 'embedding'],
    ])
    expect(Object.keys(r.json.created[0])).toEqual([
      'id',
      'name',
      'provider',
      'type',
      'credentialId',
    ])
    const unknown = await run('--json', 'register', id, '--model', 'nope')
    expect(unknown.code).toBe(2)
    expect(unknown.json.error).toMatchObject({ code: 'validation', params: { field: 'model' } })
    expect(unknown.json.error.message).toContain('--model "nope:language"')
    const neither = await run('--json', 'register', id)
    expect(neither.json.error.message).toContain('--model NAME[:TYPE]')
  })

  it('registers everything with --all, counting what was there', async () => {
    const r = await run('register', id, '--all')
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('Registered 2 models (1 already registered).')
  })

  it('lists by type and refuses a type that does not exist', async () => {
    const r = await run('--json', 'models', '--type', 'embedding')
    expect(r.json.map((m: { name: string }) => m.name).sort()).toEqual([
      'custom',
      'text-embedding-3-small',
    ])
    const wrong = await run('--json', 'models', '--type', 'chat')
    expect(wrong.code).toBe(2)
    expect(wrong.json.error).toMatchObject({ params: { field: 'type' } })
    expect(wrong.json.error.message).toContain('is not a model type (language,')
    const human = await run('models', '--credential', id)
    expect(human.stdout).toMatch(/^ID\s+NAME\s+TYPE\s+PROVIDER/)
  })

  it('exercises a chat model and unregisters it', async () => {
    const list = await run('--json', 'models', '--type', 'language')
    const modelId = list.json[0].id
    const t = await run('model-test', modelId)
    expect(t.code).toBe(0)
    expect(t.stdout).toMatch(/^✓ gpt-4o-mini: .* — OK \(\d+ ms\)$/)
    const gone = await run('--json', 'unregister', modelId)
    expect(gone.json).toMatchObject({ removed: { id: modelId }, clearedSlots: [] })
    expect((await run('--json', 'models', '--type', 'language')).json).toEqual([])
  })

  it('says how to start when nothing is registered', async () => {
    const other = await cliWorld()
    try {
      const r = await runTable(modelCommands, ['models'], other.env)
      expect(r.stderr).toContain('switchboard discover <credential-id>')
    } finally {
      await other.close()
    }
  })
})
