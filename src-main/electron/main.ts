import { app, BrowserWindow, ipcMain, net, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Core } from '../core.ts';
import { rendererDir } from '../paths.ts';
import { CSP } from '../station/http-app.ts';
import { Station } from '../station/station.ts';

/**
 * The Electron shell, kept thin: a window, a custom app:// scheme serving the built renderer,
 * and two IPC channels into the same Core the station serves. Everything else is in the core.
 */
const SCHEME = 'app';
const ORIGIN = `${SCHEME}://register`;
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let win: BrowserWindow | null = null;

function serveRenderer(): void {
  const root = rendererDir();
  protocol.handle(SCHEME, (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    // No path may leave the renderer folder (../ tricks).
    if (!file.startsWith(root + sep)) return new Response('forbidden', { status: 403 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

/** Only our own top frame may call the core. */
const trusted = (event: IpcMainInvokeEvent): boolean =>
  event.sender === win?.webContents && event.senderFrame?.url.startsWith(`${ORIGIN}/`) === true && event.senderFrame === event.sender.mainFrame;

async function main(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env.POS_DATA_DIR ?? app.getPath('userData');
  const core = await Core.open({ dataDir, demo: process.env.POS_DEMO !== '0' });
  // Handhelds and sub-registers reach the same core over the LAN through the station.
  const station = new Station(core, { port: Number(process.env.POS_PORT ?? 8420), rendererDir: rendererDir(), lanHost: process.env.POS_LAN_HOST });
  await station.start().catch((error: unknown) => core.log.error({ err: error }, 'station could not start; the window still works'));

  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }));
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  serveRenderer();

  ipcMain.handle('pos:invoke', (event, envelope: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'この操作を行う権限がありません。' } };
    return core.dispatch(envelope, { transport: 'ipc', local: true });
  });
  core.subscribe((event) => win?.webContents.send('pos:event', event));

  win = new BrowserWindow({
    width: 1280, height: 800, minWidth: 1024, minHeight: 700, backgroundColor: '#f4f5f7', title: 'レジ',
    kiosk: process.env.POS_KIOSK === '1',
    webPreferences: {
      preload: join(import.meta.dirname, 'preload.cjs'),
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false,
    },
  });
  win.webContents.on('will-navigate', (event, url) => { if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault(); });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  await win.loadURL(`${ORIGIN}/index.html`);

  app.on('window-all-closed', () => {
    void station.stop().then(() => core.close()).finally(() => app.quit());
  });
}

void main();
