import type { Product, VisitOrders } from '../../../../src-shared/contract/index.ts';
import { callApi } from '../../call.ts';
import type { SliceCreator } from '../../types.ts';
import { initialOrderState, type DraftLine, type OrderState } from './initialState.ts';

export type OrderActions = {
  /** The order screen shows a visit (screen params from the table list): its lines, the menu, the settings. */
  enterOrder: (visitId: string) => Promise<void>;
  loadOrders: () => Promise<void>;
  addToDraft: (product: Product) => void;
  setDraftQuantity: (key: string, quantity: number) => void;
  setDraftTakeout: (key: string, takeout: boolean) => void;
  setDraftNote: (key: string, note: string) => void;
  removeDraft: (key: string) => void;
  setOrderTakeout: (takeout: boolean) => void;
  /** 注文送信: the draft in one orders.add; true when nothing is left to send. */
  sendOrder: () => Promise<boolean>;
  /** Quantity, eat-in/takeout or note of a sent, still open line. */
  updateLine: (lineId: string, patch: { quantity?: number; takeout?: boolean; note?: string }) => Promise<boolean>;
  /** 取消 of a sent line before checkout. */
  voidLine: (lineId: string, reason: string) => Promise<boolean>;
  internal_applyOrdersChanged: (visitId: string) => void;
};

export type OrderSlice = OrderState & OrderActions;

const MAX_QUANTITY = 99;
let draftSeq = 0;

export const createOrderSlice: SliceCreator<OrderSlice> = (deps) => (set, get) => {
  const apply = (orders: VisitOrders) => {
    if (orders.visitId === get().orderVisitId) set({ orders });
  };
  const patchDraft = (key: string, patch: Partial<DraftLine>) =>
    set({ orderDraft: get().orderDraft.map((l) => (l.key === key ? { ...l, ...patch } : l)) });
  const command = async (run: () => Promise<boolean>): Promise<boolean> => {
    if (get().orderBusy) return false;
    set({ orderBusy: true });
    try {
      return await run();
    } finally {
      set({ orderBusy: false });
    }
  };
  return {
    ...initialOrderState,

    enterOrder: async (visitId) => {
      if (get().orderVisitId !== visitId) set({ ...initialOrderState, orderVisitId: visitId });
      await Promise.all([get().loadOrders(), get().menu ? Promise.resolve() : get().loadMenu(), get().settings ? Promise.resolve() : get().loadSettings()]);
    },

    loadOrders: async () => {
      const visitId = get().orderVisitId;
      if (!visitId) return;
      const r = await callApi(deps, get, 'orders.list', { visitId });
      if (r.ok) apply(r.value);
    },

    addToDraft: (product) => {
      const takeout = get().orderTakeout;
      const same = get().orderDraft.find((l) => l.productId === product.id && l.takeout === takeout && l.note === '');
      if (same) {
        patchDraft(same.key, { quantity: Math.min(MAX_QUANTITY, same.quantity + 1) });
        return;
      }
      set({
        orderDraft: [...get().orderDraft, {
          key: `d${++draftSeq}`, productId: product.id, name: product.name, unitPrice: product.price, taxClass: product.taxClass,
          quantity: 1, takeout, note: '',
        }],
      });
    },

    setDraftQuantity: (key, quantity) => {
      if (quantity < 1) get().removeDraft(key);
      else patchDraft(key, { quantity: Math.min(MAX_QUANTITY, quantity) });
    },
    setDraftTakeout: (key, takeout) => patchDraft(key, { takeout }),
    setDraftNote: (key, note) => patchDraft(key, { note }),
    removeDraft: (key) => set({ orderDraft: get().orderDraft.filter((l) => l.key !== key) }),
    setOrderTakeout: (takeout) => set({ orderTakeout: takeout }),

    sendOrder: async () => {
      const visitId = get().orderVisitId;
      const draft = get().orderDraft;
      if (!visitId) return false;
      if (draft.length === 0) return true;
      return command(async () => {
        const r = await callApi(deps, get, 'orders.add', {
          visitId, lines: draft.map((l) => ({ productId: l.productId, quantity: l.quantity, takeout: l.takeout, note: l.note.trim() })),
        });
        if (!r.ok) return false;
        // Lines tapped while the call was out stay in the draft.
        set({ orderDraft: get().orderDraft.filter((l) => !draft.includes(l)) });
        apply(r.value);
        return true;
      });
    },

    updateLine: (lineId, patch) => command(async () => {
      const r = await callApi(deps, get, 'orders.update', { lineId, ...patch });
      if (r.ok) apply(r.value);
      return r.ok;
    }),

    voidLine: (lineId, reason) => command(async () => {
      const r = await callApi(deps, get, 'orders.void', { lineId, reason });
      if (r.ok) apply(r.value);
      return r.ok;
    }),

    internal_applyOrdersChanged: (visitId) => {
      if (visitId === get().orderVisitId) void get().loadOrders();
    },
  };
};
