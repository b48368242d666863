/**
 * src-main/tray/tray-deps.ts: the tray model over the real services (store, vault, connection
 * tests) against a fake OpenAI server; its Test all goes through the same one-run gate and
 * emits the same result events as a window's (issue 13).
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppContext } from '../../src-main/app-context'
import { createMainTranslator } from '../../src-main/i18n'
import { buildTrayMenu } from '../../src-main/tray/menu'
import { trayDepsFrom } from '../../src-main/tray/tray-deps'
import { createTrayModel, refreshesTray } from '../../src-main/tray/tray-model'
import { startOpenAiServer } from '../fixtures/openai-server'
import { tmpHome } from '../support/home'

const KEY = 'sk-tray-test-key-0000000000001234'
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/** A context over a temp home with one working OpenAI credential, and a tray model over it. */
async function trayOverServices() {
  const server = await startOpenAiServer({ key: KEY, prefix: '/v1' })
  const home = tmpHome('sb-tray-')
  cleanups.push(
    () => server.close(),
    () => fs.rmSync(home, { recursive: true, force: true }),
  )
  const events: [string, unknown][] = []
  const app = createAppContext({
    home,
    env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'tray' },
    emit: (e, p) => void events.push([e, p]),
  })
  const good = await app.credentials.create({
    provider: 'openai',
    name: 'Good',
    apiKey: KEY,
    baseUrl: server.url,
  })
  const t = createMainTranslator('en-US')
  const notes: string[] = []
  const model = createTrayModel({
    ...trayDepsFrom(app),
    notify: (a, b) => notes.push(`${a}: ${b}`),
    t,
  })
  return { server, app, good, t, notes, model, events }
}

describe('tray over the real services', () => {
  it('lists credentials, runs Test all against a real server and updates the menu', async () => {
    const { server, app, t, notes, model } = await trayOverServices()
    await app.credentials.create({
      provider: 'groq',
      name: 'Bad',
      apiKey: 'gsk_wrong_0000000000000',
      baseUrl: server.url,
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
  })

  it("emits each result as a window's run does", async () => {
    const { good, model, events } = await trayOverServices()
    await model.testAll()
    expect(events.filter(([e]) => e === 'credentials:testResult')).toEqual([
      [
        'credentials:testResult',
        { result: expect.objectContaining({ credentialId: good.id, ok: true }) },
      ],
    ])
    expect(JSON.stringify(events)).not.toContain(KEY)
  })

  it('is refused in words while another run goes (the same gate as IPC)', async () => {
    const { app, notes, model } = await trayOverServices()
    // The gate closes synchronously when a run starts, so the tray's start meets it.
    const held = app.tests.testAll()
    await model.testAll()
    await held
    expect(notes).toEqual([
      'Switchboard test results: A test of every credential is already running.',
    ])
  })

  it('hears a new model and a new chat default (app:changed), so Quick test follows the default', async () => {
    const { app, good, model, events } = await trayOverServices()
    await model.refresh()
    expect(model.state().chatDefault ?? null).toBeNull()
    const changed = () => events.filter(([e]) => e === 'app:changed').map(([, p]) => p)

    const { created } = await app.models.register(good.id, [
      { name: 'gpt-4.1-mini', type: 'language' },
      { name: 'text-embedding-3-small', type: 'embedding' },
    ])
    expect(changed()).toEqual([{ domain: 'models' }])
    // Registering what is already there changes nothing and says nothing.
    await app.models.register(good.id, [{ name: 'gpt-4.1-mini', type: 'language' }])
    expect(changed()).toHaveLength(1)

    const chat = created.find((m) => m.type === 'language')!
    const embedding = created.find((m) => m.type === 'embedding')!
    await expect(app.defaults.set('chat', embedding.id)).rejects.toMatchObject({
      code: 'validation',
    })
    expect(changed()).toHaveLength(1)
    await app.defaults.set('chat', chat.id)
    expect(changed()).toEqual([{ domain: 'models' }, { domain: 'defaults' }])

    // What main's emit does with it in the app: the tray refreshes and sees the default.
    for (const [e] of events) if (refreshesTray(e)) await model.refresh()
    expect(model.state().chatDefault).toEqual({ modelId: chat.id, credentialId: good.id })

    await app.models.unregister(chat.id)
    expect(changed().at(-1)).toEqual({ domain: 'models' })
  })
})
