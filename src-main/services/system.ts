import { businessDayOf } from '../../src-shared/business-day.ts';
import { handlers } from '../api/context.ts';
import { getSettings } from '../store/settings-repo.ts';
import { openSessionRow } from './till.ts';

export const systemHandlers = handlers({
  'system.status': (_input, ctx) => {
    const health = ctx.core.health();
    const settings = health.ok ? getSettings(ctx.db) : null;
    return {
      mode: ctx.core.mode,
      storeName: settings?.storeName ?? '',
      registerNo: settings?.registerNo ?? 0,
      businessDay: businessDayOf(ctx.now(), settings?.businessDayStart),
      tillOpen: settings ? Boolean(openSessionRow(ctx.db, settings.registerNo)) : false,
      version: ctx.core.version,
      integrity: { ok: health.ok, detail: health.ok ? 'ok' : health.detail },
      lanEnabled: settings?.lanEnabled ?? false,
      locale: settings?.locale ?? 'ja',
    };
  },

  'system.setMode': (input, ctx) => {
    const mode = input.training ? 'training' : 'live';
    // The switch happens after this command commits in the store that was active.
    ctx.afterCommit(() => {
      ctx.core.setMode(mode);
      ctx.emit('mode.changed', { mode });
    });
    return { mode };
  },
});
