/**
 * App-only preferences (DESIGN §3) over a plain key-value backend: electron-store in the app
 * (src-main/electron/preferences-store.ts), memory in the CLI-free test harnesses. Reading never
 * fails: a field that is missing or malformed on disk falls back to its default alone, so one bad
 * value does not reset the others. Writing validates first and changes nothing on bad input.
 */
import {
  DEFAULT_PREFERENCES,
  Preferences,
  PreferencesPatch,
  WindowBounds,
  type PreferencesPatch as Patch,
} from '../../src-preload/contract/preferences'
import { AppError } from '../errors'
import { parseUntrusted } from '../../src-preload/contract/parse-untrusted'

/** Where the preferences are kept; `read` may return anything (a hand-edited file). */
export interface PreferencesBackend {
  read(): unknown
  write(value: Preferences): void
}

export type PreferencesListener = (next: Preferences, previous: Preferences) => void

export interface PreferencesService {
  get(): Preferences
  /** Applies a patch (validated); listeners hear about it when something changed. */
  set(patch: Patch): Preferences
  /** Main's own write of the window bounds (not reachable from the renderer). */
  setWindow(bounds: Preferences['window']): void
  onChange(listener: PreferencesListener): () => void
}

/** Each field from disk when it is valid, else its default. */
export function normalizePreferences(raw: unknown): Preferences {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  const out: Record<string, unknown> = {}
  for (const [key, fallback] of Object.entries(DEFAULT_PREFERENCES)) {
    const field = Preferences.shape[key as keyof Preferences]
    const parsed = parseUntrusted(field, source[key])
    out[key] = parsed.success ? parsed.data : fallback
  }
  return out as Preferences
}

/** A backend in memory, for hosts without Electron (the e2e bridge, tests). */
export function memoryPreferencesBackend(initial: unknown = {}): PreferencesBackend {
  let value: unknown = structuredClone(initial)
  return {
    read: () => structuredClone(value),
    write: (next) => void (value = structuredClone(next)),
  }
}

export function createPreferences(backend: PreferencesBackend): PreferencesService {
  const listeners = new Set<PreferencesListener>()
  let current = normalizePreferences(backend.read())
  const commit = (next: Preferences) => {
    const previous = current
    if (JSON.stringify(previous) === JSON.stringify(next)) return
    backend.write(next)
    current = next
    for (const l of listeners) l(next, previous)
  }
  return {
    get: () => structuredClone(current),
    set(patch) {
      const parsed = parseUntrusted(PreferencesPatch, patch)
      if (!parsed.success) {
        throw new AppError('validation', 'The preference value is not valid.', {
          field: parsed.error.issues[0]?.path.join('.') ?? '',
        })
      }
      const p = parsed.data
      const next: Preferences = {
        ...current,
        ...Object.fromEntries(
          Object.entries(p).filter(([k, v]) => v !== undefined && k !== 'updates'),
        ),
        updates: { ...current.updates, ...stripUndefined(p.updates) },
      }
      commit(next)
      return structuredClone(current)
    },
    setWindow(bounds) {
      const parsed = parseUntrusted(WindowBounds.nullable(), bounds)
      if (parsed.success) commit({ ...current, window: parsed.data })
    },
    onChange(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(o ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>
}
