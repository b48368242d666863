/**
 * The first-run screen (src-renderer/pages/WelcomePage.tsx) against a fake `window.switchboard`:
 * each answer to "What do you want?" leads into its flow with the providers the table offers
 * (src-renderer/features/first-run/choices.ts), a detected local server is offered on the same
 * screen, and "Skip for now" remembers the dismissal in main's preferences and lands on the
 * overview.
 */
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  CHOICE_TABLE,
  FIRST_RUN_CHOICES,
  flowFor,
  stepState,
} from '../../../src-renderer/features/first-run/choices'
import { initI18n } from '../../../src-renderer/i18n'
import { WelcomePage } from '../../../src-renderer/pages/WelcomePage'
import { useNavStore } from '../../../src-renderer/stores/use-nav-store'
import { useLocalStore } from '../../../src-renderer/stores/use-local-store'
import { answerFrom, installFakeBridge } from '../../support/fake-bridge'

// React's act() expects to be told it runs in a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const PROVIDERS = [
  ['openai', 'OpenAI'],
  ['anthropic', 'Anthropic'],
  ['google', 'Google Gemini'],
  ['openrouter', 'OpenRouter'],
  ['groq', 'Groq'],
  ['deepseek', 'DeepSeek'],
  ['azure', 'Azure OpenAI'],
  ['vertex', 'Vertex AI'],
  ['ollama', 'Ollama'],
  ['lmstudio', 'LM Studio'],
  ['openai_compatible', 'OpenAI-compatible'],
].map(([id, displayName]) => ({ id, displayName, modalities: [], fields: [], docsUrl: '' }))

const OLLAMA = {
  kind: 'ollama',
  baseUrl: 'http://127.0.0.1:11434',
  version: '0.6.5',
  models: [{ id: 'llama3.2:3b', type: 'language', typeSource: 'api' }],
  state: 'ready',
  source: 'default',
  provider: 'ollama',
  credentialBaseUrl: 'http://127.0.0.1:11434',
}

let calls: [string, unknown][] = []
let servers: unknown[] = []

function fakeBridge() {
  const answer = answerFrom({
    'credentials:providers': () => PROVIDERS,
    'credentials:listIfChanged': () => ({ version: 'v1', credentials: [] }),
    'credentials:lastTestsIfChanged': () => ({ version: 'v1', lastTests: {} }),
    'local:detect': () => ({ servers, elapsedMs: 5, probed: 1 }),
    'local:lastDetection': () => ({ servers, elapsedMs: 5, probed: 1 }),
    'local:targets': () => ({ targets: [] }),
    'local:machine': () => ({ platform: 'linux', arch: 'x64', install: {} }),
    'local:activePulls': () => [],
    'local:activeImports': () => [],
    'local:recommended': () => ({ machine: { totalRamBytes: 1, freeDiskBytes: 1 }, models: [] }),
    'local:ollamaList': () => [],
    'local:ollamaPs': () => [],
    'setup:offlineActive': () => [],
    'settings:setPreferences': (req) => req,
  })
  installFakeBridge((channel, req) => {
    calls.push([channel, req])
    return answer(channel, req)
  })
}

let root: Root
let host: HTMLElement
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)))
const button = (name: string | RegExp) => {
  const all = [...host.querySelectorAll('button')]
  const hit = all.find((b) =>
    typeof name === 'string' ? b.textContent?.includes(name) : name.test(b.textContent ?? ''),
  )
  if (!hit)
    throw new Error(`no button ${String(name)} in: ${all.map((b) => b.textContent).join(' | ')}`)
  return hit
}
const click = async (el: HTMLElement) => {
  await act(async () => el.click())
  await flush()
}

beforeAll(async () => {
  await initI18n('en-US')
})
beforeEach(async () => {
  calls = []
  servers = []
  fakeBridge()
  useLocalStore.setState({ detect: null, detectStatus: 'idle' })
  host = document.createElement('div')
  document.body.append(host)
  root = createRoot(host)
})
afterEach(() => {
  act(() => root.unmount())
  host.remove()
})

