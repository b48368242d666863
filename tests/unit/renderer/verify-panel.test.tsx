/**
 * The verification check (issue 16) in happy-dom with the real strings, against a fake
 * `window.switchboard` whose `verify:event`s the test pushes by hand (the shape of
 * src-preload/contract/verify.ts): the prompt is prefilled, Send starts a run, the reply streams
 * into a polite live region, events of another run or out of order are dropped (also those that
 * arrive before the start answered), the measurements follow; Cancel cancels; a failure is
 * translated with the provider guide's line; embedding, TTS and STT show their own results. The
 * dialog opens from a registered model's row and from the tray, is labelled, closes on Escape
 * and gives focus back.
 */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { catalogView } from '../../../src-main/providers/catalog'
import { guideView } from '../../../src-main/providers/guides'
import type {
  ModelView,
  ProviderFormView,
  VerifyEvent,
  VerifyEventPayload,
  VerifyTarget,
} from '../../../src-preload/contract'
import { RegisteredModels } from '../../../src-renderer/features/models/components/RegisteredModels'
import { VerifyDialogHost } from '../../../src-renderer/features/verify/components/VerifyDialogHost'
import { VerifyPanel } from '../../../src-renderer/features/verify/components/VerifyPanel'
import { initI18n } from '../../../src-renderer/i18n'
import { startEventBridge } from '../../../src-renderer/stores/event-bridge'
import { useCredentialsStore } from '../../../src-renderer/stores/use-credentials-store'
import { useModelsStore } from '../../../src-renderer/stores/use-models-store'
import { useVerifyStore } from '../../../src-renderer/stores/use-verify-store'
import { answerFrom, installFakeBridge } from '../../support/fake-bridge'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const providers: ProviderFormView[] = catalogView().map((p) => ({
  id: p.id,
  displayName: p.displayName,
  modalities: p.modalities,
  fields: p.fields,
  defaultBaseUrl: p.defaultBaseUrl,
  docsUrl: p.docsUrl,
  local: p.local,
  guide: guideView(p.id),
}))

const model = (id: string, name: string, type: ModelView['type']): ModelView => ({
  id,
  name,
  provider: 'openai',
  type,
  credentialId: 'cred-1',
  createdAt: '2026-01-01T00:00:00.000Z',
})
const MODELS = [
  model('m-chat', 'gpt-4o-mini', 'language'),
  model('m-embed', 'text-embedding-3-small', 'embedding'),
  model('m-tts', 'gpt-4o-mini-tts', 'text_to_speech'),
  model('m-stt', 'whisper-1', 'speech_to_text'),
]
const target = (modelId: string): VerifyTarget => ({ credentialId: 'cred-1', modelId })

let calls: [string, unknown][] = []
let listeners: Map<string, Set<(p: unknown) => void>>
/** When set, `verify:start` waits for this before answering (events can come first). */
let holdStart: Promise<void> | null = null
let runs = 0
let openRequest: VerifyTarget | null = null
let stopBridge: (() => void) | null = null

function fakeBridge() {
  const answer = answerFrom({
    'models:list': () => MODELS,
    'credentials:listIfChanged': () => ({
      version: 'v1',
      credentials: [{ id: 'cred-1', name: 'Work', provider: 'openai' }],
    }),
    'credentials:providers': () => providers,
    'verify:start': () => ({ runId: `run-${++runs}` }),
    'verify:cancel': () => ({ cancelled: true }),
    'verify:takeOpenRequest': () => ({ request: openRequest }),
  })
  ;({ listeners } = installFakeBridge(async (channel, req) => {
    calls.push([channel, req])
    if (channel === 'verify:start' && holdStart) await holdStart
    return answer(channel, req)
  }))
}

/** Main pushing one event to the window. */
function emit(name: string, payload: unknown) {
  act(() => {
    for (const l of listeners.get(name) ?? []) l(payload)
  })
}
let seq = 0
const ev = (runId: string, event: VerifyEvent, at = seq++): VerifyEventPayload => ({
  runId,
  seq: at,
  event,
})

