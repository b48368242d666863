// The sandboxed preload: wires createApi to ipcRenderer and exposes it. Nothing else lives here.
import { contextBridge, ipcRenderer } from 'electron'
import { createApi } from './api'

const api = createApi(
  (channel, payload) => ipcRenderer.invoke(channel, payload),
  (event, listener) => {
    // Strip the IpcRendererEvent: the renderer gets the payload only.
    const wrapped = (_event: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => {
      ipcRenderer.removeListener(event, wrapped)
    }
  },
)

contextBridge.exposeInMainWorld('switchboard', api)
