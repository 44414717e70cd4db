import { handlers } from '../api/context.ts';
import { getSettings, saveSettings } from '../store/settings-repo.ts';

export const settingsHandlers = handlers({
  'settings.get': (_input, ctx) => getSettings(ctx.db),
  'settings.update': (input, ctx) => {
    // Settings belong to the register, not to a mode: a change made during training applies
    // to the live store too (the station reads LAN from it), and the training copy follows.
    const live = ctx.core.liveDb();
    const next = saveSettings(live, input);
    if (ctx.db !== live) saveSettings(ctx.db, input);
    ctx.emit('settings.changed', next);
    return next;
  },
});
