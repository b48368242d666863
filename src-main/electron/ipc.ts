/**
 * The only place main touches ipcMain: one handler per contract channel, each feeding the
 * Electron-free dispatcher with the payload and who called (frame URL, WebContents id, main frame).
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { EventName, EventPayloadOf } from '../../src-preload/contract'
import type { Dispatch, Sender } from '../ipc/dispatch'

/** Registers every channel the dispatcher handles (it checked they are exactly the contract's). */
export function registerIpc(dispatch: Dispatch): void {
  for (const channel of dispatch.channels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(channel, payload, senderOf(event)),
    )
  }
}

/**
 * Who called: the frame's URL, its WebContents id, and whether it is that WebContents' main frame
 * (a sub-frame has a parent; a frame that navigated away or was destroyed has no senderFrame).
 */
export function senderOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): Sender {
  const frame = event.senderFrame
  const main = event.sender?.mainFrame
  const isMainFrame =
    !!frame &&
    !!main &&
    frame.parent === null &&
    frame.routingId === main.routingId &&
    frame.processId === main.processId
  return { url: frame?.url ?? '', webContentsId: event.sender?.id, isMainFrame }
}

/** Pushes an event to every open window. */
export function broadcast<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(event, payload)
  }
}

/** Drops raw listeners a library added (electron-store's `electron-store-get-data`): main answers
 * only the contract's channels. */
export function removeRawIpcListeners(channels: readonly string[]): void {
  for (const channel of channels) ipcMain.removeAllListeners(channel)
}
