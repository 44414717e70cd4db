import { businessDayOf } from '../../src-shared/business-day.ts';
import { AppError } from '../../src-shared/errors.ts';
import { handlers } from '../api/context.ts';
import { getValue } from '../store/settings-repo.ts';
import { getSettings } from '../store/settings-repo.ts';
import { getLedgerConfig } from '../ledger/config.ts';
import { floorView, reservationRows } from './queries.ts';
import { cancelVisit, seat, updateVisit } from './seating.ts';
import { updateReservation } from './reservations.ts';
import { block, group, merge, move, reset, ungroup } from './table-ops.ts';

/** A seating that loses the race on the unique index gets the same clear answer as the check. */
function friendlyConstraint<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const message = (error as Error).message;
    if (/visits_one_per_reservation/.test(message) || /UNIQUE constraint failed: visits\.reservation_id/.test(message)) {
      throw new AppError('ALREADY_SEATED', 'reservation seated concurrently', 'この予約はほかの端末ですでに配席されています。');
    }
    if (/visit_tables_one_active|UNIQUE constraint failed: visit_tables\.table_id/.test(message)) {
      throw new AppError('TABLE_OCCUPIED', 'table taken concurrently', 'このテーブルはほかの端末で配席されました。');
    }
    throw error;
  }
}

export const floorHandlers = handlers({
  'floor.view': (_input, ctx) => floorView(ctx.db, ctx.now()),
  'reservations.list': (_input, ctx) => ({
    businessDay: businessDayOf(ctx.now(), getSettings(ctx.db).businessDayStart),
    rows: reservationRows(ctx.db, businessDayOf(ctx.now(), getSettings(ctx.db).businessDayStart)),
    lastRefreshAt: getValue<number | null>(ctx.core.liveDb(), 'ledger.lastPullAt', null),
    linked: getLedgerConfig(ctx.core.liveDb()).linkState === '連携中',
  }),
  'reservations.refresh': async (_input, ctx) => {
    const result = (await ctx.core.sync?.pullNow()) ?? { ok: false, message: null };
    return { ok: result.ok, message: result.message, lastRefreshAt: getValue<number | null>(ctx.core.liveDb(), 'ledger.lastPullAt', null) };
  },
  'seating.seat': (input, ctx) => friendlyConstraint(() => seat(input, ctx)),
  'seating.cancel': cancelVisit,
  'visit.update': updateVisit,
  'reservations.update': updateReservation,
  'table.merge': merge,
  'table.move': (input, ctx) => friendlyConstraint(() => move(input, ctx)),
  'table.block': block,
  'table.reset': reset,
  'table.group': group,
  'table.ungroup': ungroup,
});