let root: Root | null = null
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)))
async function render(node: React.ReactNode) {
  document.body.innerHTML = '<h1 id="page-title" tabindex="-1">Models</h1><div id="root"></div>'
  root = createRoot(document.getElementById('root')!)
  act(() => root!.render(node))
  await flush()
  await flush()
}
const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel)
/** Waits for the lazily loaded dialog chunk (a dynamic import) to render. */
async function dialogShown(): Promise<HTMLDialogElement> {
  for (let i = 0; i < 100 && !$('dialog.dialog'); i++) await flush()
  return $<HTMLDialogElement>('dialog.dialog')!
}
const buttonNamed = (name: string) => {
  const b = [...document.querySelectorAll('button')].find(
    (x) => x.textContent?.trim() === name || x.getAttribute('aria-label') === name,
  )
  if (!b) throw new Error(`no button ${name}`)
  return b
}
const started = (type: ModelView['type'] = 'language'): VerifyEvent => ({
  kind: 'started',
  providerId: 'openai',
  credentialName: 'Work',
  modelId: 'gpt-4o-mini',
  modelType: type,
})
const done = (over: Partial<Extract<VerifyEvent, { kind: 'done' }>> = {}): VerifyEvent => ({
  kind: 'done',
  latencyMs: 840,
  firstTokenMs: 120,
  tokens: { input: 12, output: 3 },
  dimensions: null,
  transcript: null,
  audio: null,
  ...over,
})

beforeAll(async () => {
  await initI18n('en-US')
})
beforeEach(() => {
  calls = []
  runs = 0
  seq = 0
  holdStart = null
  openRequest = null
  fakeBridge()
  // Main's events reach the stores the way they do in the app: through the one event bridge.
  stopBridge = startEventBridge()
  useModelsStore.setState({ models: MODELS, status: 'ready' })
  useCredentialsStore.setState({ providers })
  useVerifyStore.setState({ run: null, dialog: null })
})
afterEach(() => {
  stopBridge?.()
  act(() => root?.unmount())
  root = null
  document.body.innerHTML = ''
})

