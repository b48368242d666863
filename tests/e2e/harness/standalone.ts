/**
 * The harness outside Playwright's test runner (benchmarks, `npm run screens`): Chromium with the
 * project's flags, a dispatcher that trusts the harness origin, and a page wired to it exactly as
 * the fixtures wire theirs.
 */
import path from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import type { AppContext } from '../../../src-main/app-context'
import { createDispatcher, isOwnRendererUrl, type Dispatch } from '../../../src-main/ipc/dispatch'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { buildBridge } from './build-bridge'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-args'
import { HARNESS_ORIGIN, serveRendererFromDisk } from './serve-renderer'

/** The real IPC pipeline over one app context, trusting only the harness origin. */
export function harnessDispatch(app: AppContext): Dispatch {
  return createDispatcher(createHandlers(app), {
    isTrustedSender: (u) => isOwnRendererUrl(u, HARNESS_ORIGIN),
  })
}

/** Launches Debian's Chromium with the harness flags (plus any extra ones). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] })
}

/**
 * Serves the built renderer to the page, refusing (and recording in `blocked`) every other
 * request, and installs the bridge: createApi over exposeBinding into `dispatch`.
 */
export async function wirePage(
  page: Page,
  dispatch: Dispatch,
  root: string,
  blocked: string[] = [],
): Promise<void> {
  await serveRendererFromDisk(page, path.join(root, 'out/renderer'), blocked)
  await page.exposeBinding('__sbInvoke', (source, channel: string, payload: unknown) =>
    dispatch(channel, payload, source.frame.url()),
  )
  await page.addInitScript({ content: buildBridge(root) })
}
