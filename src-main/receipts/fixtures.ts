// Sample documents for tests, the bench and the docs (not used by the app).
import { computeSlipTax } from '../../src-shared/tax/index.ts';
import type { FormalReceiptDoc, SaleReceiptDoc, SettlementReportDoc, TerminalCopyDoc } from './model.ts';

export const sampleStore = {
  name: 'USEN食堂 五反田店',
  address: '東京都品川区上大崎3-1-1',
  phone: '03-1234-5678',
  registrationNumber: 'T7000012050002',
} as const;

const issuedAt = new Date('2024-12-27T05:26:55Z'); // 14:26:55 in Tokyo

/** Eat-in beer and set meal (10 %), a takeout bento (8 %), a line 割引 and a slip 値引, paid in cash. */
export function sampleSale(): SaleReceiptDoc {
  const tax = computeSlipTax({
    priceMode: 'inclusive', rounding: 'floor',
    lines: [
      { unitPrice: 1100, quantity: 2, rate: 10 },
      { unitPrice: 980, quantity: 1, rate: 10, discounts: [{ kind: 'percent', percent: 10 }] },
      { unitPrice: 648, quantity: 3, rate: 8 },
    ],
    slipDiscounts: [{ kind: 'amount', yen: 100 }],
  });
  return {
    kind: 'sale', store: sampleStore,
    meta: { issuedAt, businessDay: '2024-12-27', slipNo: '1002600001480', registerNo: '01', staff: '山田' },
    items: [
      { name: '生ビール〜中〜', quantity: 2, unitPrice: 1100, amount: 2200, rate: 10 },
      { name: '唐揚げ定食', quantity: 1, unitPrice: 980, amount: 980, rate: 10, discounts: [{ label: '割引10%', yen: 98 }] },
      { name: 'のり弁当', quantity: 3, unitPrice: 648, amount: 1944, rate: 8 },
    ],
    slipDiscounts: [{ label: '値引', yen: 100 }],
    tax,
    payments: [{ label: '現金', amount: 6000, kind: 'cash' }],
    change: 6000 - tax.gross,
    footer: ['またのご来店をお待ちしております'],
  };
}

export function sampleFormal(): FormalReceiptDoc {
  const sale = sampleSale();
  return { kind: 'formal', store: sale.store, meta: sale.meta, tax: sale.tax, payments: [{ label: '現金', amount: sale.tax.gross, kind: 'cash' }], addressee: '株式会社テスト', proviso: '飲食代' };
}

export function sampleCardCopy(): TerminalCopyDoc {
  return {
    kind: 'terminal', method: 'card', copy: 'customer', transaction: 'sale', merchantName: 'USEN食堂 五反田店', merchantPhone: '03-1234-5678',
    orderCode: 'TSU3-0003377', usedAt: issuedAt, last4: '1012', brand: 'JCB', entryMode: 'IC', slipNo: '0250', division: '一括',
    approvalNo: '999999', processNo: '99999999', amount: 880,
  };
}

export function sampleSettlement(): SettlementReportDoc {
  return {
    kind: 'settlement', store: sampleStore, businessDay: '2024-12-27', registerNo: '01', printedAt: new Date('2024-12-27T15:05:00Z'), staff: '店長',
    sections: [
      { title: '売上', rows: [{ label: '総売上', amount: 152_300 }, { label: '客数', value: '48人' }, { label: '伝票数', count: 31 }] },
      { title: '支払別', rows: [{ label: '現金', count: 20, amount: 98_000 }, { label: 'USEN PAY クレジット', count: 11, amount: 54_300 }] },
    ],
  };
}
