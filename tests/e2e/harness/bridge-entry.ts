// Bundled into an IIFE and injected before the renderer loads: the same createApi the real
// preload uses, over Playwright's exposeBinding instead of ipcRenderer.
import { createApi } from '../../../src-preload/api'

type Listener = (payload: unknown) => void
const listeners = new Map<string, Set<Listener>>()
const w = window as unknown as {
  __sbInvoke: (channel: string, payload: unknown) => Promise<never>
  __sbEmit: (event: string, payload: unknown) => void
  switchboard: unknown
}

w.__sbEmit = (event, payload) => {
  for (const l of listeners.get(event) ?? []) l(payload)
}

// Only the top frame gets the bridge, as the real preload only runs in our window's main frame.
if (window === window.top) {
  w.switchboard = createApi(
    (channel, payload) => w.__sbInvoke(channel, payload),
    (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => {
        set.delete(listener)
      }
    },
  )
}
