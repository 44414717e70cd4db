import type { CheckoutQuote, Notice, ParsedInput, Settings } from '../../src-shared/contract/index.ts';
import type { PriceMode } from '../../src-shared/tax/index.ts';
import type { HandlerCtx } from '../api/context.ts';
import { openSessionRow } from '../services/till.ts';
import { getSettings } from '../store/settings-repo.ts';
import { gatherBill, type Bill } from './bill.ts';
import { planPart, priceModeOf, type PartPlan } from './compute.ts';
import { planPayments, type PaymentPlan } from './rules.ts';
import { stmt } from '../store/stmt.ts';

type Input = ParsedInput<'checkout.commit'>;

/** One evaluation serves the preview (checkout.quote) and the commit, so they never disagree. */
export type Evaluation = {
  input: Input; settings: Settings; bill: Bill; plan: PartPlan; pay: PaymentPlan; priceMode: PriceMode;
  party: number; warnings: Notice[]; refusals: Notice[];
};

export function evaluate(ctx: HandlerCtx, input: Input): Evaluation {
  const warnings: Notice[] = [];
  const refusals: Notice[] = [];
  const settings = getSettings(ctx.db);
  const bill = gatherBill(ctx, input.visitId, input.combineVisitIds, refusals);
  const plan = planPart(ctx.db, bill, input, settings.priceMode, settings.taxRounding, refusals);
  const pay = planPayments(ctx.db, bill, plan, input, settings, warnings, refusals);
  if (input.segmentId && !stmt(ctx.db, 'SELECT 1 FROM customer_segments WHERE id = ? AND active = 1').get(input.segmentId)) {
    refusals.push({ code: 'SEGMENT_NOT_FOUND', message: '客層が見つかりません。メニューを更新してください。' });
  }
  if (!openSessionRow(ctx.db, settings.registerNo)) refusals.push({ code: 'TILL_NOT_OPEN', message: '開局されていません。先に開局してください。' });
  const party = input.party ?? bill.visits.reduce((a, v) => a + v.party, 0);
  const priceMode = priceModeOf(plan.lines.map((l) => l.row), settings.priceMode, []);
  return { input, settings, bill, plan, pay, priceMode, party, warnings, refusals: dedupe(refusals) };
}

const dedupe = (list: Notice[]): Notice[] => list.filter((n, i) => list.findIndex((m) => m.code === n.code && m.message === n.message) === i);

export function toQuote(ev: Evaluation): CheckoutQuote {
  const { bill, plan, pay } = ev;
  const discountOf = new Map<string, number>();
  for (const d of plan.discounts) if (d.lineId) discountOf.set(d.lineId, (discountOf.get(d.lineId) ?? 0) + d.yen);
  return {
    visitIds: bill.visits.map((v) => v.id), tableIds: bill.visits.flatMap((v) => v.tableIds), priceMode: ev.priceMode,
    slipNo: bill.openSlip?.slip_no ?? null, partNo: plan.partNo, splitMode: plan.splitMode, splitParts: plan.splitParts,
    lines: plan.lines.map(({ row, quantity }) => {
      const amount = row.unit_price * quantity;
      const discount = discountOf.get(row.id) ?? 0;
      return {
        lineId: row.id, visitId: row.visit_id, name: row.name, quantity, unitPrice: row.unit_price, rate: row.rate,
        takeout: row.takeout === 1, amount, discount, subtotal: amount - discount,
      };
    }),
    byRate: plan.byRate.map((r) => ({ rate: r.rate, subtotal: r.subtotal, slipDiscount: r.slipDiscount, gross: r.gross, net: r.net, tax: r.tax })),
    subtotal: plan.subtotal, lineDiscount: plan.lineDiscount, slipDiscount: plan.slipDiscount,
    total: plan.gross, net: plan.net, tax: plan.tax, billTotal: plan.billTotal, remainingAfter: plan.remainingAfter,
    tendered: pay.tendered, change: pay.change, shortfall: pay.shortfall, party: ev.party,
    prepayment: bill.main.prepayment, points: bill.main.points, suggestedPayments: pay.suggested, discountsAllowed: pay.discountsAllowed,
    warnings: ev.warnings, refusals: ev.refusals, canCommit: ev.refusals.length === 0,
    receipt: pay.prepaidPart ? 'none-prepaid' : 'issued',
  };
}
