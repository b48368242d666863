/**
 * A fake `window.switchboard` for the renderer's unit tests (jsdom): a method call
 * `window.switchboard.<domain>.<verb>(req)` goes to `call('<domain>:<verb>', req)`, an
 * `on<Event>(listener)` subscribes to `<domain>:<event>`, and `emit` plays main pushing an event.
 */
type Listener = (payload: unknown) => void

/** Installs the fake on `window`; `call` answers with the envelope (or throws, for "unexpected"). */
export function installFakeBridge(call: (channel: string, req: unknown) => unknown) {
  const listeners = new Map<string, Set<Listener>>()
  const domain = (d: string) =>
    new Proxy(
      {},
      {
        get: (_t, verb: string) =>
          verb.startsWith('on')
            ? (listener: Listener) => {
                const name = `${d}:${verb.charAt(2).toLowerCase()}${verb.slice(3)}`
                const set = listeners.get(name) ?? new Set()
                set.add(listener)
                listeners.set(name, set)
                return () => set.delete(listener)
              }
            : async (req: unknown) => call(`${d}:${verb}`, req),
      },
    )
  ;(window as unknown as { switchboard: unknown }).switchboard = new Proxy(
    {},
    { get: (_t, d: string) => domain(d) },
  )
  const emit = (name: string, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload))
  return { listeners, emit }
}

/** The envelope a table of answers gives: `ok` with the answer, or `internal` naming a channel it lacks. */
export function answerFrom(answers: Record<string, (req: unknown) => unknown>) {
  return (channel: string, req: unknown) => {
    const answer = answers[channel]
    return answer
      ? { ok: true, data: answer(req) }
      : { ok: false, error: { code: 'internal', message: channel } }
  }
}
