// Layouts of the USEN PAY terminal copy (RULES.md#U7, manual 3-3) and the settlement report.
import { AMOUNT_COLS, reprintHeader, storeHeader, type LayoutContext } from './layout-common.ts';
import type { SettlementReportDoc, TerminalCopyDoc } from './model.ts';
import { localTime, slashDateTime, slashDay, yen } from './text.ts';

const field = (ctx: LayoutContext, label: string, value: string) => `${ctx.t(label)} | ${ctx.t(value)}`;

export function terminalMarkup(doc: TerminalCopyDoc, ctx: LayoutContext): string[] {
  const card = doc.method === 'card';
  const sale = doc.transaction === 'sale';
  // The manual's samples: card 売上票 / 取消票; e-money 領収書 / 取消・返品. Reprints carry (再).
  const title = card ? (sale ? 'クレジットカード売上票' : 'クレジットカード取消票') : (sale ? '領収書' : '取消・返品');
  const out: string[] = ['{width:auto; align:center}'];
  if (doc.reprint) out.push('^^(再)');
  out.push(`^^${ctx.t(title)}`, '', '{width:auto; align:left}', `|${ctx.t(`加盟店名 ${doc.merchantName}`)}`);
  if (doc.merchantAddress) out.push(`|${ctx.t(doc.merchantAddress)}`);
  if (doc.merchantPhone) out.push(`|${ctx.t(`TEL ${doc.merchantPhone}`)}`);
  const when = slashDateTime(localTime(doc.usedAt, ctx.timeZone));
  out.push('{width:12,*}', field(ctx, '受注コード', doc.orderCode), field(ctx, 'ご利用日', when));
  if (card) {
    out.push(
      field(ctx, 'カード番号', `****${doc.last4} ${doc.brand}${doc.entryMode ? ` ${doc.entryMode}` : ''}`),
      field(ctx, '伝票番号', doc.slipNo),
      field(ctx, '取引内容', sale ? '売上' : '取消'),
      field(ctx, '支払区分', doc.division ?? '一括'),
      field(ctx, 'カード会社', doc.brand),
    );
    if (doc.approvalNo) out.push(field(ctx, '承認番号', doc.approvalNo));
    if (doc.processNo) out.push(field(ctx, '処理番号', doc.processNo));
    out.push('-', `{width:*,${AMOUNT_COLS}}`, `^^${ctx.t('金額')} | ^^${ctx.t(yen(doc.amount))}`, field(ctx, '合計金額', yen(doc.amount)));
  } else {
    out.push(field(ctx, '会員番号', `****${doc.last4}`));
    if (doc.terminalId) out.push(field(ctx, '上位端末ID', doc.terminalId));
    out.push(field(ctx, '取引内容', sale ? '売上' : '取消'), '-', `{width:*,${AMOUNT_COLS}}`,
      `^^${ctx.t(`${doc.brand}支払${sale ? '' : '取消・返品'}`)} | ^^${ctx.t(yen(doc.amount))}`, '{width:12,*}');
    if (doc.registerNo) out.push(field(ctx, 'レジ', `#${doc.registerNo}`));
    out.push(field(ctx, '伝票番号', `#${doc.slipNo}`));
    if (doc.inquiryNo) out.push(field(ctx, '問合せ番号', doc.inquiryNo));
  }
  out.push('{width:auto; align:center}', '');
  if (sale) out.push('お買い上げありがとうございました');
  out.push(`^^${doc.copy === 'customer' ? 'お客様控' : '加盟店控'}`);
  return out;
}

export function settlementMarkup(doc: SettlementReportDoc, ctx: LayoutContext): string[] {
  const out: string[] = doc.reprint ? reprintHeader() : [];
  out.push(...storeHeader({ name: doc.store.name }, ctx), `^^${ctx.t(doc.title ?? '精算レポート')}`, '', '{width:auto; align:left}',
    `|${ctx.t(`営業日 ${slashDay(doc.businessDay)}  レジ${doc.registerNo}`)}`,
    `|${ctx.t(`出力日時 ${slashDateTime(localTime(doc.printedAt, ctx.timeZone))}`)}`);
  if (doc.staff) out.push(`|${ctx.t(`担当 ${doc.staff}`)}`);
  for (const section of doc.sections) {
    out.push('{width:auto; align:left}', '-', `|^^${ctx.t(section.title)}`, `{width:*,7,${AMOUNT_COLS}}`);
    for (const r of section.rows) {
      const value = r.value ?? (r.amount === undefined ? '' : yen(r.amount));
      out.push(`${ctx.t(r.label)} | ${r.count === undefined ? '' : ctx.t(`${r.count}件`)} | ${ctx.t(value)}`);
    }
  }
  out.push('{width:auto}', '-');
  return out;
}
