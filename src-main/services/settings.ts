import { handlers } from '../api/context.ts';
import { getSettings, saveSettings } from '../store/settings-repo.ts';

export const settingsHandlers = handlers({
  'settings.get': (_input, ctx) => getSettings(ctx.db),
  'settings.update': (input, ctx) => {
    const next = saveSettings(ctx.db, input);
    ctx.emit('settings.changed', next);
    return next;
  },
});
