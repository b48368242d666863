/**
 * The only place main touches ipcMain: one handler per contract channel, each feeding the
 * Electron-free dispatcher with the payload and the calling frame's URL.
 */
import { BrowserWindow, ipcMain } from 'electron'
import type { EventName, EventPayloadOf } from '../../src-preload/contract'
import type { Dispatch } from '../ipc/dispatch'

/** Registers every channel the dispatcher handles (it checked they are exactly the contract's). */
export function registerIpc(dispatch: Dispatch): void {
  for (const channel of dispatch.channels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(channel, payload, event.senderFrame?.url ?? ''),
    )
  }
}

/** Pushes an event to every open window. */
export function broadcast<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(event, payload)
  }
}
