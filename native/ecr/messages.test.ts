// Message schemas: versioning, unknown fields, masked card data only.
import { describe, expect, it } from 'vitest';
import { makeMessage, parseMessage, receiptSchema, resultSchema } from './messages.ts';

const result = {
  ref: 'r1', kind: 'sale', method: 'credit', amount: 880, slip: { no: '1002600001480', part: 1 }, outcome: 'approved',
  acquirerStatus: '売上予定', maskedCard: '****1012', signed: false, at: '2024-12-27T14:26:55.000+09:00', businessDate: '2024-12-27',
};

describe('messages', () => {
  it('round-trips a message built with makeMessage', () => {
    const m = makeMessage('sale', 'p1', { ref: 'r1', amount: 1200, method: 'qr', slip: { no: '1', part: 1 } });
    expect(parseMessage(JSON.parse(JSON.stringify(m)))).toEqual({ ok: true, message: m });
    const reply = makeMessage('accepted', 't1', { ref: 'r1' }, 'p1');
    expect(parseMessage(reply)).toEqual({ ok: true, message: reply });
  });

  it('answers another major version with UNSUPPORTED_VERSION, and ignores unknown fields', () => {
    expect(parseMessage({ v: 2, type: 'hello', id: 'x', body: {} })).toMatchObject({ ok: false, code: 'UNSUPPORTED_VERSION', id: 'x' });
    const parsed = parseMessage({ v: 1, type: 'status', id: 'x', extra: 1, body: { ref: 'r', future: true } });
    expect(parsed).toEqual({ ok: true, message: { v: 1, type: 'status', id: 'x', body: { ref: 'r' } } });
  });

  it('rejects bad envelopes, unknown types and invalid bodies without throwing', () => {
    for (const raw of [null, 42, 'x', [], { v: 1 }, { v: 1, type: 'nope', id: 'a' }]) expect(parseMessage(raw).ok).toBe(false);
    expect(parseMessage({ v: 1, type: 'sale', id: 'a', body: { ref: 'r', amount: 12.5, method: 'credit', slip: { no: '1', part: 1 } } })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(parseMessage({ v: 1, type: 'sale', id: 'a', body: { ref: 'r', amount: 100, method: 'cash', slip: { no: '1', part: 1 } } }).ok).toBe(false);
    expect(parseMessage({ v: 1, type: 'sale', id: 'a', body: { ref: 'r', amount: 100, method: 'qr', slip: { no: '1', part: 6 } } }).ok).toBe(false);
  });

  it('accepts only masked card numbers in results and receipts', () => {
    expect(resultSchema.safeParse(result).success).toBe(true);
    for (const maskedCard of ['4111111111111111', '****10120', '1234', '411111******1111']) {
      expect(resultSchema.safeParse({ ...result, maskedCard }).success).toBe(false);
    }
    const receipt = { kind: 'emoney', title: '領収書', copy: 'お客様控', reprint: false, merchantName: 'm', merchantAddress: 'a', merchantPhone: 'p',
      usedAt: 't', orderCode: 'TSU3-0003378', maskedMember: '****3028', terminalId: '1', transaction: '売上', productCode: '0990',
      brand: 'iD', lineLabel: 'iD支払', amount: 880, registerNo: '066', terminalSlipNo: '000227', inquiryNo: '0003-3000403506' };
    expect(receiptSchema.safeParse(receipt).success).toBe(true);
    expect(receiptSchema.safeParse({ ...receipt, maskedMember: '6900000000003028' }).success).toBe(false);
  });
});
