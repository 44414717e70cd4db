import { ApiClient } from '../api/client.ts';
import { httpTransport } from '../api/http-transport.ts';
import { ipcTransport, type Transport } from '../api/transport.ts';
import { connectEvents } from '../store/events.ts';
import { createAppStore, type AppStore } from '../store/index.ts';

/** A paired handheld keeps its device token here (set when pairing; see devices.pair). */
export const DEVICE_TOKEN_KEY = 'pos.deviceToken';

/** Inside Electron the preload bridge is the way in; in a browser or handheld, HTTP to the station. */
export function pickTransport(): Transport {
  if (window.pos) return ipcTransport(window.pos);
  return httpTransport('', () => localStorage.getItem(DEVICE_TOKEN_KEY));
}

export function bootStore(): AppStore {
  const client = new ApiClient(pickTransport());
  const store = createAppStore({ client, session: sessionStorage, local: localStorage });
  connectEvents(store, client);
  void store.getState().start();
  return store;
}
