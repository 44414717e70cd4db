import { checkoutHandlers } from '../checkout/handlers.ts';
import { floorHandlers } from '../floor/handlers.ts';
import { syncHandlers } from '../ledger/handlers.ts';
import { menuHandlers } from '../menu/handlers.ts';
import { ordersHandlers } from '../orders/handlers.ts';
import { authHandlers } from '../services/auth.ts';
import { deviceHandlers } from '../services/devices.ts';
import { settingsHandlers } from '../services/settings.ts';
import { supportHandlers } from '../services/support.ts';
import { systemHandlers } from '../services/system.ts';
import { slipsHandlers } from '../slips/handlers.ts';
import { tillHandlers } from '../services/till.ts';
import { terminalHandlers } from '../terminal/handlers.ts';
import type { Handlers } from './context.ts';

/** One typed registry of backend handlers: the compiler checks every contract method has one. */
export const registry: Handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...tillHandlers,
  ...settingsHandlers,
  ...deviceHandlers,
  ...supportHandlers,
  ...floorHandlers,
  ...syncHandlers,
  ...menuHandlers,
  ...ordersHandlers,
  ...checkoutHandlers,
  ...slipsHandlers,
  ...terminalHandlers,
};
