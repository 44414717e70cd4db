import { ApiClient } from '../api/client.ts';
import { httpTransport } from '../api/http-transport.ts';
import { ipcTransport, type Transport } from '../api/transport.ts';
import { connectEvents } from '../store/events.ts';
import { createAppStore, type AppStore } from '../store/index.ts';
import { DEVICE_TOKEN_KEY } from '../store/slices/pairing/actions.ts';

/** A paired handheld keeps its device token here (set by the pairing screen; see devices.pair). */
export { DEVICE_TOKEN_KEY };

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
