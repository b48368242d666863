/**
 * Native dialogs at the Electron edge (issue 15). `dialog:openFile` shows the OS's open dialog in
 * main and reads the chosen file there (size limit, JSON check); the renderer gets the path and
 * non-secret facts only, never the content. The credential form then submits the path as
 * `credentialsPath`, which main reads again and stores encrypted.
 */
import { z } from 'zod'
import { channel } from './define'

export interface OpenFileResult {
  /** null: the person cancelled. */
  path: string | null
  fileName: string | null
  /** What the service-account file says about itself (public identifiers, not the key). */
  summary: { type: string | null; projectId: string | null; clientEmail: string | null } | null
}

export const dialogChannels = {
  'dialog:openFile': channel<OpenFileResult>()(
    z.object({ purpose: z.enum(['serviceAccountJson']) }).strict(),
  ),
}

export const dialogEvents = {}