describe('VerifyPanel', () => {
  it('streams the reply into a polite live region and then shows the measurements', async () => {
    await render(
      <>
        <VerifyDialogHost />
        <VerifyPanel target={target('m-chat')} />
      </>,
    )
    const prompt = $<HTMLTextAreaElement>('textarea')!
    const label = $(`label[for="${prompt.id}"]`)!
    expect(label.textContent).toBe('Prompt')
    expect(prompt.value).toBe('In one short sentence, say hello and tell me which model you are.')
    act(() => buttonNamed('Send').click())
    await flush()
    expect(calls.find(([n]) => n === 'verify:start')?.[1]).toEqual({
      credentialId: 'cred-1',
      modelId: 'm-chat',
      prompt: 'In one short sentence, say hello and tell me which model you are.',
    })

    const reply = $('[data-testid="verify-reply"]')!
    expect(reply.getAttribute('aria-live')).toBe('polite')
    emit('verify:event', ev('run-1', started()))
    emit('verify:event', ev('run-1', { kind: 'firstToken', latencyMs: 120 }))
    emit('verify:event', ev('run-1', { kind: 'delta', text: 'Hello, ' }))
    expect(reply.textContent).toBe('Hello, ')
    expect(buttonNamed('Cancel')).toBeTruthy()
    // Another run's event and a repeated seq are dropped.
    emit('verify:event', ev('run-9', { kind: 'delta', text: 'STRAY' }, 3))
    emit('verify:event', ev('run-1', { kind: 'delta', text: 'AGAIN' }, 2))
    emit('verify:event', ev('run-1', { kind: 'delta', text: 'I am gpt-4o-mini.' }))
    expect(reply.textContent).toBe('Hello, I am gpt-4o-mini.')
    emit('verify:event', ev('run-1', done()))

    const metrics = $('[data-testid="verify-metrics"]')!
    expect(metrics.textContent).toContain('gpt-4o-mini')
    expect(metrics.textContent).toContain('Work')
    expect($('[data-metric="firstToken"]')!.textContent).toMatch(/First token.*120 milliseconds/)
    expect($('[data-metric="total"]')!.textContent).toMatch(/Total.*840 milliseconds/)
    expect($('[data-metric="tokens"]')!.textContent).toContain('12 in · 3 out')
    expect($('[role="status"]')!.textContent).toBe('Finished.')
    // A check, not a chat: Send again replaces the answer.
    act(() => buttonNamed('Send again').click())
    await flush()
    expect(reply.textContent).toBe('')
  })

  it('keeps events that arrive before the start answered, in seq order', async () => {
    let release!: () => void
    holdStart = new Promise((r) => (release = r))
    await render(
      <>
        <VerifyDialogHost />
        <VerifyPanel target={target('m-chat')} autoStart />
      </>,
    )
    emit('verify:event', ev('run-1', { kind: 'delta', text: 'lo' }, 2))
    emit('verify:event', ev('run-1', started(), 0))
    emit('verify:event', ev('run-1', { kind: 'delta', text: 'Hel' }, 1))
    await act(async () => release())
    await flush()
    expect($('[data-testid="verify-reply"]')!.textContent).toBe('Hello')
  })

  it('Cancel cancels the run in main and says so', async () => {
    await render(
      <>
        <VerifyDialogHost />
        <VerifyPanel target={target('m-chat')} autoStart />
      </>,
    )
    emit('verify:event', ev('run-1', started()))
    act(() => buttonNamed('Cancel').click())
    await flush()
    expect(calls).toContainEqual(['verify:cancel', { runId: 'run-1' }])
    emit('verify:event', ev('run-1', { kind: 'cancelled' }))
    expect($('[role="status"]')!.textContent).toContain('Cancelled')
    expect(buttonNamed('Send again')).toBeTruthy()
  })

  it('a 401 is shown translated, with the provider guide’s troubleshooting line', async () => {
    await render(
      <>
        <VerifyDialogHost />
        <VerifyPanel target={target('m-chat')} autoStart />
      </>,
    )
    emit('verify:event', ev('run-1', started()))
    emit(
      'verify:event',
      ev('run-1', {
        kind: 'failed',
        error: { code: 'auth_invalid', message: 'Incorrect API key provided: sk-…abcd.' },
      }),
    )
    const alert = $('[role="alert"]')!
    expect(alert.getAttribute('data-code')).toBe('auth_invalid')
    expect(alert.textContent).toContain('The check did not pass')
    expect(alert.textContent).toContain('The provider rejected the key.')
    expect(alert.textContent).toContain('For OpenAI:')
    expect(alert.textContent).toContain('API keys come from platform.openai.com')
    expect(alert.textContent).toContain('Incorrect API key provided')
  })

  it('a start main refuses is shown as the run’s error', async () => {
    ;(window as unknown as { switchboard: Record<string, unknown> }).switchboard = new Proxy(
      {},
      {
        get: (_t, d: string) =>
          d === 'verify'
            ? {
                start: async () => ({
                  ok: false,
                  error: { code: 'vault_locked', message: 'locked' },
                }),
                cancel: async () => ({ ok: true, data: { cancelled: false } }),
              }
            : new Proxy({}, { get: () => () => () => undefined }),
      },
    )
    await render(<VerifyPanel target={target('m-chat')} autoStart />)
    expect($('[role="alert"]')!.getAttribute('data-code')).toBe('vault_locked')
  })

  it('an embedding model shows its dimensions; STT the transcript and no prompt', async () => {
    await render(
      <>
        <VerifyDialogHost />
        <VerifyPanel target={target('m-embed')} autoStart />
      </>,
    )
    expect($('label')!.textContent).toBe('Text')
    emit('verify:event', ev('run-1', started('embedding')))
    emit(
      'verify:event',
      ev('run-1', done({ dimensions: 1536, tokens: { input: 9, output: null } })),
    )
    expect($('[data-metric="dimensions"]')!.textContent).toMatch(/Dimensions.*1,536/)
    expect($('[data-metric="tokens"]')!.textContent).toContain('9 in · – out')
    expect($('[data-testid="verify-reply"]')).toBeNull()
    act(() => root!.unmount())

    seq = 0
    await render(
      <>
        <VerifyDialogHost />
        <VerifyPanel target={target('m-stt')} autoStart />
      </>,
    )
    expect($('textarea')).toBeNull()
    expect(calls.filter(([n]) => n === 'verify:start').at(-1)?.[1]).toEqual(target('m-stt'))
    emit('verify:event', ev('run-2', started('speech_to_text')))
    emit('verify:event', ev('run-2', done({ transcript: 'The quick brown fox.' })))
    expect($('figure')!.textContent).toContain('Transcript of the bundled clip')
    expect($('blockquote')!.textContent).toBe('The quick brown fox.')
  })

  it('a TTS model gets a player on a blob: URL, revoked when the panel goes', async () => {
    const made = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:app://switchboard/clip-1')
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    await render(
      <>
        <VerifyDialogHost />
        <VerifyPanel target={target('m-tts')} autoStart />
      </>,
    )
    emit('verify:event', ev('run-1', started('text_to_speech')))
    const data = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0])
    emit('verify:event', ev('run-1', done({ audio: { mime: 'audio/mpeg', data }, tokens: null })))
    const audio = $<HTMLAudioElement>('audio')!
    expect(audio.getAttribute('src')).toBe('blob:app://switchboard/clip-1')
    expect(audio.getAttribute('aria-label')).toBe('Clip spoken by gpt-4o-mini-tts')
    expect(audio.hasAttribute('controls')).toBe(true)
    const blob = made.mock.calls[0]![0] as Blob
    expect(blob.type).toBe('audio/mpeg')
    expect(blob.size).toBe(6)
    expect($('[data-metric="tokens"]')).toBeNull()
    act(() => root!.unmount())
    root = null
    expect(revoked).toHaveBeenCalledWith('blob:app://switchboard/clip-1')
    made.mockRestore()
    revoked.mockRestore()
  })
})

