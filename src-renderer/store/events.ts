import type { ApiClient } from '../api/client.ts';
import type { AppStore } from './index.ts';

/** The table list, reservations and sync badge missed their events too: read what is on screen again. */
function catchUpFloor(store: AppStore): void {
  const s = store.getState();
  if (s.floor) void s.loadFloor({ quiet: true });
  if (s.reservationsLoaded) void s.loadReservations({ quiet: true });
  void s.loadSyncStatus();
  if (s.syncQueueWatched) void s.loadSyncQueue();
}

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
        case 'till.moved':
          s.internal_applyTillMoved(event.payload);
          break;
        case 'mode.changed':
          void s.internal_applyMode(event.payload.mode);
          break;
        case 'settings.changed':
          s.internal_applySettings(event.payload);
          break;
        case 'menu.changed':
          s.internal_applyMenuChanged();
          break;
        case 'orders.changed':
          s.internal_applyOrdersChanged(event.payload.visitId);
          break;
        case 'slips.changed':
          s.internal_applySlipsChanged(event.payload);
          break;
        case 'receipts.printed':
          s.internal_applyReceiptPrinted(event.payload);
          break;
        case 'terminal.status':
          s.internal_applyTerminalStatus(event.payload);
          break;
        case 'terminal.progress':
          s.internal_applyTerminalProgress(event.payload);
          break;
        case 'terminal.prompt':
          s.internal_applyTerminalPrompt(event.payload);
          break;
        case 'terminal.payment':
          s.internal_applyTerminalPayment(event.payload);
          break;
        case 'floor.changed':
          s.internal_applyFloorChanged(event.payload);
          break;
        case 'reservations.changed':
          s.internal_applyReservationsChanged(event.payload);
          break;
        case 'sync.changed':
          s.internal_applySyncChanged(event.payload);
          break;
      }
    },
    (connected) => {
      const s = store.getState();
      const wasConnected = s.connected;
      s.setConnected(connected);
      // Events pushed while the channel was down are lost: catch up by reading the state again.
      if (connected && !wasConnected && s.boot === 'ready') {
        void s.refreshAll();
        if (s.staff) catchUpFloor(store);
        if (s.staff) void s.internal_refreshSales();
      }
    },
  );
}
