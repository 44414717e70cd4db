import type { CustomerSegment, Input, MenuCategory, Product, Settings } from '../../../../src-shared/contract/index.ts';
import { callApi } from '../../call.ts';
import type { SliceCreator } from '../../types.ts';
import { initialMenuState, type MenuState } from './initialState.ts';

export type MenuActions = {
  loadMenu: () => Promise<void>;
  /** With retired products and segments, for the menu settings. */
  loadMenuAll: () => Promise<void>;
  saveCategory: (input: Input<'menu.saveCategory'>) => Promise<MenuCategory | null>;
  saveProduct: (input: Input<'menu.saveProduct'>) => Promise<Product | null>;
  saveSegment: (input: Input<'menu.saveSegment'>) => Promise<CustomerSegment | null>;
  /**
   * Checkout settings (price mode, rounding, invoice number, receipt, printer, payments, terminal):
   * null when saved, else the core's message to show beside the form (e.g. a wrong registration number).
   */
  saveCheckoutSettings: (patch: Partial<Settings>) => Promise<string | null>;
  /** menu.changed from any register: read again what is loaded. */
  internal_applyMenuChanged: () => void;
};

export type MenuSlice = MenuState & MenuActions;

export const createMenuSlice: SliceCreator<MenuSlice> = (deps) => (set, get) => {
  /** After a save: the lists are re-read whole (sorting and the active filter are the core's). */
  const reload = async () => {
    await Promise.all([get().loadMenu(), get().menuAll ? get().loadMenuAll() : Promise.resolve()]);
  };
  return {
    ...initialMenuState,

    loadMenu: async () => {
      const r = await callApi(deps, get, 'menu.get', { includeInactive: false });
      if (r.ok) set({ menu: r.value });
    },

    loadMenuAll: async () => {
      const r = await callApi(deps, get, 'menu.get', { includeInactive: true });
      if (r.ok) set({ menuAll: r.value });
    },

    saveCategory: async (input) => {
      const r = await callApi(deps, get, 'menu.saveCategory', input);
      if (!r.ok) return null;
      await reload();
      return r.value;
    },

    saveProduct: async (input) => {
      const r = await callApi(deps, get, 'menu.saveProduct', input);
      if (!r.ok) return null;
      await reload();
      return r.value;
    },

    saveSegment: async (input) => {
      const r = await callApi(deps, get, 'menu.saveSegment', input);
      if (!r.ok) return null;
      await reload();
      return r.value;
    },

    saveCheckoutSettings: async (patch) => {
      const r = await callApi(deps, get, 'settings.update', patch, { toast: false });
      if (!r.ok) return r.error.message;
      get().internal_applySettings(r.value);
      return null;
    },

    internal_applyMenuChanged: () => {
      if (get().menu || get().menuAll) void reload();
    },
  };
};
