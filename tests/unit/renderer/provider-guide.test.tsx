/**
 * The add dialog's guide and key notices (issue 16), rendered in happy-dom with the real
 * provider list main sends (catalog + guides) and the real strings: the guide is a disclosure
 * (a button with aria-expanded / aria-controls, open when adding), a pasted key of another
 * provider gets a gentle warning naming it, quotes and spaces get a notice, a right key gets
 * nothing, and saving is never blocked. A failed test shows the provider's troubleshooting line.
 */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { catalogView } from '../../../src-main/providers/catalog'
import { guideView } from '../../../src-main/providers/guides'
import type {
  ConnectionTestView,
  CredentialView,
  ProviderFormView,
} from '../../../src-preload/contract'
import { CredentialDialog } from '../../../src-renderer/features/api-keys/components/CredentialDialog'
import { TestResult } from '../../../src-renderer/features/api-keys/components/TestResult'
import { initI18n } from '../../../src-renderer/i18n'
import { useCredentialsStore } from '../../../src-renderer/stores/use-credentials-store'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const ANTHROPIC_KEY = `sk-ant-api03-${'aB3_-'.repeat(18)}xyzAA`
const OPENAI_KEY = `sk-proj-${'Xy7'.repeat(12)}T3BlbkFJ${'Qw2'.repeat(12)}`

// What `credentials:providers` answers (src-main/ipc/handlers/credentials.ts).
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
const byId = (id: string) => providers.find((p) => p.id === id)!

let root: Root | null = null
beforeAll(async () => {
  await initI18n('en-US')
  useCredentialsStore.setState({ providers })
})
afterEach(() => {
  act(() => root?.unmount())
  root = null
  document.body.innerHTML = ''
})

function render(node: React.ReactNode) {
  document.body.innerHTML = '<div id="root"></div>'
  root = createRoot(document.getElementById('root')!)
  act(() => root!.render(node))
}

/** Sets an input's value the way a paste does (one input event with the whole text). */
function paste(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  act(() => {
    setter.call(input, text)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}
const keyInput = () => document.querySelector<HTMLInputElement>('[data-field="apiKey"] input')!
const notice = () => document.querySelector('[data-key-notice]')

describe('the add dialog guide', () => {
  it('is a disclosure, open when adding, with the steps, key shape and recommended models', () => {
    render(<CredentialDialog provider={byId('openai')} credential={null} onClose={() => {}} />)
    const toggle = document.querySelector<HTMLButtonElement>('button.guide-toggle')!
    // The form's first field still gets the focus, not the guide's button above it.
    expect(document.activeElement).toBe(document.querySelector('[data-field="name"] input'))
    expect(toggle.type).toBe('button')
    expect(toggle.textContent).toBe('How to set up OpenAI')
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const body = document.getElementById(toggle.getAttribute('aria-controls')!)!
    expect(body.hidden).toBe(false)
    expect(body.textContent).toContain('Sign in (or sign up) at platform.openai.com.')
    expect(body.textContent).toContain('Keys usually look like sk-proj-… / sk-….')
    expect(body.textContent).toContain('Chat: gpt-4.1-mini, gpt-4o-mini')
    // The billing page in a step is a link that opens through main (app:openLink).
    expect(
      body.querySelector('a[href="https://platform.openai.com/settings/organization/billing"]'),
    ).not.toBeNull()

    act(() => toggle.click())
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(body.hidden).toBe(true)
    act(() => toggle.click())
    expect(body.hidden).toBe(false)
  })

  it('is closed when editing', () => {
    const view: CredentialView = {
      id: 'c1',
      provider: 'openai',
      name: 'Work',
      baseUrl: null,
      endpoint: null,
      apiVersion: null,
      project: null,
      location: null,
      credentialsPath: null,
      numCtx: null,
      isPrimary: true,
      hasKey: true,
      keyHint: 'abcd',
      modelCount: 0,
      status: 'ok',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      endpoints: null,
      allowInsecureHttp: false,
    }
    render(<CredentialDialog provider={byId('openai')} credential={view} onClose={() => {}} />)
    const toggle = document.querySelector<HTMLButtonElement>('button.guide-toggle')!
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)!.hidden).toBe(true)
  })

  it('shows the memory a model needs for a local server', () => {
    render(<CredentialDialog provider={byId('ollama')} credential={null} onClose={() => {}} />)
    const body = document.querySelector('.guide-body')!
    expect(body.textContent).toContain(
      '7–8B parameters: about 5–7 GB (a machine with 8 GB of RAM or more)',
    )
    expect(body.textContent).not.toContain('Keys usually look like')
  })
})

