import { describe, expect, it } from 'vitest';
import { stateLabel, verdictOf } from './u12.ts';

describe('U12: the terminal status decides an unknown outcome', () => {
  it('card: 売上予定 / 支払済み / 売上返品待ち / 売上返品済み / 取消・返品済 done; 決済失敗(与信済) / 決済不可 not done', () => {
    for (const s of ['売上予定', '支払済み', '売上返品待ち', '売上返品済み', '取消・返品済']) expect(verdictOf('credit', s, 'approved')).toBe('done');
    for (const s of ['決済失敗(与信済)', '決済不可']) expect(verdictOf('credit', s, 'declined')).toBe('notDone');
  });

  it('e-money: 決済完了 / 取消・返品済 done; 処理未了 unconfirmed', () => {
    expect(verdictOf('emoney', '決済完了', 'approved')).toBe('done');
    expect(verdictOf('emoney', '取消・返品済', 'approved')).toBe('done');
    expect(verdictOf('emoney', '処理未了', 'unconfirmed')).toBe('unconfirmed');
  });

  it('QR: 決済完了 / 取消・返金済 done; 決済失敗 not done; 要確認 needs checking', () => {
    expect(verdictOf('qr', '決済完了', 'approved')).toBe('done');
    expect(verdictOf('qr', '取消・返金済', 'approved')).toBe('done');
    expect(verdictOf('qr', '決済失敗', 'declined')).toBe('notDone');
    expect(verdictOf('qr', '要確認', 'unconfirmed')).toBe('unconfirmed');
  });

  it('nothing reached the acquirer: cancelled (U6), stopped (U10), declined without status are not done', () => {
    for (const o of ['cancelled', 'stopped', 'declined']) expect(verdictOf('credit', null, o)).toBe('notDone');
    expect(verdictOf('emoney', null, 'declined')).toBe('notDone');
  });

  it('never guesses: unknown statuses, a status of another method, or contradictions need checking', () => {
    expect(verdictOf('credit', '謎のステータス', 'approved')).toBe('unconfirmed');
    expect(verdictOf('emoney', '売上予定', 'approved')).toBe('unconfirmed');
    expect(verdictOf('credit', null, 'approved')).toBe('unconfirmed');
    expect(verdictOf('credit', '売上予定', 'declined')).toBe('unconfirmed');
    expect(verdictOf('qr', '決済失敗', 'approved')).toBe('unconfirmed');
  });

  it('labels staff see (U2 支払完了, U4 払戻完了, U12 要確認)', () => {
    expect(stateLabel('sale', 'done', false)).toBe('支払完了');
    expect(stateLabel('sale', 'done', true)).toBe('払戻済');
    expect(stateLabel('refund', 'done', false)).toBe('払戻完了');
    expect(stateLabel('sale', 'review', false)).toBe('要確認');
    expect(stateLabel('sale', 'unknown', false)).toBe('確認中');
  });
});
