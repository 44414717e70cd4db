import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };
import floorEn from './floor.en.json' with { type: 'json' };
import floorJa from './floor.ja.json' with { type: 'json' };
import checkoutEn from './checkout.en.json' with { type: 'json' };
import checkoutJa from './checkout.ja.json' with { type: 'json' };

/** Flattened keys, with English plural forms (_one/_other) folded into their base key. */
const keys = (obj: object, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`.replace(/_(one|other)$/, '')]);

describe('catalogues', () => {
  it('have the same keys in Japanese and English', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(ja))].sort());
  });

  it('have no empty strings', () => {
    const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'object' ? values(v as object) : [v as string]));
    expect([...values(ja), ...values(en)].filter((v) => !v.trim())).toEqual([]);
  });
});

describe('floor catalogues (floor.ja.json / floor.en.json)', () => {
  it('have the same keys in Japanese and English', () => {
    expect([...new Set(keys(floorEn))].sort()).toEqual([...new Set(keys(floorJa))].sort());
  });

  it('add top-level keys of their own, never overwriting the main catalogue', () => {
    expect(Object.keys(floorJa).filter((k) => k in ja)).toEqual([]);
    expect(Object.keys(floorEn).filter((k) => k in en)).toEqual([]);
  });

  it('have no empty strings', () => {
    const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'object' ? values(v as object) : [v as string]));
    expect([...values(floorJa), ...values(floorEn)].filter((v) => !v.trim())).toEqual([]);
  });

  it('keep the manual\'s staff strings exactly (「」 in RULES.md and the manual)', () => {
    const flat = JSON.stringify(floorJa);
    for (const s of ['予約確認', '配席のみ', '登録', '配席待ち', '配席済み', 'なし', 'ウォークイン', 'テーブル統合', 'テーブル移動',
      'テーブルグループ', 'テーブルブロック', 'テーブルリセット', '来店取消', 'SMART RESERVER同期', 'マスタ同期', '連携開始', '連携解除',
      'この端末はレジとペアリングされていません', '分前の情報です']) expect(flat).toContain(s);
  });
});

describe('checkout catalogues (checkout.ja.json / checkout.en.json)', () => {
  it('have the same keys in Japanese and English', () => {
    expect([...new Set(keys(checkoutEn))].sort()).toEqual([...new Set(keys(checkoutJa))].sort());
  });

  it('add top-level keys of their own, never overwriting the main or the floor catalogue', () => {
    expect(Object.keys(checkoutJa).filter((k) => k in ja || k in floorJa)).toEqual([]);
    expect(Object.keys(checkoutEn).filter((k) => k in en || k in floorEn)).toEqual([]);
  });

  it('have no empty strings', () => {
    const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'object' ? values(v as object) : [v as string]));
    expect([...values(checkoutJa), ...values(checkoutEn)].filter((v) => !v.trim())).toEqual([]);
  });

  it('keep the manuals\' staff strings exactly (「」 in usen-pay-a920.txt, usen-smart-reserve.txt, RULES.md)', () => {
    const flat = JSON.stringify(checkoutJa);
    for (const s of ['決済端末', '決済端末連携', '切断する', '支払完了', '控え印刷', '払戻完了', '払戻中', '決済処理中', '再接続', '更新',
      '会計', 'その他支払', '現金', '伝票明細', '詳細', '伝票取消', '取消', '再印刷', '受注コード', 'USEN PAY クレジット', 'USEN PAY 電子マネー',
      'USEN PAY QRコード', 'SMART RESERVE事前決済', '予約サイトポイント', '売掛', 'ポイント', '値引', '割引', '客層', '分割会計', '合算会計',
      '要確認', 'ちょうど', '事前決済商品のある会計は、POSから領収書発行／レシート発行ができません。',
      '予約サイトポイント利用時は値割引ボタンを押下することができません。',
      'QRコード決済は、支払完了時も支払取消時も控えは発行されません。']) expect(flat).toContain(s);
  });
});