describe('key notices', () => {
  it('warns gently when an Anthropic key is pasted into OpenAI, and names Anthropic', () => {
    render(<CredentialDialog provider={byId('openai')} credential={null} onClose={() => {}} />)
    paste(keyInput(), ANTHROPIC_KEY)
    expect(notice()!.getAttribute('role')).toBe('status')
    expect(notice()!.textContent).toBe(
      'It has the shape of Anthropic keys. Did you choose the right provider? You can still save it.',
    )
    // A warning, not an error: the field is not invalid and the submit button stays enabled.
    expect(keyInput().getAttribute('aria-invalid')).toBeNull()
    expect(document.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(false)
    // The notice never repeats the key (only the input holds it).
    expect(notice()!.innerHTML).not.toContain(ANTHROPIC_KEY.slice(0, 16))
  })

  it('says what the save will trim, and nothing more, for a quoted right key', () => {
    render(<CredentialDialog provider={byId('openai')} credential={null} onClose={() => {}} />)
    paste(keyInput(), `  "${OPENAI_KEY}"\n`)
    expect(notice()!.textContent).toBe('Spaces and quotes around the key were removed.')
    paste(keyInput(), `'${OPENAI_KEY}'`)
    expect(notice()!.textContent).toBe('Quotes around the key were removed.')
    paste(keyInput(), OPENAI_KEY)
    expect(notice()).toBeNull()
  })

  it('waits for the field to be left before judging a key typed by hand', () => {
    render(<CredentialDialog provider={byId('anthropic')} credential={null} onClose={() => {}} />)
    paste(keyInput(), 's')
    paste(keyInput(), 'sk')
    expect(notice()).toBeNull()
    act(() => {
      keyInput().focus()
      keyInput().blur()
    })
    expect(notice()!.textContent).toBe(
      'This does not have the usual shape of Anthropic keys (sk-ant-api03-…). You can still save it.',
    )
  })

  it('says nothing for a provider without a usual shape', () => {
    render(
      <CredentialDialog
        provider={byId('openai_compatible')}
        credential={null}
        onClose={() => {}}
      />,
    )
    paste(keyInput(), ANTHROPIC_KEY)
    expect(notice()).toBeNull()
  })
})

describe('test result troubleshooting', () => {
  const result = (over: Partial<ConnectionTestView>): ConnectionTestView => ({
    credentialId: 'c1',
    provider: 'openai',
    ok: false,
    code: 'auth_forbidden',
    message: 'You exceeded your current quota.',
    hint: null,
    params: { reason: 'quota' },
    latencyMs: 12,
    details: null,
    limits: null,
    ...over,
  })

  it('shows the provider’s line for the failure reason, with its billing link', () => {
    render(<TestResult result={result({})} />)
    const line = document.querySelector('.test-result-guide')!
    expect(line.getAttribute('data-guide-code')).toBe('quota')
    expect(line.textContent).toBe(
      'For OpenAI: The account has no credit left. Add credit or a payment method at https://platform.openai.com/settings/organization/billing, then test again.',
    )
    expect(line.querySelector('a')!.getAttribute('href')).toBe(
      'https://platform.openai.com/settings/organization/billing',
    )
  })

  it('falls back to the line for the code, and shows none for a passing test', () => {
    render(<TestResult result={result({ code: 'auth_invalid', params: {} })} />)
    expect(document.querySelector('.test-result-guide')!.textContent).toContain(
      'API keys come from platform.openai.com',
    )
    act(() => root!.render(<TestResult result={result({ ok: true, code: 'ok', params: {} })} />))
    expect(document.querySelector('.test-result-guide')).toBeNull()
  })
})
