/**
 * App-wide guards (STYLE: security defaults): no new windows, no navigation away from our
 * renderer, no permission grants, external links only through openExternalSafe.
 */
import { app, session, shell, type WebContents } from 'electron'
import { isSafeExternalUrl } from '../providers/external-links'

/** Opens an https link to a known provider/docs host in the user's browser; anything else is refused. */
export async function openExternalSafe(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  // Reviewed: the one openExternal call; only https to the catalog's docs hosts reaches it.
  await shell.openExternal(url) /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  return true
}

/** Installs the guards on every web contents and on the default session. */
export function installGuards(isOwnUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalSafe(url)
      return { action: 'deny' }
    })
    contents.on('will-navigate', (event, url) => {
      if (!isOwnUrl(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isOwnUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
}
