/**
 * Channels of the updates domain (issue 15): electron-updater over the GitHub releases feed,
 * checked at start and daily, downloaded quietly, installed only when the person restarts.
 */
import { z } from 'zod'
import { channel, event } from './define'
import type { ErrorCode } from './errors'
import type { Preferences } from './preferences'

export type UpdatePhase =
  /** Not a packaged build (or a format that cannot update itself): nothing is checked. */
  | 'unsupported'
  | 'idle'
  | 'checking'
  | 'downloading'
  /** Downloaded and verified; installed when the person restarts (or quits). */
  | 'ready'
  | 'upToDate'
  | 'error'

export interface UpdateStatus {
  phase: UpdatePhase
  currentVersion: string
  /** The version found (downloading / ready), else null. */
  version: string | null
  /** Download progress 0–100 while downloading. */
  percent: number | null
  /** ISO time of the last finished check. */
  lastCheck: string | null
  channel: Preferences['updates']['channel']
  autoCheck: boolean
  error: { code: ErrorCode; message: string } | null
}

export const updatesChannels = {
  'updates:status': channel<UpdateStatus>()(z.object({}).strict()),
  'updates:check': channel<UpdateStatus>()(z.object({}).strict()),
  /** Restarts into the downloaded update; refused unless one is ready. */
  'updates:restart': channel<{ restarting: boolean }>()(z.object({}).strict()),
}

export const updatesEvents = {
  'updates:changed': event<UpdateStatus>(),
}
