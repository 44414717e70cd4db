import type {
  CheckoutQuote, CheckoutResult, MenuView, OrderLine, SlipDetail, SlipRow, TerminalPayment, TerminalStatus, VisitOrders,
} from '../../../src-shared/contract/index.ts';

/** Contract-valid menu, order, checkout, slip and terminal answers for the slice tests (the client checks every answer). */
export const AT = Date.UTC(2026, 10, 21, 9, 0);

export const menuView = (over: Partial<MenuView> = {}): MenuView => ({
  priceMode: 'inclusive',
  categories: [{ id: 'cat-food', name: 'お食事', sort: 0 }, { id: 'cat-alcohol', name: 'アルコール', sort: 1 }],
  products: [
    { id: 'p-karaage', categoryId: 'cat-food', name: '唐揚げ定食', price: 980, taxClass: 'reduced', active: true, sort: 0 },
    { id: 'p-beer', categoryId: 'cat-alcohol', name: '生ビール', price: 580, taxClass: 'alcohol', active: true, sort: 0 },
  ],
  segments: [{ id: 'seg-1', name: '一般', sort: 0, active: true }],
  ...over,
});

export const orderLine = (over: Partial<OrderLine> = {}): OrderLine => ({
  id: 'line-1', visitId: 'visit-1', seq: 1, productId: 'p-karaage', categoryId: 'cat-food', name: '唐揚げ定食', unitPrice: 980, quantity: 2,
  amount: 1960, priceMode: 'inclusive', taxClass: 'reduced', takeout: false, rate: 10, note: '', status: 'open', orderedAt: AT,
  orderedBy: '佐藤 花子', voidedAt: null, voidReason: null, slipNo: null, ...over,
});

export const visitOrders = (lines: OrderLine[] = [orderLine()], over: Partial<VisitOrders> = {}): VisitOrders => {
  const gross = lines.filter((l) => l.status === 'open').reduce((a, l) => a + l.amount, 0);
  return {
    visitId: 'visit-1', tableIds: ['floor-1-T1'], visitStatus: 'seated', lines,
    total: { gross, net: gross - Math.floor((gross * 10) / 110), tax: Math.floor((gross * 10) / 110), byRate: [] },
    openSlip: null, ...over,
  };
};

export const quote = (over: Partial<CheckoutQuote> = {}): CheckoutQuote => ({
  visitIds: ['visit-1'], tableIds: ['floor-1-T1'], priceMode: 'inclusive', slipNo: null, partNo: 1, splitMode: 'none', splitParts: null,
  lines: [{ lineId: 'line-1', visitId: 'visit-1', name: '唐揚げ定食', quantity: 2, unitPrice: 980, rate: 10, takeout: false, amount: 1960, discount: 0, subtotal: 1960 }],
  byRate: [{ rate: 10, subtotal: 1960, slipDiscount: 0, gross: 1960, net: 1782, tax: 178 }],
  subtotal: 1960, lineDiscount: 0, slipDiscount: 0, total: 1960, net: 1782, tax: 178, billTotal: 1960, remainingAfter: 0,
  tendered: 0, change: 0, shortfall: 1960, party: 2, prepayment: 0, points: 0, suggestedPayments: [], discountsAllowed: true,
  warnings: [], refusals: [{ code: 'UNDERPAID', message: 'お預り金額が不足しています（不足 ¥1,960）。' }], canCommit: false, receipt: 'issued',
  ...over,
});

export const checkoutResult = (over: Partial<CheckoutResult> = {}): CheckoutResult => ({
  slipId: 'slip-1', slipNo: '1012600000001', partNo: 1, total: 1960, change: 40, closed: true, remaining: 0, warnings: [],
  print: { status: 'queued', message: null }, ...over,
});

export const terminalStatus = (over: Partial<TerminalStatus> = {}): TerminalStatus => ({
  configured: true, target: 'tcp 127.0.0.1:10009', state: 'connected', code: null, message: null, action: null,
  serial: 'A920MAX-SIM-0001', model: 'PAX A920 MAX', battery: 80, busy: false,
  methods: [
    { method: 'credit', label: 'USEN PAY クレジット', enabled: true }, { method: 'emoney', label: 'USEN PAY 電子マネー', enabled: true },
    { method: 'qr', label: 'USEN PAY QRコード', enabled: true },
  ],
  openPayments: 0, at: AT, ...over,
});

export const terminalPayment = (over: Partial<TerminalPayment> = {}): TerminalPayment => ({
  ref: 'R1', kind: 'sale', originalRef: null, visitId: 'visit-1', slipId: null, slipNo: null, method: 'credit', methodLabel: 'USEN PAY クレジット',
  amount: 1000, state: 'waiting', stateLabel: '決済処理中', refunded: false, refundRef: null, consumed: false, step: null, display: null, reason: null,
  acquirerStatus: null, transaction: null, brand: null, maskedCard: null, entry: null, approvalNo: null, orderCode: null, resultAt: null,
  hasCopies: false, copiesPrinted: 0, decision: null, createdAt: AT, updatedAt: AT, ...over,
});

export const slipRow = (over: Partial<SlipRow> = {}): SlipRow => ({
  id: 'slip-1', slipNo: '1012600000001', kind: 'sale', status: 'closed', businessDay: '2026-11-21', openedAt: AT, closedAt: AT,
  visitId: 'visit-1', guestName: 'ウォークイン', tableNames: ['T1'], party: 2, segmentName: null, gross: 1960, tax: 178, discount: 0,
  splitMode: 'none', parts: 1, paymentKinds: ['cash'], parentSlipNo: null, ...over,
});

export const slipDetail = (over: Partial<SlipDetail> = {}): SlipDetail => ({
  ...slipRow(), priceMode: 'inclusive', rounding: 'floor',
  visits: [{ visitId: 'visit-1', role: 'main', guestName: 'ウォークイン', party: 2, reservationId: null }],
  childSlipNos: [],
  parts: [{
    partNo: 1, at: AT, staffName: '佐藤 花子', subtotal: 1960, lineDiscount: 0, slipDiscount: 0, gross: 1960, net: 1782, tax: 178, paid: 2000, change: 40,
    prepaid: false, receiptPrints: 1, formalPrints: 0, print: { status: 'printed', message: null }, byRate: [{ rate: 10, subtotal: 1960, slipDiscount: 0, gross: 1960, net: 1782, tax: 178 }],
    discounts: [], payments: [{ kind: 'cash', label: '現金', tendered: 2000, amount: 1960 }], lines: [orderLine({ status: 'paid', slipNo: '1012600000001' })],
  }],
  billedLines: [], cancellation: null, ...over,
});
