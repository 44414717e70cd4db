import type { Product, VisitOrders } from '../../../../src-shared/contract/index.ts';

/** A line tapped on the order screen but not sent yet (注文送信 sends them in one orders.add). */
export type DraftLine = {
  key: string;
  productId: string;
  name: string;
  unitPrice: number;
  taxClass: Product['taxClass'];
  quantity: number;
  takeout: boolean;
  note: string;
};

export type OrderState = {
  /** The visit on the order screen. */
  orderVisitId: string | null;
  orders: VisitOrders | null;
  orderDraft: DraftLine[];
  /** Eat-in or takeout for the next tapped product (each line keeps its own). */
  orderTakeout: boolean;
  orderBusy: boolean;
};

export const initialOrderState: OrderState = {
  orderVisitId: null,
  orders: null,
  orderDraft: [],
  orderTakeout: false,
  orderBusy: false,
};
