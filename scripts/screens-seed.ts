import { startAnthropicServer } from '../tests/fixtures/anthropic-server'
import { startOpenAiServer } from '../tests/fixtures/openai-server'
import { closedPortUrl } from '../tests/fixtures/recording-server'

// Demo data for the screenshots, created through the IPC contract (grows as features land).
type Call = (channel: string, payload: unknown) => Promise<unknown>

/** Seeds the demo; returns a cleanup for anything it started. */
export async function seedDemo(call: Call): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = []
  cleanups.push(await seedModels(call))
  cleanups.push(await seedApiKeys(call))
  cleanups.push(await seedLocal(call))
  return async () => {
    for (const c of cleanups.reverse()) await c()
  }
}

/** Models page: an OpenAI-shaped fake with a few models, registered, and the defaults filled. */
async function seedModels(call: Call): Promise<() => Promise<void>> {
  const unwrap = async <T>(channel: string, payload: unknown): Promise<T> => {
    const res = (await call(channel, payload)) as { ok: boolean; data?: T; error?: unknown }
    if (!res.ok) throw new Error(`${channel}: ${JSON.stringify(res.error)}`)
    return res.data as T
  }
  const key = 'sk-fake-demo-screens-000000000000'
  const ids = [
    'gpt-4o',
    'gpt-4o-mini',
    'gpt-4.1',
    'text-embedding-3-small',
    'text-embedding-3-large',
    'tts-1',
    'whisper-1',
  ]
  const server = await startOpenAiServer({
    key,
    models: ids.map((id) => ({ id, object: 'model', created: 1721172741, owned_by: 'system' })),
  })
  const cred = await unwrap<{ id: string }>('credentials:create', {
    provider: 'openai',
    name: 'OpenAI (work)',
    apiKey: key,
    baseUrl: server.url,
  })
  const reg = await unwrap<{ created: { id: string; name: string }[] }>('models:register', {
    credentialId: cred.id,
    models: [
      { name: 'gpt-4o', type: 'language' },
      { name: 'gpt-4o-mini', type: 'language' },
      { name: 'text-embedding-3-small', type: 'embedding' },
      { name: 'tts-1', type: 'text_to_speech' },
      { name: 'whisper-1', type: 'speech_to_text' },
    ],
  })
  await unwrap('defaults:autoAssign', {})
  const byName = new Map(reg.created.map((m) => [m.name, m.id]))
  await unwrap('defaults:set', { slot: 'textToSpeech', modelId: byName.get('tts-1') })
  await unwrap('defaults:set', { slot: 'tools', modelId: byName.get('gpt-4o') })
  return () => server.close()
}

/** API Keys page: several providers, a primary and a second key, and test results of each kind. */
async function seedApiKeys(call: Call): Promise<() => Promise<void>> {
  const unwrap = async <T>(channel: string, payload: unknown): Promise<T> => {
    const res = (await call(channel, payload)) as { ok: boolean; data?: T; error?: unknown }
    if (!res.ok) throw new Error(`${channel}: ${JSON.stringify(res.error)}`)
    return res.data as T
  }
  const anthropicKey = 'sk-ant-fake-demo-screens-0000000000'
  const anthropic = await startAnthropicServer({ key: anthropicKey })
  const openai = await startOpenAiServer({ key: 'sk-fake-demo-screens-000000000000' })
  await unwrap('credentials:create', {
    provider: 'openai',
    name: 'OpenAI (personal)',
    apiKey: 'sk-fake-demo-revoked-000000k3Yz',
    baseUrl: openai.url,
  })
  await unwrap('credentials:create', {
    provider: 'anthropic',
    name: 'Anthropic',
    apiKey: anthropicKey,
    baseUrl: anthropic.url,
  })
  await unwrap('credentials:create', {
    provider: 'ollama',
    name: 'Ollama on this Mac',
    baseUrl: await closedPortUrl(),
    numCtx: 8192,
  })
  await unwrap('credentials:create', {
    provider: 'azure',
    name: 'Azure (EU)',
    apiKey: 'azure-demo-key-00000000000000000a9Fq',
    endpoint: 'https://contoso-eu.openai.azure.com',
    apiVersion: '2024-10-21',
  })
  // Test the ones whose servers are fakes or closed ports (never the Azure one: no network).
  const list = await unwrap<{ id: string; provider: string }[]>('credentials:list', {})
  for (const c of list.filter((c) => c.provider !== 'azure')) {
    await unwrap('credentials:test', { id: c.id })
  }
  return async () => {
    await anthropic.close()
    await openai.close()
  }
}

/** Local page: a fake Ollama (library, a running model) and a fake LM Studio with nothing loaded. */
async function seedLocal(call: Call): Promise<() => Promise<void>> {
  const { startFakeOllama } = await import('../tests/fixtures/ollama-server')
  const { startFakeLmStudio } = await import('../tests/fixtures/lmstudio-server')
  const ollama = await startFakeOllama()
  const lmstudio = await startFakeLmStudio({
    models: [
      { id: 'qwen2-vl-7b-instruct', type: 'vlm', state: 'not-loaded' },
      { id: 'meta-llama-3.1-8b-instruct', type: 'llm', state: 'not-loaded' },
    ],
  })
  for (const baseUrl of [ollama.url, lmstudio.url]) await call('local:addTarget', { baseUrl })
  await call('local:connect', { baseUrl: ollama.url })
  // The sweep the app runs at start-up (the Overview lists what it found).
  await call('local:detect', {})
  return async () => {
    await ollama.close()
    await lmstudio.close()
  }
}

/** The first-run screens: nothing stored, a fake Ollama running (offered on the choice screen). */
export async function seedFirstRun(call: Call): Promise<() => Promise<void>> {
  const { startFakeOllama } = await import('../tests/fixtures/ollama-server')
  const ollama = await startFakeOllama({ pull: { steps: 3, delayMs: 30 } })
  await call('local:addTarget', { baseUrl: ollama.url })
  return () => ollama.close()
}
