import { z } from 'zod';
import { denominationCounts, positiveYen, yen } from '../money.ts';
import { method } from './define.ts';
import { cashMoveResult, id, tillSummary } from './schemas.ts';

const reason = z.string().trim().min(1, '理由を入力してください。').max(60, '理由は60文字以内で入力してください。');

export const tillMethods = {
  'till.status': method({
    kind: 'query', access: 'staff', summary: 'The open till session, or null when closed.',
    input: z.object({}), output: tillSummary.nullable(),
  }),
  'till.open': method({
    kind: 'command', access: ['cashier', 'manager'],
    summary: 'Open the till (開局, G1) with a change fund given by denomination or as a total.',
    input: z.union([
      z.object({ counts: denominationCounts }),
      z.object({ total: yen }),
    ], { message: '釣銭準備金を金種別または合計で入力してください。' }),
    output: tillSummary,
  }),
  'till.cashMove': method({
    kind: 'command', access: ['cashier', 'manager'], summary: 'Record cash in or out (入出金) with a reason; answers the movement and the new cash figures.',
    input: z.object({ kind: z.enum(['in', 'out']), amount: positiveYen, reason }),
    output: cashMoveResult,
  }),
  'till.close': method({
    kind: 'command', access: ['cashier', 'manager'],
    summary: 'Close the till (閉局) with the counted cash by denomination; backs up the database.',
    input: z.object({ counts: denominationCounts }),
    output: tillSummary,
  }),
  'till.report': method({
    kind: 'query', access: ['cashier', 'manager'], summary: 'Settlement report of a till session (default: the latest).',
    input: z.object({ sessionId: id.optional() }), output: tillSummary,
  }),
  'till.history': method({
    kind: 'query', access: ['cashier', 'manager'], summary: 'Recent till sessions, newest first.',
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(tillSummary),
  }),
};
