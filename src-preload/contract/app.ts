import { z } from 'zod'
import { channel, event } from './define'

/** What the shell needs to know about the running app. */
export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
  locale: z.string(),
  /** Electron, Chromium and Node of the running app (empty outside Electron). */
  versions: z.object({ electron: z.string(), chrome: z.string(), node: z.string() }),
})
export type AppInfo = z.infer<typeof AppInfo>

export const appChannels = {
  'app:info': channel<AppInfo>()(z.object({}).strict()),
  /** Opens a docs link in the browser; main allows only https to known hosts (openExternalSafe). */
  'app:openLink': channel<{ opened: boolean }>()(
    z.object({ url: z.string().url().max(2048) }).strict(),
  ),
  /** Shows the data folder in the file manager. */
  'app:openDataFolder': channel<{ opened: boolean }>()(z.object({}).strict()),
  /** Versions, vault state and counts for a bug report (never a secret); `copy` puts it on the clipboard. */
  'app:diagnostics': channel<{ text: string; copied: boolean }>()(
    z.object({ copy: z.boolean().optional() }).strict(),
  ),
}

export const appEvents = {
  /** Something in main changed that every page should re-read (another process wrote the store). */
  'app:changed': event<{ domain: string }>(),
}
