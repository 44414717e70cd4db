import { callApi } from '../../call.ts';
import type { SliceCreator } from '../../types.ts';
import { initialSupportState, type LogLevel, type SupportState } from './initialState.ts';

export type SupportBundle = { fileName: string; data: Uint8Array };

export type SupportActions = {
  loadLogs: () => Promise<void>;
  setLogLevel: (level: LogLevel | undefined) => void;
  setLogText: (text: string) => void;
  setAutoRefresh: (on: boolean) => void;
  /** 「サポート用データを書き出す」: the zip's bytes; the screen turns them into a download. */
  exportBundle: () => Promise<SupportBundle | null>;
};

export type SupportSlice = SupportState & SupportActions;

const fromBase64 = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

export const createSupportSlice: SliceCreator<SupportSlice> = (deps) => (set, get) => {
  // Filters typed quickly fire several loads: only the newest answer may land.
  let requestNo = 0;
  return {
    ...initialSupportState,

    loadLogs: async () => {
      const mine = ++requestNo;
      const { logLevel, logText } = get();
      set({ logsLoading: true });
      const text = logText.trim();
      const r = await callApi(deps, get, 'support.logs', { level: logLevel, text: text || undefined, limit: 300 });
      if (mine !== requestNo) return;
      set({ logsLoading: false, ...(r.ok ? { logs: r.value } : {}) });
    },

    setLogLevel: (logLevel) => {
      set({ logLevel });
      void get().loadLogs();
    },

    setLogText: (logText) => set({ logText }),

    setAutoRefresh: (autoRefresh) => set({ autoRefresh }),

    exportBundle: async () => {
      if (get().exporting) return null;
      set({ exporting: true });
      const r = await callApi(deps, get, 'support.bundle', {});
      set({ exporting: false });
      return r.ok ? { fileName: r.value.fileName, data: fromBase64(r.value.base64) } : null;
    },
  };
};
