/**
 * STYLE.md's promise, tested: no renderer store ever holds a key after submit. The API Keys page
 * runs in happy-dom over the real IPC handlers (a temp data dir, the real vault); a key is typed
 * into the add form and submitted, then into the edit form; after each save every zustand store's
 * state and the whole DOM (attributes and input values) are scanned for the key.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppContext } from '../../../src-main/app-context'
import { createDispatcher, isOwnRendererUrl } from '../../../src-main/ipc/dispatch'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { createApi } from '../../../src-preload/api'
import { Toaster } from '../../../src-renderer/components/Toaster'
import { initI18n } from '../../../src-renderer/i18n'
import { ApiKeysPage } from '../../../src-renderer/pages/ApiKeysPage'

const KEY = 'sk-proj-UNITSECRET-abcdefghijklmnop-9xQz'
const KEY2 = 'sk-proj-SECONDSECRET-qrstuvwxyz012345-7Wvu'
const OWN = 'app://switchboard/index.html'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

type StoreHook = { getState: () => unknown }
const storeModules = import.meta.glob('../../../src-renderer/stores/*.ts', { eager: true })

/** Every zustand store the renderer has (any export with getState + subscribe). */
function allStores(): [string, StoreHook][] {
  const out: [string, StoreHook][] = []
  for (const [file, mod] of Object.entries(storeModules)) {
    for (const [name, value] of Object.entries(mod as Record<string, unknown>)) {
      // A zustand hook is a function carrying getState and subscribe.
      const v = value as { getState?: unknown; subscribe?: unknown }
      if (
        typeof value === 'function' &&
        typeof v.getState === 'function' &&
        typeof v.subscribe === 'function'
      ) {
        out.push([`${path.basename(file)}:${name}`, value as unknown as StoreHook])
      }
    }
  }
  return out
}

/** Every string reachable from a value (functions skipped, cycles handled). */
function strings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value]
  if (!value || typeof value !== 'object' || seen.has(value)) return []
  seen.add(value)
  const parts =
    value instanceof Map
      ? [...value.keys(), ...value.values()]
      : value instanceof Set
        ? [...value]
        : Object.entries(value).flat()
  return parts.flatMap((v) => strings(v, seen))
}

function expectNowhere(secret: string) {
  const middle = secret.slice(4, -4)
  const names = allStores().map(([n]) => n)
  expect(names).toEqual(
    expect.arrayContaining([
      'use-credentials-store.ts:useCredentialsStore',
      'use-vault-store.ts:useVaultStore',
      'use-toast-store.ts:useToastStore',
    ]),
  )
  for (const [name, store] of allStores()) {
    const hits = strings(store.getState()).filter((s) => s.includes(middle))
    expect(hits, `store ${name} holds the key`).toEqual([])
  }
  expect(document.documentElement.outerHTML).not.toContain(middle)
  const values = [...document.querySelectorAll('input, textarea')].map(
    (i) => (i as HTMLInputElement).value,
  )
  expect(values.join('\n')).not.toContain(middle)
}

async function waitFor<T>(
  fn: () => T | null | undefined | false,
  what: string,
  ms = 5_000,
): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const v = fn()
    if (v) return v
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20))
    })
  }
}

/** Types into a React-controlled input the way a person does (value setter + input event). */
function type(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  act(() => {
    setter.call(input, text)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

const field = (name: string) =>
  document.querySelector<HTMLInputElement>(`dialog[open] [data-field="${name}"] input`)
const click = (el: Element) => act(() => (el as HTMLElement).click())

let home: string
let root: Root
const container = () => document.getElementById('root')!

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-renderer-'))
  const app = createAppContext({ home, env: { SWITCHBOARD_ENCRYPTION_KEY: 'unit passphrase' } })
  const dispatch = createDispatcher(createHandlers(app), {
    isTrustedSender: (u) => isOwnRendererUrl(u),
  })
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  ;(app as { emit: unknown }).emit = (event: string, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload)
  }
  window.switchboard = createApi(
    (channel, payload) => dispatch(channel, payload, OWN),
    (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  )
  // Awaited: the strings load as a chunk; a slow load raced the first assertions (keys shown).
  await initI18n('en-US')
  document.body.innerHTML = '<div id="root"></div>'
  root = createRoot(container())
  await act(async () => {
    root.render(
      <>
        <ApiKeysPage />
        <Toaster />
      </>,
    )
  })
})

afterAll(() => {
  act(() => root.unmount())
  fs.rmSync(home, { recursive: true, force: true })
})

describe('API Keys page: no secret kept in the renderer', () => {
  it('shows inline validation and keeps the dialog open on a missing key', async () => {
    const tile = await waitFor(
      () => document.querySelector('button.provider-tile[data-provider="openai"]'),
      'openai tile',
    )
    click(tile)
    const submit = await waitFor(
      () => document.querySelector('dialog[open] button[type="submit"]'),
      'dialog',
    )
    type(field('name')!, 'Work')
    click(submit)
    await waitFor(
      () => document.querySelector('dialog[open] [data-field="apiKey"] .error'),
      'inline error',
    )
    expect(document.querySelector('[data-field="apiKey"] .error')!.textContent).toBe(
      'This field is required.',
    )
    expect(field('apiKey')!.getAttribute('aria-invalid')).toBe('true')
  })

  it('after adding a credential, only the hint is anywhere: stores, DOM, inputs', async () => {
    const key = field('apiKey')!
    expect(key.type).toBe('password')
    type(key, KEY)
    expect(field('apiKey')!.value).toBe(KEY) // the scan below would have found it here
    // Show/hide toggle works while typing.
    click(document.querySelector('[data-field="apiKey"] button[aria-pressed]')!)
    expect(field('apiKey')!.type).toBe('text')
    click(document.querySelector('dialog[open] button[type="submit"]')!)
    await waitFor(() => !document.querySelector('dialog[open]'), 'dialog to close')
    const row = await waitFor(() => document.querySelector('.credential-row'), 'the new row')
    expect(row.textContent).toContain('Work')
    expect(row.textContent).toContain('Key …9xQz')
    expectNowhere(KEY)
  })

  it('after re-keying through the edit form, neither key is anywhere', async () => {
    click(document.querySelector('button[aria-label="Edit Work"]')!)
    await waitFor(() => field('apiKey'), 'edit dialog')
    expect(field('apiKey')!.value).toBe('')
    expect(
      document.querySelector('dialog[open] [data-field="apiKey"] .hint')!.textContent,
    ).toContain('Leave empty to keep the stored key (…9xQz)')
    type(field('apiKey')!, KEY2)
    click(document.querySelector('dialog[open] button[type="submit"]')!)
    await waitFor(() => !document.querySelector('dialog[open]'), 'dialog to close')
    await waitFor(
      () => document.querySelector('.credential-row')?.textContent?.includes('Key …7Wvu'),
      'new hint',
    )
    expectNowhere(KEY)
    expectNowhere(KEY2)
  })
})