describe('Verify dialog', () => {
  it('opens from a registered model’s row, is labelled, closes on Escape, focus goes back', async () => {
    await render(
      <>
        <RegisteredModels />
        <VerifyDialogHost />
      </>,
    )
    const opener = buttonNamed('Verify gpt-4o-mini')
    opener.focus()
    act(() => opener.click())
    const dialog = await dialogShown()
    expect(dialog).toBeTruthy()
    const title = document.getElementById(dialog.getAttribute('aria-labelledby')!)!
    expect(title.textContent).toBe('Verify gpt-4o-mini')
    expect(calls.find(([n]) => n === 'verify:start')?.[1]).toMatchObject(target('m-chat'))
    emit('verify:event', ev('run-1', started()))
    // Escape arrives as the dialog's cancel event: the dialog closes and the run is cancelled.
    act(() => {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }))
    })
    await flush()
    expect(useVerifyStore.getState().dialog).toBeNull()
    expect($('dialog.dialog')).toBeNull()
    expect(calls).toContainEqual(['verify:cancel', { runId: 'run-1' }])
    expect(document.activeElement).toBe(opener)
  })

  it('opens when the tray asks, and at start for a request made before the window loaded', async () => {
    openRequest = target('m-chat')
    await render(<VerifyDialogHost />)
    await flush()
    expect(useVerifyStore.getState().dialog).toEqual(target('m-chat'))
    expect(calls.some(([n]) => n === 'verify:takeOpenRequest')).toBe(true)
    await dialogShown()
    emit('verify:openRequested', target('m-embed'))
    await flush()
    expect(useVerifyStore.getState().dialog).toEqual(target('m-embed'))
    const dialog = await dialogShown()
    const title = document.getElementById(dialog.getAttribute('aria-labelledby')!)!
    expect(title.textContent).toBe('Verify text-embedding-3-small')
  })
})
