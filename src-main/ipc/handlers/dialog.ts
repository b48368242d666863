import path from 'node:path'
import type { AppContext } from '../../app-context'
import { AppError } from '../../errors'
import { readServiceAccountFile } from '../../services/credential-input'
import type { DomainHandlers } from './types'

/** Public identifiers of a service-account document (never `private_key`). */
function summarize(text: string) {
  const doc = JSON.parse(text) as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : null)
  return { type: str(doc.type), projectId: str(doc.project_id), clientEmail: str(doc.client_email) }
}

/**
 * Handlers of the `dialog:*` channels. The dialog itself comes from the Electron edge
 * (`platform.pickFile`); reading and checking the file is plain Node here (the same size limit and
 * JSON check as saving a Vertex credential), so a file that would be refused on save is refused now.
 */
export function dialogHandlers(app: AppContext): DomainHandlers<'dialog'> {
  return {
    'dialog:openFile': async () => {
      const pick = app.platform.pickFile
      if (!pick) throw new AppError('unsupported', 'No file dialog here.')
      const t = app.platform.translate ?? ((key: string) => key)
      const file = await pick({
        title: t('apiKeys:form.pickServiceAccount'),
        filters: [{ name: 'JSON', extensions: ['json'] }],
      })
      if (!file) return { path: null, fileName: null, summary: null }
      const text = readServiceAccountFile(file)
      return { path: file, fileName: path.basename(file), summary: summarize(text) }
    },
  }
}
