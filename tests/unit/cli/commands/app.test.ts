/**
 * `switchboard info` (src-cli/commands/app.ts): the version and data folder, as JSON and as two
 * human lines on stdout.
 */
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../src-cli/main'
import { capturingIo } from '../../../fixtures/cli-in-process'
import { tmpHome } from '../../../support/home'

describe('switchboard info', () => {
  it('prints the version and the data folder', async () => {
    const home = tmpHome('sb-cli-info-')
    const json = capturingIo({ SWITCHBOARD_HOME: home })
    expect(await runCli(['--json', 'info'], json.io, { version: '9.8.7' })).toBe(0)
    expect(JSON.parse(json.out.join(''))).toEqual({
      name: 'Switchboard',
      version: '9.8.7',
      dataDir: home,
    })
    const human = capturingIo({ SWITCHBOARD_HOME: home })
    expect(await runCli(['info'], human.io, { version: '9.8.7' })).toBe(0)
    expect(human.out.join('\n')).toBe(`Switchboard 9.8.7\ndata: ${home}`)
  })
})
