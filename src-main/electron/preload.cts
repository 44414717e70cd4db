// Sandboxed preload (CommonJS, as sandboxed preloads must be): exposes only `invoke` and
// `subscribe` on window.pos. No Node or Electron object crosses into the page.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS
const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');
type IpcRendererEvent = import('electron').IpcRendererEvent;

contextBridge.exposeInMainWorld('pos', {
  invoke: (envelope: unknown) => ipcRenderer.invoke('pos:invoke', envelope),
  subscribe: (listener: (event: unknown) => void) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on('pos:event', handler);
    return () => ipcRenderer.removeListener('pos:event', handler);
  },
});
