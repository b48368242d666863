import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createAppContext } from '../../src-main/app-context'
import { createMainTranslator } from '../../src-main/i18n'
import { buildTrayMenu } from '../../src-main/tray/menu'
import { trayDepsFrom } from '../../src-main/tray/tray-deps'
import { createTrayModel } from '../../src-main/tray/tray-model'
import { startOpenAiServer } from '../fixtures/openai-server'

const KEY = 'sk-tray-test-key-0000000000001234'

describe('tray over the real services', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-tray-'))
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }))

  it('lists credentials, runs Test all against a real server and updates the menu', async () => {
    const server = await startOpenAiServer({ key: KEY, prefix: '/v1' })
    try {
      const app = createAppContext({
        home,
        env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'tray' },
      })
      await app.credentials.create({
        provider: 'openai',
        name: 'Good',
        apiKey: KEY,
        baseUrl: server.url,
      })
      await app.credentials.create({
        provider: 'groq',
        name: 'Bad',
        apiKey: 'gsk_wrong_0000000000000',
        baseUrl: server.url,
      })
      const t = createMainTranslator('en-US')
      const notes: string[] = []
      const model = createTrayModel({
        ...trayDepsFrom(app),
        notify: (a, b) => notes.push(`${a}: ${b}`),
        t,
      })
      await model.refresh()
      expect(buildTrayMenu(model.state(), t).map((i) => i.label)).toContain(
        '– OpenAI · Good — untested',
      )
      await model.testAll()
      const labels = buildTrayMenu(model.state(), t).map((i) => i.label)
      expect(labels[0]).toBe('Some credentials are failing')
      expect(labels).toContain('✓ OpenAI · Good — just now')
      expect(labels).toContain('✗ Groq · Bad — just now')
      expect(notes).toEqual(['Switchboard test results: 1 working, 1 failing'])
      expect(JSON.stringify(model.state())).not.toContain(KEY)
    } finally {
      await server.close()
    }
  })
})
