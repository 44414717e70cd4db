import type { AnyEvent, Envelope } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/result.ts';

/** A way to reach the core: Electron IPC, HTTP to the station, or in-process in tests. */
export interface Transport {
  call(envelope: Envelope): Promise<Result<unknown>>;
  /** Events pushed by the core; `onConnection` reports the push channel going up or down. */
  subscribe(onEvent: (event: AnyEvent) => void, onConnection?: (connected: boolean) => void): () => void;
}

/** What the Electron preload exposes on `window.pos` (contextBridge): nothing but these two. */
export type PosBridge = {
  invoke(envelope: Envelope): Promise<Result<unknown>>;
  subscribe(listener: (event: AnyEvent) => void): () => void;
};

declare global {
  interface Window {
    pos?: PosBridge;
  }
}

export const ipcTransport = (bridge: PosBridge): Transport => ({
  call: (envelope) => bridge.invoke(envelope),
  subscribe(onEvent, onConnection) {
    onConnection?.(true);
    return bridge.subscribe(onEvent);
  },
});
