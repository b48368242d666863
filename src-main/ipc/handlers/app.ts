import os from 'node:os'
import type { AppContext } from '../../app-context'
import { AppError } from '../../errors'
import { isSafeExternalUrl } from '../../providers/external-links'
import type { DomainHandlers } from './types'

/** Handlers of the `app:*` channels. */
export function appHandlers(app: AppContext): DomainHandlers<'app'> {
  return {
    'app:info': () => ({
      name: 'Switchboard',
      version: app.version,
      platform: os.platform(),
      dataDir: app.home,
      locale: app.platform.locale ?? 'en-US',
      versions: app.platform.versions ?? { electron: '', chrome: '', node: process.versions.node },
    }),
    'app:openDataFolder': async () => ({
      opened: (await app.platform.openPath?.(app.home)) ?? false,
    }),
    'app:diagnostics': async ({ copy }) => {
      const text = await app.diagnostics.build()
      const copied = Boolean(copy && app.platform.writeClipboard)
      if (copied) app.platform.writeClipboard!(text)
      return { text, copied }
    },
    'app:openLink': async ({ url }) => {
      if (!isSafeExternalUrl(url)) {
        throw new AppError('url_blocked', 'Only https links to known provider sites open.', { url })
      }
      await app.platform.openLink?.(url)
      return { opened: Boolean(app.platform.openLink) }
    },
  }
}
