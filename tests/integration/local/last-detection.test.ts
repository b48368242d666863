import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAppContext } from '../../../src-main/app-context'
import { createDispatcher } from '../../../src-main/ipc/dispatch'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { startFakeOllama } from '../../fixtures/ollama-server'
import { tmpHome } from '../../support/home'

describe('local:lastDetection', () => {
  it('is null before any sweep and then the latest sweep', async () => {
    const home = tmpHome('sb-last-')
    const ollama = await startFakeOllama()
    try {
      const app = createAppContext({
        home,
        env: { SWITCHBOARD_HOME: home, SWITCHBOARD_DETECT_DEFAULTS: '0', OLLAMA_HOST: ollama.url },
      })
      const dispatch = createDispatcher(createHandlers(app), { isTrustedSender: () => true })
      expect(await dispatch('local:lastDetection', {}, 'app://switchboard/')).toEqual({
        ok: true,
        data: null,
      })
      const swept = await app.local.detect({ timeoutMs: 5000 }) // waits for the fake, not a 500 ms race
      expect(swept.servers.map((s) => s.kind)).toEqual(['ollama'])
      const res = await dispatch('local:lastDetection', {}, 'app://switchboard/')
      expect(res).toEqual({ ok: true, data: swept })
    } finally {
      await ollama.close()
      fs.rmSync(home, { recursive: true, force: true })
    }
  })
})
