// Receipt copies as structured data (U7, manual 3-3): customer and merchant copies for card and
// e-money; none for QR. Copies printed after the first carry (再).
import type { Receipt, Receipts } from '../../native/ecr/messages.ts';
import type { TxRecord, SlipNumbers } from './journal.ts';
import { receiptTime } from './rules.ts';

export interface Merchant { name: string; phone: string; address: string; terminalId: string; registerNo: string }

export const DEFAULT_MERCHANT: Merchant = {
  name: 'USEN PAY シミュレータ店', phone: '03-1234-5678', address: '東京都XX区YY 1-2-3',
  terminalId: '1234567899224', registerNo: '066',
};

const ENTRY_LABEL = { ic: 'IC', swipe: '磁気', contactless: 'タッチ' } as const;

/** Both copies for a finished approved card or e-money transaction; undefined for QR. */
export function buildReceipts(rec: TxRecord, numbers: SlipNumbers, at: number, merchant: Merchant, reprint: boolean): Receipts | undefined {
  if (rec.method === 'qr' || !rec.means?.last4) return undefined;
  const copy = (c: 'お客様控' | '加盟店控'): Receipt => (rec.method === 'credit' ? cardCopy(rec, numbers, at, merchant, reprint, c) : emoneyCopy(rec, numbers, at, merchant, reprint, c));
  return { customer: copy('お客様控'), merchant: copy('加盟店控') };
}

function cardCopy(rec: TxRecord, n: SlipNumbers, at: number, m: Merchant, reprint: boolean, copy: 'お客様控' | '加盟店控'): Receipt {
  const means = rec.means!;
  const transaction = rec.kind === 'sale' ? '売上' : rec.kind === 'void' ? '取消' : '返品';
  return {
    kind: 'card',
    title: rec.kind === 'sale' ? 'クレジットカード売上票' : rec.kind === 'void' ? 'クレジットカード取消票' : 'クレジットカード返品票',
    copy, reprint,
    merchantName: m.name, merchantPhone: m.phone,
    orderCode: n.orderCode, usedAt: receiptTime(at),
    maskedCard: `****${means.last4}`, brand: means.brand, entryLabel: ENTRY_LABEL[means.entry ?? 'ic'],
    terminalSlipNo: n.terminalSlipNo, expiry: 'XX/XX', transaction,
    division: '一括', handlingCode: '110', productCode: '990',
    cardCompany: means.brand, approvalNo: n.approvalNo, processingNo: n.processingNo,
    amount: rec.amount, total: rec.amount,
  };
}

function emoneyCopy(rec: TxRecord, n: SlipNumbers, at: number, m: Merchant, reprint: boolean, copy: 'お客様控' | '加盟店控'): Receipt {
  const means = rec.means!;
  const sale = rec.kind === 'sale';
  return {
    kind: 'emoney',
    title: sale ? '領収書' : '取消・返品',
    copy, reprint,
    merchantName: m.name, merchantAddress: m.address, merchantPhone: m.phone,
    usedAt: receiptTime(at), orderCode: n.orderCode,
    maskedMember: `****${means.last4}`, terminalId: m.terminalId,
    transaction: sale ? '売上' : '取消', productCode: '0990',
    brand: means.brand, lineLabel: sale ? `${means.brand}支払` : `${means.brand}支払取消・返品`, amount: rec.amount,
    registerNo: m.registerNo, terminalSlipNo: n.terminalSlipNo.padStart(6, '0'), inquiryNo: n.inquiryNo,
  };
}

/** Copies as reprinted: the stored ones marked (再). */
export function markReprint(receipts: Receipts): Receipts {
  return { customer: { ...receipts.customer, reprint: true }, merchant: { ...receipts.merchant, reprint: true } };
}
