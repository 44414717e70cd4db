import { useEffect } from 'react';
import { useApp } from './store-context.tsx';
import { FloorScreen } from '../features/floor/FloorScreen.tsx';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { ReservationsScreen } from '../features/reservations/ReservationsScreen.tsx';
import { SyncQueueScreen } from '../features/sync/SyncQueueScreen.tsx';
import { CheckoutScreen } from '../features/checkout/CheckoutScreen.tsx';
import { CheckoutSettingsScreen } from '../features/menu-settings/CheckoutSettingsScreen.tsx';
import { OrderScreen } from '../features/order/OrderScreen.tsx';
import { SlipsScreen } from '../features/slips/SlipsScreen.tsx';
import { ReportScreen } from '../features/report/ReportScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { SupportScreen } from '../features/support/SupportScreen.tsx';
import { CashMoveScreen } from '../features/till/CashMoveScreen.tsx';
import { TillCloseScreen } from '../features/till/TillCloseScreen.tsx';
import { TillOpenScreen } from '../features/till/TillOpenScreen.tsx';
import { sessionSelectors } from '../store/slices/session/selectors.ts';
import type { AppState } from '../store/index.ts';
import type { Screen } from '../store/slices/ui/initialState.ts';

/** Who may see each screen; the core enforces the same rules, this only avoids dead ends. */
const ALLOWED: Record<Screen, (s: AppState) => boolean> = {
  home: () => true,
  tillOpen: sessionSelectors.canHandleTill,
  cashMove: sessionSelectors.canHandleTill,
  tillClose: sessionSelectors.canHandleTill,
  report: sessionSelectors.canHandleTill,
  settings: sessionSelectors.canManage,
  support: sessionSelectors.canSupport,
  floor: sessionSelectors.canHandleTill,
  reservations: sessionSelectors.canHandleTill,
  syncQueue: sessionSelectors.canHandleTill,
  order: sessionSelectors.canHandleTill,
  checkout: sessionSelectors.canHandleTill,
  slips: sessionSelectors.canHandleTill,
  checkoutSettings: sessionSelectors.canManage,
};

export function Screens() {
  const screen = useApp((s) => s.screen);
  const allowed = useApp((s) => ALLOWED[s.screen](s));
  const navigate = useApp((s) => s.navigate);
  useEffect(() => {
    if (!allowed) navigate('home');
  }, [allowed, navigate]);
  if (!allowed) return null;
  switch (screen) {
    case 'home': return <HomeScreen />;
    case 'tillOpen': return <TillOpenScreen />;
    case 'cashMove': return <CashMoveScreen />;
    case 'tillClose': return <TillCloseScreen />;
    case 'report': return <ReportScreen />;
    case 'settings': return <SettingsScreen />;
    case 'support': return <SupportScreen />;
    case 'floor': return <FloorScreen />;
    case 'reservations': return <ReservationsScreen />;
    case 'syncQueue': return <SyncQueueScreen />;
    case 'order': return <OrderScreen />;
    case 'checkout': return <CheckoutScreen />;
    case 'slips': return <SlipsScreen />;
    case 'checkoutSettings': return <CheckoutSettingsScreen />;
  }
}
