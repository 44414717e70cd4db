import type { ApiClient } from '../api/client.ts';
import type { AppStore } from './index.ts';

/**
 * Feed the core's pushed events into the store, so every register and handheld shows the same
 * till, mode and settings without reloading. Returns the unsubscribe function.
 */
export function connectEvents(store: AppStore, client: ApiClient): () => void {
  return client.subscribe(
    (event) => {
      const s = store.getState();
      switch (event.name) {
        case 'till.changed':
          s.internal_applyTillChanged(event.payload);
          break;
        case 'mode.changed':
          void s.internal_applyMode(event.payload.mode);
          break;
        case 'settings.changed':
          s.internal_applySettings(event.payload);
          break;
      }
    },
    (connected) => {
      const s = store.getState();
      const wasConnected = s.connected;
      s.setConnected(connected);
      // Events pushed while the channel was down are lost: catch up by reading the state again.
      if (connected && !wasConnected && s.boot === 'ready') void s.refreshAll();
    },
  );
}
