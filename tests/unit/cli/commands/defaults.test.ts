/**
 * `defaults`, `defaults set`, `defaults auto` (src-cli/commands/defaults) over a real store: the
 * plain slot map in --json (the same object after `defaults set`, DESIGN §9), the table with notes
 * for people, and a slot name checked first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultsCommands } from '../../../../src-cli/commands/defaults'
import { modelCommands } from '../../../../src-cli/commands/models'
import { defaultSlots } from '../../../../src-preload/contract/slot-names'
import { runTable } from '../../../fixtures/cli-in-process'
import { cliWorld } from './world'

let world: Awaited<ReturnType<typeof cliWorld>>
beforeAll(async () => {
  world = await cliWorld()
  const id = await world.addCredential()
  await runTable(modelCommands, ['register', id, '--all'], world.env)
})
afterAll(() => world.close())

const run = (...args: string[]) => runTable(defaultsCommands, args, world.env)

describe('switchboard defaults', () => {
  it('shows every slot empty, the required ones starred and missing', async () => {
    const json = await run('--json', 'defaults')
    expect(json.json).toEqual(Object.fromEntries(defaultSlots.map((s) => [s, null])))
    const human = await run('defaults')
    expect(human.stdout).toMatch(/^SLOT\s+MODEL\s+NOTE/)
    expect(human.stdout).toMatch(/chat\*\s+-/)
    expect(human.stdout).toMatch(/tools\s+-\s+falls back to chat/)
    expect(human.stderr).toContain(
      'Missing required: chat, embedding — try: switchboard defaults auto',
    )
  })

  it('fills the required slots from the registered models', async () => {
    const r = await run('defaults', 'auto')
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n').map((l) => l.split(' → ')[0])).toEqual(['chat', 'embedding'])
    expect((await run('defaults', 'auto')).stderr).toBe('Nothing to assign.')
    const json = await run('--json', 'defaults')
    expect(json.json.chat).toEqual(expect.any(String))
    expect(json.json.embedding).toEqual(expect.any(String))
  })

  it('set --json prints the same {chat, embedding, …} object as defaults --json (DESIGN §9)', async () => {
    const before = (await run('--json', 'defaults')).json
    const embedding = before.embedding as string
    const r = await run('--json', 'defaults', 'set', 'tools', before.chat as string)
    expect(r.code).toBe(0)
    expect(Object.keys(r.json)).toEqual([...defaultSlots])
    expect(r.json).toEqual({ ...before, tools: before.chat })
    expect(r.json).toEqual((await run('--json', 'defaults')).json)
    expect(r.json.embedding).toBe(embedding)
    // People get the word on stderr and nothing on stdout.
    const human = await run('defaults', 'set', 'tools', 'none')
    expect(human).toMatchObject({ code: 0, stdout: '', stderr: 'Saved.' })
  })

  it('clears a slot with none and refuses a slot that does not exist', async () => {
    const r = await run('--json', 'defaults', 'set', 'chat', 'none')
    expect(r.code).toBe(0)
    expect(r.json.chat).toBeNull()
    expect(r.json).toEqual((await run('--json', 'defaults')).json)
    const wrong = await run('--json', 'defaults', 'set', 'language', 'none')
    expect(wrong.code).toBe(2)
    expect(wrong.json.error).toMatchObject({ code: 'validation', params: { field: 'slot' } })
    expect(wrong.json.error.message).toContain(defaultSlots.join(', '))
  })
})
