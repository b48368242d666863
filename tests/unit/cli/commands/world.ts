/**
 * One CLI world for the command tests: a fresh data folder unlocked by a passphrase, an
 * OpenAI-shaped fake server and, on request, a credential pointing at it (added through `add`).
 */
import fs from 'node:fs'
import { credentialCommands } from '../../../../src-cli/commands/credentials'
import { startOpenAiServer, type OpenAiFakeOptions } from '../../../fixtures/openai-server'
import { runTable } from '../../../fixtures/cli-in-process'
import { tmpHome } from '../../../support/home'

export const KEY = 'sk-proj-cmdTESTkey0000000000000wxyz'

/** A data folder and a fake; `close` removes both. */
export async function cliWorld(opts: Partial<OpenAiFakeOptions> = {}) {
  const home = tmpHome('sb-cli-cmd-')
  const server = await startOpenAiServer({ key: KEY, ...opts })
  const env = { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'cli command passphrase' }
  return {
    home,
    server,
    env,
    /** Adds an OpenAI credential at the fake with `key`; resolves with its id. */
    async addCredential(key = KEY): Promise<string> {
      const r = await runTable(
        credentialCommands,
        ['--json', 'add', 'openai', '--name', 'Fake', '--base-url', server.url, '--key-stdin'],
        env,
        key,
      )
      if (r.code !== 0) throw new Error(`add failed: ${r.stdout}`)
      return r.json.id
    },
    async close() {
      await server.close()
      fs.rmSync(home, { recursive: true, force: true })
    },
  }
}
