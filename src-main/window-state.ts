/**
 * Remembers the main window's bounds and maximised state between runs, in `window-state.json`
 * beside the store. Plain Node: the Electron edge reads and writes it.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

const DEFAULT_STATE: WindowState = { width: 1120, height: 760, maximized: false }
const MIN = { width: 760, height: 520 }

/** Reads the saved state; anything missing or malformed gives the defaults. */
export function loadWindowState(home: string): WindowState {
  try {
    const raw = JSON.parse(
      fs.readFileSync(path.join(home, 'window-state.json'), 'utf8'),
    ) as Partial<WindowState>
    const num = (v: unknown) =>
      typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined
    const state: WindowState = {
      width: Math.max(MIN.width, num(raw.width) ?? DEFAULT_STATE.width),
      height: Math.max(MIN.height, num(raw.height) ?? DEFAULT_STATE.height),
      maximized: raw.maximized === true,
    }
    const x = num(raw.x)
    const y = num(raw.y)
    if (x !== undefined && y !== undefined) Object.assign(state, { x, y })
    return state
  } catch {
    return { ...DEFAULT_STATE }
  }
}

/** Keeps the saved position only when it is still on one of the displays (a monitor may be gone). */
export function fitToDisplays(
  state: WindowState,
  displays: { x: number; y: number; width: number; height: number }[],
): WindowState {
  if (state.x === undefined || state.y === undefined) return state
  const { x, y } = state
  const visible = displays.some(
    (d) => x >= d.x - 50 && y >= d.y - 10 && x < d.x + d.width - 100 && y < d.y + d.height - 100,
  )
  if (visible) return state
  const { x: _x, y: _y, ...rest } = state
  return rest
}

/** Saves the state atomically (a half-written file would only cost the defaults, but still). */
export function saveWindowState(home: string, state: WindowState): void {
  fs.mkdirSync(home, { recursive: true, mode: 0o700 })
  const file = path.join(home, 'window-state.json')
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(state))
  fs.renameSync(tmp, file)
}

export const MIN_WINDOW_SIZE = MIN