async function render() {
  await act(async () => root.render(createElement(WelcomePage)))
  await flush()
}

describe('first-run choices table', () => {
  it('leads each answer into its flow with its providers', () => {
    expect(FIRST_RUN_CHOICES).toEqual(['cloud', 'cost', 'private', 'enterprise'])
    expect(flowFor('cloud')).toMatchObject({
      flow: 'key',
      providers: ['openai', 'anthropic', 'google'],
    })
    expect(flowFor('cost')).toMatchObject({
      flow: 'key',
      providers: ['openrouter', 'groq', 'deepseek', 'google'],
    })
    expect(flowFor('private')).toMatchObject({ flow: 'local' })
    expect(flowFor('enterprise')).toMatchObject({ flow: 'key', providers: ['azure', 'vertex'] })
    expect(flowFor('cloud').steps).toEqual(['addKey', 'test', 'discover', 'defaults', 'verify'])
    expect(flowFor('private').steps).toEqual(['server', 'setup', 'verify'])
    expect(stepState(flowFor('cloud').steps, 'discover', 'test')).toBe('done')
    expect(stepState(flowFor('cloud').steps, 'discover', 'discover')).toBe('current')
    expect(stepState(flowFor('cloud').steps, 'discover', 'verify')).toBe('todo')
  })
})

describe('first-run screen', () => {
  for (const choice of ['cloud', 'cost', 'enterprise'] as const) {
    it(`"${choice}" opens the key flow offering exactly its providers`, async () => {
      await render()
      await click(host.querySelector<HTMLElement>(`[data-choice="${choice}"]`)!)
      expect(host.querySelector('h2')?.textContent).toBe('Add your key')
      expect(host.querySelector('[aria-current="step"]')?.getAttribute('data-step')).toBe('addKey')
      const offered = [...host.querySelectorAll('.first-run-provider-list button')].map(
        (b) => b.textContent,
      )
      const names = CHOICE_TABLE[choice].providers.map(
        (id) => PROVIDERS.find((p) => p.id === id)!.displayName,
      )
      expect(offered).toEqual(names.map((n) => `Add a key for ${n}`))
      // Nothing local happens on a key path.
      expect(calls.some(([c]) => c === 'setup:offlineStart' || c === 'local:connect')).toBe(false)
    })
  }

  it('"private" opens the local flow: it scans for servers and offers offline setup, no key', async () => {
    await render()
    await click(host.querySelector<HTMLElement>('[data-choice="private"]')!)
    expect(host.querySelector('h2')?.textContent).toBe('Use a model server on this machine')
    expect(host.querySelector('[aria-current="step"]')?.getAttribute('data-step')).toBe('server')
    expect(calls.filter(([c]) => c === 'local:detect').length).toBeGreaterThan(0)
    expect(host.querySelector('.first-run-provider-list')).toBeNull()
    expect(host.textContent).toContain('Offline setup')
  })

  it('offers a detected local server on the choice screen, leading into the private flow', async () => {
    servers = [OLLAMA]
    await render()
    expect(host.textContent).toContain('Found 1 model server on this machine')
    expect(host.textContent).toContain('http://127.0.0.1:11434')
    await click(button('Use it privately'))
    expect(host.querySelector('h2')?.textContent).toBe('Use a model server on this machine')
  })

  it('"Skip for now" remembers the dismissal in main and goes to the overview', async () => {
    useNavStore.getState().go('welcome')
    await render()
    await click(button('Skip for now'))
    expect(calls).toContainEqual(['settings:setPreferences', { firstRunDismissed: true }])
    expect(useNavStore.getState().page).toBe('home')
  })

  it('"Back to the choices" returns from a flow', async () => {
    await render()
    await click(host.querySelector<HTMLElement>('[data-choice="enterprise"]')!)
    await click(button('Back to the choices'))
    expect(host.querySelectorAll('[data-choice]')).toHaveLength(4)
  })
})
